import nodemailer from 'nodemailer';
import type { WriteDb } from '../store/database.ts';

/**
 * How the reference registry sends its e-mails: over SMTP with nodemailer when a server is
 * configured, otherwise into the demo mailbox (a page of the registry, /demo/mailbox), so
 * activation can be finished in demo mode with nothing else installed.
 */
export type Mail = { to: string; subject: string; text: string; link: string };
export type Mailer = { send(mail: Mail): Promise<void>; readonly kind: 'smtp' | 'demo-mailbox' };

export type SmtpConfig = { host: string; port: number; secure?: boolean; user?: string; pass?: string; from: string };

export function smtpMailer(config: SmtpConfig): Mailer {
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure ?? false,
    ...(config.user ? { auth: { user: config.user, pass: config.pass ?? '' } } : {}),
    // A loopback test server has no certificate; a real relay negotiates STARTTLS.
    tls: { rejectUnauthorized: config.host !== '127.0.0.1' && config.host !== 'localhost' },
  });
  return {
    kind: 'smtp',
    async send(mail) {
      await transport.sendMail({ from: config.from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}

export const MAILBOX_SCHEMA = `CREATE TABLE IF NOT EXISTS mailbox (
  id INTEGER PRIMARY KEY,
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  link TEXT NOT NULL,
  sent_at TEXT NOT NULL
) STRICT;`;

export function demoMailbox(db: WriteDb): Mailer & { list(): Promise<(Mail & { sentAt: string })[]> } {
  return {
    kind: 'demo-mailbox',
    async send(mail) {
      await db.transaction((tx) =>
        tx.run('INSERT INTO mailbox (recipient, subject, body, link, sent_at) VALUES (?, ?, ?, ?, ?)', [
          mail.to,
          mail.subject,
          mail.text,
          mail.link,
          new Date().toISOString(),
        ]),
      );
    },
    async list() {
      return db.all<Mail & { sentAt: string }>(
        'SELECT recipient AS "to", subject, body AS text, link, sent_at AS sentAt FROM mailbox ORDER BY id DESC LIMIT 50',
      );
    },
  };
}
