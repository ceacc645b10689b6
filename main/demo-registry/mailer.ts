import nodemailer from 'nodemailer';
import type { WriteDb } from '../store/database.ts';

/**
 * How the reference registry sends its e-mails: over SMTP with nodemailer when a server is
 * configured, otherwise into the demo mailbox (a page of the registry, /demo/mailbox), so
 * activation can be finished in demo mode with nothing else installed.
 */
export type Attachment = { filename: string; content: Buffer; contentType: string };
export type Mail = { to: string; subject: string; text: string; link: string; attachment?: Attachment };
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
      await transport.sendMail({
        from: config.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.attachment ? { attachments: [mail.attachment] } : {}),
      });
    },
  };
}

export const MAILBOX_SCHEMA = `CREATE TABLE IF NOT EXISTS mailbox (
  id INTEGER PRIMARY KEY,
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  link TEXT NOT NULL,
  attachment_name TEXT,
  attachment BLOB,
  sent_at TEXT NOT NULL
) STRICT;`;

/** Creates the demo mailbox's table, or adds the attachment columns to one made before them. */
export async function prepareMailbox(db: WriteDb): Promise<void> {
  await db.transaction((tx) => tx.exec(MAILBOX_SCHEMA));
  const columns = (await db.all<{ name: string }>("SELECT name FROM pragma_table_info('mailbox')")).map((c) => c.name);
  if (!columns.includes('attachment')) {
    await db.transaction((tx) => tx.exec('ALTER TABLE mailbox ADD COLUMN attachment_name TEXT; ALTER TABLE mailbox ADD COLUMN attachment BLOB;'));
  }
}

export type MailboxEntry = Mail & { id: number; sentAt: string; attachmentName: string | null };

export function demoMailbox(db: WriteDb): Mailer & { list(): Promise<MailboxEntry[]>; attachment(id: number): Promise<Attachment | null> } {
  return {
    kind: 'demo-mailbox',
    async send(mail) {
      await db.transaction((tx) =>
        tx.run('INSERT INTO mailbox (recipient, subject, body, link, attachment_name, attachment, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
          mail.to,
          mail.subject,
          mail.text,
          mail.link,
          mail.attachment?.filename ?? null,
          mail.attachment?.content ?? null,
          new Date().toISOString(),
        ]),
      );
    },
    async list() {
      return db.all<MailboxEntry>(
        'SELECT id, recipient AS "to", subject, body AS text, link, attachment_name AS attachmentName, sent_at AS sentAt FROM mailbox ORDER BY id DESC LIMIT 50',
      );
    },
    async attachment(id) {
      const row = await db.get<{ name: string | null; content: Buffer | null }>(
        'SELECT attachment_name AS name, attachment AS content FROM mailbox WHERE id = ?',
        [id],
      );
      return row?.name && row.content ? { filename: row.name, content: row.content, contentType: 'application/pdf' } : null;
    },
  };
}
