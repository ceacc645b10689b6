import { createHash, randomBytes } from 'node:crypto';
import type http from 'node:http';
import { publicKeyFromRaw } from '../cards/card-keyring.ts';
import { cardIssuanceSchema, cardLinkRequestSchema } from '../registry/accounts-wire.ts';
import { type CardKey, cardKeyRegistrationSchema, cardKidSchema } from '../registry/card-keys-wire.ts';
import type { Operation } from '../registry/wire.ts';
import { keyIdOf } from '../secrets/card-signing-key.ts';
import { normaliseEmail } from '../shared/rules/email.ts';
import type { WriteDb } from '../store/database.ts';
import type { Accounts } from './accounts-store.ts';
import type { Mailer } from './mailer.ts';
import { verifyPage } from './verify-page.ts';

/** How long a phone download link lives, and it serves once. */
export const LINK_TTL_MS = 15 * 60_000;

const SCHEMA = `CREATE TABLE IF NOT EXISTS card_links (
  token_hash TEXT PRIMARY KEY,
  rm_number TEXT NOT NULL,
  pdf BLOB NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS card_keys (
  kid TEXT PRIMARY KEY,
  public_key TEXT NOT NULL,
  kiosk_id TEXT NOT NULL,
  not_before TEXT NOT NULL,
  revoked_at TEXT
) STRICT;`;

type Json = (res: http.ServerResponse, status: number, body: string) => void;

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

const KEY_COLUMNS = 'kid, public_key AS publicKey, not_before AS notBefore, revoked_at AS revokedAt';

/**
 * The card endpoints of the reference registry: phone links, cards sent by e-mail, and the
 * chamber's card-signing public keys with the verification page that uses them.
 */
export async function openCards(db: WriteDb, accounts: Accounts, mailer: Mailer, publicUrl: () => string) {
  await db.transaction((tx) => tx.exec(SCHEMA));
  const listKeys = () => db.all<CardKey>(`SELECT ${KEY_COLUMNS} FROM card_keys ORDER BY not_before, kid`);

  /** PUT /v1/card-keys/{kid}: a kiosk registers its public key; the same key again changes nothing. */
  async function registerKey(kioskId: string, kid: string, body: string, res: http.ServerResponse, json: Json): Promise<void> {
    const parsed = cardKeyRegistrationSchema.safeParse(safeJson(body));
    if (!cardKidSchema.safeParse(kid).success || !parsed.success) {
      return json(
        res,
        400,
        JSON.stringify({ error: { code: 'BAD_REQUEST', message: 'a key id (16 hex) and publicKey (raw Ed25519, base64url) are required' } }),
      );
    }
    let actual: string;
    try {
      actual = keyIdOf(publicKeyFromRaw(parsed.data.publicKey));
    } catch {
      return json(res, 400, JSON.stringify({ error: { code: 'BAD_REQUEST', message: 'publicKey is not an Ed25519 public key' } }));
    }
    if (actual !== kid) return json(res, 400, JSON.stringify({ error: { code: 'KEY_ID_MISMATCH', message: 'the key id is not this key’s' } }));
    const created = await db.transaction(async (tx) => {
      const r = await tx.run('INSERT INTO card_keys (kid, public_key, kiosk_id, not_before) VALUES (?, ?, ?, ?) ON CONFLICT (kid) DO NOTHING', [
        kid,
        parsed.data.publicKey,
        kioskId,
        new Date().toISOString(),
      ]);
      return r.changes === 1;
    });
    const row = await db.get<CardKey>(`SELECT ${KEY_COLUMNS} FROM card_keys WHERE kid = ?`, [kid]);
    json(res, created ? 201 : 200, JSON.stringify(row));
  }

  return {
    /** Withdraws a key (the chamber's decision): every card it signed is refused from now on. */
    async revokeKey(kid: string): Promise<boolean> {
      const r = await db.transaction((tx) =>
        tx.run('UPDATE card_keys SET revoked_at = ? WHERE kid = ? AND revoked_at IS NULL', [new Date().toISOString(), kid]),
      );
      return r.changes === 1;
    },

    /** What anyone may read, without a token: the chamber's public keys and the verification page. */
    async open(req: http.IncomingMessage, res: http.ServerResponse, url: URL, json: Json): Promise<boolean> {
      if (req.method !== 'GET') return false;
      if (url.pathname === '/v1/card-keys') {
        json(res, 200, JSON.stringify({ keys: await listKeys() }));
        return true;
      }
      if (url.pathname === '/v') {
        const page = verifyPage(await listKeys());
        res.writeHead(200, page.headers);
        res.end(page.html);
        return true;
      }
      return false;
    },

    async api(req: http.IncomingMessage, res: http.ServerResponse, path: string, body: string, json: Json, kioskId = ''): Promise<boolean> {
      const keyPath = /^\/v1\/card-keys\/([^/]+)$/.exec(path);
      if (req.method === 'PUT' && keyPath?.[1]) {
        await registerKey(kioskId, decodeURIComponent(keyPath[1]), body, res, json);
        return true;
      }
      if (req.method !== 'POST' || path !== '/v1/cards/links') return false;
      const parsed = cardLinkRequestSchema.safeParse(safeJson(body));
      if (!parsed.success) {
        json(res, 400, JSON.stringify({ error: { code: 'BAD_REQUEST', message: 'rmNumber and pdf are required' } }));
        return true;
      }
      const token = randomBytes(24).toString('base64url');
      const expiresAt = Date.now() + LINK_TTL_MS;
      await db.transaction(async (tx) => {
        await tx.run('DELETE FROM card_links WHERE expires_at < ?', [Date.now()]);
        await tx.run('INSERT INTO card_links (token_hash, rm_number, pdf, expires_at) VALUES (?, ?, ?, ?)', [
          sha(token),
          parsed.data.rmNumber,
          Buffer.from(parsed.data.pdf, 'base64'),
          expiresAt,
        ]);
      });
      json(res, 201, JSON.stringify({ url: `${publicUrl()}/cards/download?token=${token}`, expiresAt: new Date(expiresAt).toISOString() }));
      return true;
    },

    /** GET /cards/download?token=…: the PDF, once; after that, or once expired, 410. */
    async download(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean> {
      if (req.method !== 'GET' || url.pathname !== '/cards/download') return false;
      const hash = sha(url.searchParams.get('token') ?? '');
      const row = await db.transaction(async (tx) => {
        const found = await tx.get<{ pdf: Buffer; expires_at: number }>('SELECT pdf, expires_at FROM card_links WHERE token_hash = ?', [hash]);
        await tx.run('DELETE FROM card_links WHERE token_hash = ?', [hash]);
        return found;
      });
      if (!row || row.expires_at < Date.now()) {
        res.writeHead(410, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end(
          '<!doctype html><html lang="fr"><meta charset="utf-8"><title>Lien expiré</title><h1>Ce lien a déjà servi ou a expiré</h1><p>Demandez un nouveau code à la borne.</p></html>',
        );
        return true;
      }
      res.writeHead(200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': 'attachment; filename="carte-professionnelle.pdf"',
        'Cache-Control': 'no-store',
      });
      res.end(row.pdf);
      return true;
    },

    /** A `card-issuance` operation: a card to send by e-mail goes to the account's address. */
    async apply(op: Operation): Promise<void> {
      if (op.type !== 'card-issuance') return;
      const issue = cardIssuanceSchema.safeParse(op.payload);
      if (!issue.success || issue.data.delivery !== 'email' || !issue.data.pdf) return;
      const profile = await accounts.profile(issue.data.rmNumber);
      if (!profile) return;
      // The kiosk named the address the artisan recognised: another one now gets nothing.
      if (issue.data.email !== undefined && normaliseEmail(issue.data.email) !== normaliseEmail(profile.email)) return;
      await mailer.send({
        to: profile.email,
        account: issue.data.rmNumber,
        subject: `Votre carte professionnelle ${issue.data.year}`,
        text: `Bonjour,\n\nVoici votre carte professionnelle ${issue.data.year}, en pièce jointe. Gardez-la sur votre téléphone : son code QR permet à chacun de la vérifier.\n\nVotre Chambre de Métiers et de l'Artisanat`,
        link: '',
        attachment: {
          filename: `carte-professionnelle-${issue.data.year}.pdf`,
          content: Buffer.from(issue.data.pdf, 'base64'),
          contentType: 'application/pdf',
        },
      });
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
