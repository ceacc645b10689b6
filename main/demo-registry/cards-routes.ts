import { createHash, randomBytes } from 'node:crypto';
import type http from 'node:http';
import { cardIssuanceSchema, cardLinkRequestSchema } from '../registry/accounts-wire.ts';
import type { Operation } from '../registry/wire.ts';
import type { WriteDb } from '../store/database.ts';
import type { Accounts } from './accounts-store.ts';
import type { Mailer } from './mailer.ts';

/** How long a phone download link lives, and it serves once. */
export const LINK_TTL_MS = 15 * 60_000;

const SCHEMA = `CREATE TABLE IF NOT EXISTS card_links (
  token_hash TEXT PRIMARY KEY,
  rm_number TEXT NOT NULL,
  pdf BLOB NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;`;

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** The card endpoints of the reference registry: phone links, and cards sent by e-mail. */
export async function openCards(db: WriteDb, accounts: Accounts, mailer: Mailer, publicUrl: () => string) {
  await db.transaction((tx) => tx.exec(SCHEMA));
  return {
    async api(
      req: http.IncomingMessage,
      res: http.ServerResponse,
      path: string,
      body: string,
      json: (res: http.ServerResponse, status: number, body: string) => void,
    ): Promise<boolean> {
      if (req.method !== 'POST' || path !== '/v1/cards/links') return false;
      let input: unknown;
      try {
        input = JSON.parse(body);
      } catch {
        input = undefined;
      }
      const parsed = cardLinkRequestSchema.safeParse(input);
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
      await mailer.send({
        to: profile.email,
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
