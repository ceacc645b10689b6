import nodemailer from 'nodemailer';

/**
 * How the reference registry sends its e-mails: over SMTP with nodemailer when a server is
 * configured, otherwise into the demo mailbox (demo-mailbox.ts), so activation can be
 * finished in demo mode with nothing else installed.
 */
export type Attachment = { filename: string; content: Buffer; contentType: string };
/** `account`: the RM number the mail is about; the demo mailbox shows a mail only to a link granted for that account and address. */
export type Mail = { to: string; account: string; subject: string; text: string; link: string; attachment?: Attachment };
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
