import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { DeliveryAddress, ProfileChange, ProfileWire } from '../registry/accounts-wire.ts';
import type { ArtisanTuple } from '../registry/wire.ts';
import { isEmail, normaliseEmail } from '../shared/rules/email.ts';
import { checkPassword } from '../shared/rules/password.ts';
import type { TxDb, WriteDb } from '../store/database.ts';
import type { Mailer } from './mailer.ts';
import type { RegistryStore } from './registry-store.ts';

/**
 * Accounts on the reference registry: activation with a confirmation link, login with a
 * lockout, password reset, contact details. Passwords and tokens are kept only as hashes
 * (scrypt for passwords, SHA-256 for random tokens).
 */
export const ACCOUNTS_SCHEMA = `
CREATE TABLE IF NOT EXISTS accounts (
  rm_number TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  pending_email TEXT,
  mobile TEXT,
  delivery_address TEXT,
  password_hash TEXT NOT NULL,
  salt TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'active')),
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER
) STRICT;
-- When the newest profile change applied for an artisan was made (the operation's 'at'): an
-- older one arriving late (retried after a failure) is kept as received but overwrites nothing.
CREATE TABLE IF NOT EXISTS profile_changes_applied (
  rm_number TEXT PRIMARY KEY,
  at TEXT NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS account_tokens (
  token_hash TEXT PRIMARY KEY,
  rm_number TEXT NOT NULL,
  purpose TEXT NOT NULL CHECK (purpose IN ('confirm', 'confirm-email', 'reset')),
  expires_at INTEGER NOT NULL
) STRICT;
`;

export const MAX_LOGIN_FAILURES = 5;
export const LOGIN_LOCK_MS = 15 * 60_000;
const TOKEN_TTL_MS = 24 * 60 * 60_000;

export type AccountError =
  | {
      code:
        | 'NOT_FOUND'
        | 'RADIATED'
        | 'ACCOUNT_EXISTS'
        | 'EMAIL_TAKEN'
        | 'EMAIL_INVALID'
        | 'EMAIL_UNCHANGED'
        | 'PASSWORD_WEAK'
        | 'TOKEN_INVALID'
        | 'NOT_PENDING'
        | 'IDENTITY_MISMATCH';
    }
  | { code: 'LOGIN_FAILED'; attemptsLeft: number }
  | { code: 'LOGIN_LOCKED'; until: string };
type Outcome<T> = { ok: true; value: T } | { ok: false; error: AccountError };

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const hashPassword = (password: string, salt: string) => scryptSync(password.normalize('NFC'), salt, 32).toString('hex');

type AccountRow = {
  rm_number: string;
  email: string;
  pending_email: string | null;
  mobile: string | null;
  delivery_address: string | null;
  password_hash: string;
  salt: string;
  status: 'pending' | 'active';
  failed_logins: number;
  locked_until: number | null;
};

export async function openAccounts(registry: RegistryStore, mailer: Mailer, publicUrl: () => string) {
  const db: WriteDb = registry.db;
  await db.transaction((tx) => tx.exec(ACCOUNTS_SCHEMA));

  const account = (rm: string) => db.get<AccountRow>('SELECT * FROM accounts WHERE rm_number = ?', [rm]);

  async function issueToken(tx: TxDb, rm: string, purpose: 'confirm' | 'confirm-email' | 'reset'): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await tx.run('DELETE FROM account_tokens WHERE rm_number = ? AND purpose = ?', [rm, purpose]);
    await tx.run('INSERT INTO account_tokens (token_hash, rm_number, purpose, expires_at) VALUES (?, ?, ?, ?)', [
      sha(token),
      rm,
      purpose,
      Date.now() + TOKEN_TTL_MS,
    ]);
    return token;
  }

  /** The artisan's status as the changes feed shows it, so every kiosk learns of it. */
  async function setFeedStatus(rm: string, status: 'pending' | 'active'): Promise<void> {
    const t = await registry.byRmNumber(rm);
    if (!t || t[16] === status) return;
    const next: ArtisanTuple = [...t];
    next[16] = status;
    next[17] += 1;
    await registry.upsert([next]);
  }

  async function sendConfirmation(rm: string, email: string, firstName: string, purpose: 'confirm' | 'confirm-email'): Promise<void> {
    const token = await db.transaction((tx) => issueToken(tx, rm, purpose));
    const link = `${publicUrl()}/confirm?token=${token}`;
    await mailer.send({
      to: email,
      account: rm,
      subject: purpose === 'confirm' ? 'Activez votre compte — carte professionnelle' : 'Confirmez votre nouvelle adresse e-mail',
      text: `Bonjour ${firstName},\n\nPour ${purpose === 'confirm' ? 'activer votre compte' : 'confirmer cette adresse'}, ouvrez ce lien dans les 24 heures :\n${link}\n\nSi vous n'êtes pas à l'origine de cette demande, ignorez ce message.\n\nVotre Chambre de Métiers et de l'Artisanat`,
      link,
    });
  }

  return {
    /** Gives the demo identities marked active a real account, once (README's demo table). */
    async ensureAccounts(list: readonly { rmNumber: string; email: string; password: string }[]): Promise<void> {
      for (const a of list) {
        const t = await registry.byRmNumber(a.rmNumber);
        if (t?.[16] !== 'active' || (await account(a.rmNumber))) continue;
        const salt = randomBytes(16).toString('hex');
        await db.transaction((tx) =>
          tx.run("INSERT INTO accounts (rm_number, email, password_hash, salt, status) VALUES (?, ?, ?, ?, 'active') ON CONFLICT DO NOTHING", [
            a.rmNumber,
            normaliseEmail(a.email),
            hashPassword(a.password, salt),
            salt,
          ]),
        );
      }
    },

    async activate(input: {
      rmNumber: string;
      email: string;
      mobile: string | null;
      password: string;
    }): Promise<Outcome<{ status: 'pending'; email: string }>> {
      const t = await registry.byRmNumber(input.rmNumber);
      if (!t) return { ok: false, error: { code: 'NOT_FOUND' } };
      if (t[15]) return { ok: false, error: { code: 'RADIATED' } };
      const email = normaliseEmail(input.email);
      if (!isEmail(email)) return { ok: false, error: { code: 'EMAIL_INVALID' } };
      if (!checkPassword(input.password).met) return { ok: false, error: { code: 'PASSWORD_WEAK' } };
      const existing = await account(input.rmNumber);
      if (existing?.status === 'active') return { ok: false, error: { code: 'ACCOUNT_EXISTS' } };
      const owner = await db.get<{ rm_number: string }>('SELECT rm_number FROM accounts WHERE email = ? OR pending_email = ?', [email, email]);
      if (owner && owner.rm_number !== input.rmNumber) return { ok: false, error: { code: 'EMAIL_TAKEN' } };
      const salt = randomBytes(16).toString('hex');
      await db.transaction((tx) =>
        tx.run(
          `INSERT INTO accounts (rm_number, email, mobile, password_hash, salt, status) VALUES (?, ?, ?, ?, ?, 'pending')
           ON CONFLICT (rm_number) DO UPDATE SET email = excluded.email, mobile = excluded.mobile, password_hash = excluded.password_hash, salt = excluded.salt`,
          [input.rmNumber, email, input.mobile, hashPassword(input.password, salt), salt],
        ),
      );
      await setFeedStatus(input.rmNumber, 'pending');
      await sendConfirmation(input.rmNumber, email, t[6][0] ?? '', 'confirm');
      return { ok: true, value: { status: 'pending', email } };
    },

    async resend(rm: string): Promise<Outcome<{ email: string }>> {
      const a = await account(rm);
      const t = await registry.byRmNumber(rm);
      if (!a || !t || a.status !== 'pending') return { ok: false, error: { code: 'NOT_PENDING' } };
      await sendConfirmation(rm, a.email, t[6][0] ?? '', 'confirm');
      return { ok: true, value: { email: a.email } };
    },

    /**
     * "Ce n'est pas mon adresse": a pending activation's link goes to a new address. The
     * artisan proves again who they are (RM number and date of birth, checked here against the
     * register); the old link stops working (its token is replaced) and a new one is sent.
     */
    async changeActivationEmail(rm: string, input: { email: string; birthDate: string }): Promise<Outcome<{ email: string }>> {
      const t = await registry.byRmNumber(rm);
      if (!t) return { ok: false, error: { code: 'NOT_FOUND' } };
      if (t[7] !== input.birthDate) return { ok: false, error: { code: 'IDENTITY_MISMATCH' } };
      const a = await account(rm);
      if (a?.status === 'active') return { ok: false, error: { code: 'ACCOUNT_EXISTS' } };
      if (!a) return { ok: false, error: { code: 'NOT_PENDING' } };
      const email = normaliseEmail(input.email);
      if (!isEmail(email)) return { ok: false, error: { code: 'EMAIL_INVALID' } };
      if (email === a.email) return { ok: false, error: { code: 'EMAIL_UNCHANGED' } };
      const owner = await db.get<{ rm_number: string }>('SELECT rm_number FROM accounts WHERE email = ? OR pending_email = ?', [email, email]);
      if (owner && owner.rm_number !== rm) return { ok: false, error: { code: 'EMAIL_TAKEN' } };
      // Still pending at the moment of writing (a link followed meanwhile wins), and the old link
      // dies with the old address, in one transaction: it must never activate the new one.
      const changed = await db.transaction(async (tx) => {
        const r = await tx.run("UPDATE accounts SET email = ? WHERE rm_number = ? AND status = 'pending'", [email, rm]);
        if (r.changes > 0) await tx.run("DELETE FROM account_tokens WHERE rm_number = ? AND purpose = 'confirm'", [rm]);
        return r.changes > 0;
      });
      if (!changed) return { ok: false, error: { code: 'ACCOUNT_EXISTS' } };
      await sendConfirmation(rm, email, t[6][0] ?? '', 'confirm');
      return { ok: true, value: { email } };
    },

    async status(rm: string): Promise<{ status: 'none' | 'pending' | 'active'; email: string | null }> {
      const a = await account(rm);
      return a ? { status: a.status, email: a.email } : { status: 'none', email: null };
    },

    /** Follows a link from an e-mail: activates the account, or confirms a new address. */
    async confirm(token: string): Promise<Outcome<{ purpose: 'confirm' | 'confirm-email' }>> {
      const row = await db.get<{ rm_number: string; purpose: 'confirm' | 'confirm-email' | 'reset'; expires_at: number }>(
        'SELECT * FROM account_tokens WHERE token_hash = ?',
        [sha(token)],
      );
      if (!row || row.purpose === 'reset' || row.expires_at < Date.now()) return { ok: false, error: { code: 'TOKEN_INVALID' } };
      await db.transaction(async (tx) => {
        await tx.run('DELETE FROM account_tokens WHERE token_hash = ?', [sha(token)]);
        if (row.purpose === 'confirm') await tx.run("UPDATE accounts SET status = 'active' WHERE rm_number = ?", [row.rm_number]);
        else await tx.run('UPDATE accounts SET email = pending_email, pending_email = NULL WHERE rm_number = ? AND pending_email IS NOT NULL', [row.rm_number]);
      });
      if (row.purpose === 'confirm') await setFeedStatus(row.rm_number, 'active');
      return { ok: true, value: { purpose: row.purpose } };
    },

    async login(emailInput: string, password: string): Promise<Outcome<{ rmNumber: string; email: string }>> {
      const email = normaliseEmail(emailInput);
      const a = await db.get<AccountRow>("SELECT * FROM accounts WHERE email = ? AND status = 'active'", [email]);
      // An unknown address costs the same scrypt as a known one, and says the same thing.
      if (!a) {
        hashPassword(password, 'no-such-account');
        return { ok: false, error: { code: 'LOGIN_FAILED', attemptsLeft: MAX_LOGIN_FAILURES } };
      }
      if (a.locked_until && a.locked_until > Date.now()) return { ok: false, error: { code: 'LOGIN_LOCKED', until: new Date(a.locked_until).toISOString() } };
      const good = timingSafeEqual(Buffer.from(hashPassword(password, a.salt), 'hex'), Buffer.from(a.password_hash, 'hex'));
      if (good) {
        await db.transaction((tx) => tx.run('UPDATE accounts SET failed_logins = 0, locked_until = NULL WHERE rm_number = ?', [a.rm_number]));
        return { ok: true, value: { rmNumber: a.rm_number, email: a.email } };
      }
      const failures = (a.locked_until ? 0 : a.failed_logins) + 1;
      const lockedUntil = failures >= MAX_LOGIN_FAILURES ? Date.now() + LOGIN_LOCK_MS : null;
      await db.transaction((tx) =>
        tx.run('UPDATE accounts SET failed_logins = ?, locked_until = ? WHERE rm_number = ?', [lockedUntil ? 0 : failures, lockedUntil, a.rm_number]),
      );
      return lockedUntil
        ? { ok: false, error: { code: 'LOGIN_LOCKED', until: new Date(lockedUntil).toISOString() } }
        : { ok: false, error: { code: 'LOGIN_FAILED', attemptsLeft: MAX_LOGIN_FAILURES - failures } };
    },

    /** Sends a reset link if the address has an account; says nothing either way. */
    async forgotPassword(emailInput: string): Promise<void> {
      const a = await db.get<AccountRow>("SELECT * FROM accounts WHERE email = ? AND status = 'active'", [normaliseEmail(emailInput)]);
      if (!a) return;
      const token = await db.transaction((tx) => issueToken(tx, a.rm_number, 'reset'));
      const link = `${publicUrl()}/reset?token=${token}`;
      await mailer.send({
        to: a.email,
        account: a.rm_number,
        subject: 'Réinitialisez votre mot de passe',
        text: `Bonjour,\n\nPour choisir un nouveau mot de passe, ouvrez ce lien dans les 24 heures :\n${link}\n\nSi vous n'avez rien demandé, ignorez ce message.`,
        link,
      });
    },

    async resetPassword(token: string, password: string): Promise<Outcome<null>> {
      if (!checkPassword(password).met) return { ok: false, error: { code: 'PASSWORD_WEAK' } };
      const row = await db.get<{ rm_number: string; purpose: string; expires_at: number }>('SELECT * FROM account_tokens WHERE token_hash = ?', [sha(token)]);
      if (row?.purpose !== 'reset' || row.expires_at < Date.now()) return { ok: false, error: { code: 'TOKEN_INVALID' } };
      const salt = randomBytes(16).toString('hex');
      await db.transaction(async (tx) => {
        await tx.run('UPDATE accounts SET password_hash = ?, salt = ?, failed_logins = 0, locked_until = NULL WHERE rm_number = ?', [
          hashPassword(password, salt),
          salt,
          row.rm_number,
        ]);
        await tx.run('DELETE FROM account_tokens WHERE token_hash = ?', [sha(token)]);
      });
      return { ok: true, value: null };
    },

    async profile(rm: string): Promise<ProfileWire | null> {
      const a = await account(rm);
      if (!a) return null;
      return {
        email: a.email,
        pendingEmail: a.pending_email,
        mobile: a.mobile,
        deliveryAddress: a.delivery_address ? (JSON.parse(a.delivery_address) as DeliveryAddress) : null,
      };
    },

    /**
     * Applies a `profile-change` operation from a kiosk's outbox, unless a newer one (by the
     * time the kiosk recorded it) was applied already. A new e-mail waits for its link.
     */
    async applyProfileChange(change: ProfileChange, at: string): Promise<void> {
      const a = await account(change.rmNumber);
      if (!a) return;
      const newer = await db.transaction(async (tx) => {
        const last = await tx.get<{ at: string }>('SELECT at FROM profile_changes_applied WHERE rm_number = ?', [a.rm_number]);
        if (last && Date.parse(last.at) > Date.parse(at)) return false;
        await tx.run('INSERT INTO profile_changes_applied (rm_number, at) VALUES (?, ?) ON CONFLICT (rm_number) DO UPDATE SET at = excluded.at', [
          a.rm_number,
          at,
        ]);
        if (change.mobile !== undefined) await tx.run('UPDATE accounts SET mobile = ? WHERE rm_number = ?', [change.mobile, a.rm_number]);
        if (change.deliveryAddress !== undefined)
          await tx.run('UPDATE accounts SET delivery_address = ? WHERE rm_number = ?', [
            change.deliveryAddress ? JSON.stringify(change.deliveryAddress) : null,
            a.rm_number,
          ]);
        if (change.email !== undefined && normaliseEmail(change.email) !== a.email)
          await tx.run('UPDATE accounts SET pending_email = ? WHERE rm_number = ?', [normaliseEmail(change.email), a.rm_number]);
        return true;
      });
      if (newer && change.email !== undefined && normaliseEmail(change.email) !== a.email) {
        const t = await registry.byRmNumber(a.rm_number);
        await sendConfirmation(a.rm_number, normaliseEmail(change.email), t?.[6][0] ?? '', 'confirm-email');
      }
    },
  };
}

export type Accounts = Awaited<ReturnType<typeof openAccounts>>;
