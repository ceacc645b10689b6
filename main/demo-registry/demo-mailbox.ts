import { createHash, randomBytes } from 'node:crypto';
import { normaliseEmail } from '../shared/rules/email.ts';
import type { WriteDb } from '../store/database.ts';
import type { Attachment, Mail, Mailer } from './mailer.ts';

/**
 * The demo registry's mailbox, where its e-mails go when no SMTP server is configured.
 *
 * Demos run at real desks with real people: one mailbox listing every mail would hand anyone
 * another artisan's confirmation link, password-reset link or card. So there is no listing of
 * all mail. A mailbox is one recipient's mail about one account, opened only with an access
 * link the registry grants for that pair (`grant`): 256 random bits, kept here as a SHA-256 hash
 * only (the database file does not hold a working link), expiring after `ttlMs`. Grants live in
 * the registry's database, so a restart of the registry keeps a phone's open mailbox working
 * until its link expires.
 */

export const MAILBOX_SCHEMA = `CREATE TABLE IF NOT EXISTS mailbox (
  id INTEGER PRIMARY KEY,
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  link TEXT NOT NULL,
  attachment_name TEXT,
  attachment BLOB,
  sent_at TEXT NOT NULL,
  rm_number TEXT
) STRICT;
CREATE TABLE IF NOT EXISTS mailbox_access (
  token_hash TEXT PRIMARY KEY,
  rm_number TEXT NOT NULL,
  recipient TEXT NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;`;

/** An access link lives this long by default: a visit at the desk, and the card mailed at its end. */
export const MAILBOX_TTL_MS = 60 * 60_000;

/** Creates the mailbox's tables, or adds the columns a table made before them lacks. */
export async function prepareMailbox(db: WriteDb): Promise<void> {
  await db.transaction((tx) => tx.exec(MAILBOX_SCHEMA));
  const columns = (await db.all<{ name: string }>("SELECT name FROM pragma_table_info('mailbox')")).map((c) => c.name);
  if (!columns.includes('attachment')) {
    await db.transaction((tx) => tx.exec('ALTER TABLE mailbox ADD COLUMN attachment_name TEXT; ALTER TABLE mailbox ADD COLUMN attachment BLOB;'));
  }
  // Mail kept before mailboxes were per account has no account: it is shown to no one.
  if (!columns.includes('rm_number')) await db.transaction((tx) => tx.exec('ALTER TABLE mailbox ADD COLUMN rm_number TEXT;'));
}

/** Whose mailbox an access link opens. */
export type MailboxAccess = { rmNumber: string; recipient: string };
export type MailboxEntry = { id: number; to: string; subject: string; text: string; link: string; sentAt: string; attachmentName: string | null };

const sha = (token: string) => createHash('sha256').update(token).digest('hex');
// What a token looks like: 32 bytes in base64url. Anything else is refused before the database.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function demoMailbox(db: WriteDb, options: { ttlMs?: number; now?: () => number } = {}) {
  const ttlMs = options.ttlMs ?? MAILBOX_TTL_MS;
  const now = options.now ?? Date.now;
  return {
    kind: 'demo-mailbox' as const,
    async send(mail: Mail): Promise<void> {
      await db.transaction((tx) =>
        tx.run('INSERT INTO mailbox (recipient, rm_number, subject, body, link, attachment_name, attachment, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
          normaliseEmail(mail.to),
          mail.account,
          mail.subject,
          mail.text,
          mail.link,
          mail.attachment?.filename ?? null,
          mail.attachment?.content ?? null,
          new Date().toISOString(),
        ]),
      );
    },

    /** A new access link's token for this account's mail to this address; expired grants are dropped on the way. */
    async grant(rmNumber: string, email: string): Promise<string> {
      const token = randomBytes(32).toString('base64url');
      const at = now();
      await db.transaction(async (tx) => {
        await tx.run('DELETE FROM mailbox_access WHERE expires_at < ?', [at]);
        await tx.run('INSERT INTO mailbox_access (token_hash, rm_number, recipient, expires_at) VALUES (?, ?, ?, ?)', [
          sha(token),
          rmNumber,
          normaliseEmail(email),
          at + ttlMs,
        ]);
      });
      return token;
    },

    /** Whose mailbox a token opens; null when it is malformed, unknown or expired (the caller says no more than that). */
    async open(token: string): Promise<MailboxAccess | null> {
      if (!TOKEN_SHAPE.test(token)) return null;
      const row = await db.get<{ rmNumber: string; recipient: string; expiresAt: number }>(
        'SELECT rm_number AS rmNumber, recipient, expires_at AS expiresAt FROM mailbox_access WHERE token_hash = ?',
        [sha(token)],
      );
      return row && row.expiresAt >= now() ? { rmNumber: row.rmNumber, recipient: row.recipient } : null;
    },

    /** The mail of one mailbox, newest first. */
    async list(access: MailboxAccess): Promise<MailboxEntry[]> {
      return db.all<MailboxEntry>(
        `SELECT id, recipient AS "to", subject, body AS text, link, attachment_name AS attachmentName, sent_at AS sentAt
         FROM mailbox WHERE recipient = ? AND rm_number = ? ORDER BY id DESC LIMIT 50`,
        [access.recipient, access.rmNumber],
      );
    },

    /** A mail's attachment, only from the mailbox it belongs to. */
    async attachment(access: MailboxAccess, id: number): Promise<Attachment | null> {
      const row = await db.get<{ name: string | null; content: Buffer | null }>(
        'SELECT attachment_name AS name, attachment AS content FROM mailbox WHERE id = ? AND recipient = ? AND rm_number = ?',
        [id, access.recipient, access.rmNumber],
      );
      return row?.name && row.content ? { filename: row.name, content: row.content, contentType: 'application/pdf' } : null;
    },
  } satisfies Mailer & Record<string, unknown>;
}

export type DemoMailbox = ReturnType<typeof demoMailbox>;
