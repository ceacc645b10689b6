import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorKind, errorWhere, type Logger } from '../logging/logger.ts';
import { ARTISAN_FIELDS, DEFAULT_PAGE, MAX_PAGE, operationsRequestSchema, tokenRequestSchema, tupleToArtisan } from '../registry/wire.ts';
import { accountsApi, accountsPages, applyAccountOperation } from './accounts-routes.ts';
import { type Accounts, openAccounts } from './accounts-store.ts';
import { hasAdminToken } from './admin-token.ts';
import { openCards } from './cards-routes.ts';
import { demoMailbox, prepareMailbox } from './demo-mailbox.ts';
import { type Faults, faultPicker, NO_FAULTS } from './faults.ts';
import { mailboxPages } from './mailbox-pages.ts';
import { type Mailer, type SmtpConfig, smtpMailer } from './mailer.ts';
import { openPhotos } from './photos.ts';
import type { RegistryStore } from './registry-store.ts';
import { DEMO_ACCOUNTS } from './seed.ts';

export type RegistryServerOptions = {
  store: RegistryStore;
  log: Logger;
  port?: number;
  /** How long an access token lives. */
  tokenTtlMs?: number;
  /** Enables POST /v1/_admin/* (mutate, remove) for benchmarks and demos. */
  adminToken?: string;
  faults?: Partial<Faults>;
  /** Where activation e-mails go; without it, the demo mailbox (demo-mailbox.ts). */
  smtp?: SmtpConfig;
  /** How long a demo mailbox's access link lives (default an hour). */
  mailboxTtlMs?: number;
};

export type RegistryServer = {
  url: string;
  port: number;
  /** Change at run time: tests turn faults on and off. */
  faults: Faults;
  /** Forgets every access token: the next call of each kiosk gets a 401. */
  revokeTokens(): void;
  /** What the operations endpoint did: each key applied once, repeats answered as duplicates. */
  stats: { applied: number; duplicate: number };
  /**
   * Without SMTP: a new access link to the demo mailbox of one address, showing only the mail
   * about this account (an unguessable, expiring capability). Null when mail goes out by SMTP.
   * In process only: over HTTP, the admin token is needed (POST /v1/_admin/mailbox-link).
   */
  mailboxLink: ((rmNumber: string, email: string) => Promise<string>) | null;
  accounts: Accounts;
  close(): Promise<void>;
};

const CURSOR_PREFIX = 'v1:';
export const encodeCursor = (seq: number) => Buffer.from(`${CURSOR_PREFIX}${seq}`).toString('base64url');
function decodeCursor(cursor: string | null): number | null {
  if (cursor === null || cursor === '') return 0;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(CURSOR_PREFIX)) return null;
  const seq = Number(text.slice(CURSOR_PREFIX.length));
  return Number.isSafeInteger(seq) && seq >= 0 ? seq : null;
}

/**
 * A request's path as a log may show it: a segment holding a digit (an RM number, an id, a key
 * id) becomes `{…}`, so `/v1/accounts/123123127RM078/resend` is `/v1/accounts/{…}/resend`.
 */
export function pathShape(pathname: string): string {
  // A long segment is a token (a demo mailbox's access link), digits or not: it is a capability.
  return pathname.replace(/[^/]*\d[^/]*|[^/]{20,}/g, '{…}');
}

const FIELDS_JSON = JSON.stringify(ARTISAN_FIELDS);
const MAX_BODY = 4 * 1024 * 1024;

/**
 * The reference registry: the API of main/registry/openapi.json over Node's HTTP server, on the
 * SQLite store beside it. It is the embedded demo registry, and the peer of every sync test
 * and benchmark.
 */
export async function startRegistryServer({
  store,
  log,
  port = 0,
  tokenTtlMs = 15 * 60_000,
  adminToken,
  faults: initial,
  smtp,
  mailboxTtlMs,
}: RegistryServerOptions): Promise<RegistryServer> {
  let publicUrl = '';
  await prepareMailbox(store.db);
  const mailbox = smtp ? null : demoMailbox(store.db, mailboxTtlMs ? { ttlMs: mailboxTtlMs } : {});
  const mailboxLink = mailbox && (async (rmNumber: string, email: string) => `${publicUrl}/demo/mailbox/${await mailbox.grant(rmNumber, email)}`);
  const accounts = await openAccounts(store, smtp ? smtpMailer(smtp) : (mailbox as Mailer), () => publicUrl);
  await accounts.ensureAccounts(DEMO_ACCOUNTS);
  const cards = await openCards(store.db, accounts, smtp ? smtpMailer(smtp) : (mailbox as Mailer), () => publicUrl);
  const photos = await openPhotos(store);
  const faults: Faults = { ...NO_FAULTS, ...initial };
  const pick = faultPicker(faults);
  const tokens = new Map<string, { kioskId: string; expiresAt: number }>();
  const hanging = new Set<http.ServerResponse>();
  const stats = { applied: 0, duplicate: 0 };

  const json = (res: http.ServerResponse, status: number, body: string | Buffer | Buffer[], headers: Record<string, string> = {}) => {
    // Every answer says its length: a proxy or a client knows the size before reading (the kiosk
    // refuses a changes page past its cap unread). Node does not add it after writeHead, and
    // sends the body chunked instead. Parts (a changes page) go as they are, not joined.
    const parts = Array.isArray(body) ? body : [body];
    const length = parts.reduce((n, part) => n + (typeof part === 'string' ? Buffer.byteLength(part) : part.length), 0);
    res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'Content-Length': String(length), ...headers });
    for (const part of parts) res.write(part);
    res.end();
  };
  const problem = (res: http.ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}) =>
    json(res, status, JSON.stringify({ error: { code, message } }), headers);

  const authenticate = (req: http.IncomingMessage): string | null => {
    const header = req.headers.authorization ?? '';
    const entry = header.startsWith('Bearer ') ? tokens.get(header.slice(7)) : undefined;
    if (!entry || entry.expiresAt < Date.now()) return null;
    return entry.kioskId;
  };

  async function route(req: http.IncomingMessage, res: http.ServerResponse, url: URL, body: string): Promise<void> {
    const path = url.pathname;
    if (req.method === 'GET' && path === '/v1/health') {
      return json(res, 200, JSON.stringify({ status: 'ok', records: await store.count(), version: '1' }));
    }
    if (req.method === 'POST' && path === '/v1/auth/token') {
      const parsed = tokenRequestSchema.safeParse(safeJson(body));
      if (!parsed.success) return problem(res, 400, 'BAD_REQUEST', 'kioskId and secret are required');
      if (!(await store.checkKiosk(parsed.data.kioskId, parsed.data.secret))) return problem(res, 401, 'BAD_CREDENTIALS', 'unknown kiosk or wrong secret');
      const accessToken = randomBytes(24).toString('base64url');
      const expiresAt = Date.now() + tokenTtlMs;
      tokens.set(accessToken, { kioskId: parsed.data.kioskId, expiresAt });
      return json(res, 200, JSON.stringify({ accessToken, expiresAt: new Date(expiresAt).toISOString() }));
    }
    if (mailbox && path.startsWith('/demo/mailbox') && (await mailboxPages(mailbox, req, res, url))) return;
    if (!path.startsWith('/v1/') && (await accountsPages(accounts, req, res, url, body))) return;
    if (await cards.download(req, res, url)) return;
    if (await cards.open(req, res, url, json)) return;
    if (path.startsWith('/v1/_admin/')) {
      if (!hasAdminToken(req.headers.authorization, adminToken)) return problem(res, 403, 'FORBIDDEN', 'admin endpoints need the admin token');
      const input = safeJson(body) as { count?: number; rmNumber?: string; kid?: string; email?: string } | undefined;
      if (path === '/v1/_admin/mutate') return json(res, 200, JSON.stringify({ changed: (await store.mutate(Number(input?.count ?? 0))).length }));
      if (path === '/v1/_admin/remove') return json(res, 200, JSON.stringify({ removed: await store.remove(String(input?.rmNumber ?? '')) }));
      // For a developer running the registry alone (npm run registry): one mailbox's link, never all mail.
      if (path === '/v1/_admin/mailbox-link') {
        if (!mailboxLink) return problem(res, 404, 'NOT_FOUND', 'mail goes out by SMTP: there is no demo mailbox');
        if (!input?.rmNumber || !input.email) return problem(res, 400, 'BAD_REQUEST', 'rmNumber and email are required');
        return json(res, 200, JSON.stringify({ url: await mailboxLink(String(input.rmNumber), String(input.email)) }));
      }
      if (path === '/v1/_admin/revoke-card-key') return json(res, 200, JSON.stringify({ revoked: await cards.revokeKey(String(input?.kid ?? '')) }));
      return problem(res, 404, 'NOT_FOUND', 'no such admin endpoint');
    }

    const kioskId = authenticate(req);
    if (!kioskId) return problem(res, 401, 'UNAUTHENTICATED', 'a valid access token is required', { 'WWW-Authenticate': 'Bearer' });

    const isWrite = req.method === 'POST';
    const fault = pick(isWrite);
    if (fault === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault === 'hang') {
      hanging.add(res);
      return;
    }
    if (fault === 'throttle') return problem(res, 429, 'TOO_MANY_REQUESTS', 'slow down', { 'Retry-After': String(faults.retryAfterSeconds) });
    if (fault === 'error') return problem(res, 500, 'INTERNAL', 'injected failure');

    if (path.startsWith('/v1/accounts/') && (await accountsApi(accounts, req, res, path, body, json))) return;
    if ((path.startsWith('/v1/cards/') || path.startsWith('/v1/card-keys/')) && (await cards.api(req, res, path, body, json, kioskId))) return;
    if (path.startsWith('/v1/artisans/') && (await photos.api(req, res, path, json))) return;
    if (req.method === 'GET' && path === '/v1/artisans/changes') {
      const after = decodeCursor(url.searchParams.get('after'));
      if (after === null) return problem(res, 400, 'BAD_CURSOR', 'the cursor was not made by this registry');
      const limit = Math.min(MAX_PAGE, Math.max(1, Number(url.searchParams.get('limit') ?? DEFAULT_PAGE) || DEFAULT_PAGE));
      const page = await store.changes(after, limit);
      const cursor = encodeCursor(page.last ?? after);
      // The rows' bytes between two short pieces, never joined into one string (registry-store.ts).
      const parts = [
        Buffer.from(`{"fields":${FIELDS_JSON},"items":`),
        page.items,
        Buffer.from(`,"removed":${page.removed},"cursor":"${cursor}","hasMore":${page.more}}`),
      ];
      if (faults.malformedPages > 0) {
        faults.malformedPages--;
        const whole = Buffer.concat(parts);
        return json(res, 200, whole.subarray(0, Math.floor(whole.length / 2)));
      }
      return json(res, 200, parts);
    }
    const one = /^\/v1\/artisans\/([0-9A-Z]{14})$/.exec(path);
    if (req.method === 'GET' && one?.[1]) {
      const tuple = await store.byRmNumber(one[1]);
      return tuple ? json(res, 200, JSON.stringify(tupleToArtisan(tuple))) : problem(res, 404, 'NOT_FOUND', 'no artisan with this RM number');
    }
    if (req.method === 'POST' && path === '/v1/operations') {
      if (faults.refuseOperations) return problem(res, 400, 'BAD_REQUEST', 'injected refusal of the operations');
      const parsed = operationsRequestSchema.safeParse(safeJson(body));
      if (!parsed.success) return problem(res, 400, 'BAD_REQUEST', parsed.error.issues.map((i) => i.path.join('.')).join(', '));
      const results = await store.applyOperations(kioskId, parsed.data.operations);
      for (const [i, r] of results.entries()) {
        stats[r.status]++;
        const op = parsed.data.operations[i];
        if (r.status !== 'applied' || !op) continue;
        try {
          await applyAccountOperation(accounts, op);
          await cards.apply(op);
          await photos.apply(op, kioskId);
        } catch (error) {
          // An effect that did not happen (the card's mail refused by the mail server) must not
          // stay recorded as applied: the kiosk's retry would be a "duplicate" and the mail never
          // sent. This operation and the ones after it are forgotten; the kiosk sends them again.
          await store.forgetOperations(parsed.data.operations.slice(i).map((o) => o.idempotencyKey));
          // Its kind only: a relay's refusal quotes the recipient ("550 5.1.1 <x@y>: … rejected").
          log.warn('operation-effect-failed', { type: op.type, kind: errorKind(error) });
          return problem(res, 503, 'UNAVAILABLE', 'an operation could not take effect; send it again later');
        }
      }
      if (fault === 'error-after') return problem(res, 500, 'INTERNAL', 'injected failure after the write');
      return json(res, 200, JSON.stringify({ results }));
    }
    return problem(res, 404, 'NOT_FOUND', 'no such endpoint');
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) req.destroy();
      else chunks.push(c);
    });
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://registry');
      const go = () =>
        route(req, res, url, Buffer.concat(chunks).toString('utf8')).catch((error: unknown) => {
          log.error('registry-request-failed', { path: pathShape(url.pathname), kind: errorKind(error), where: errorWhere(error) });
          if (!res.headersSent) problem(res, 500, 'INTERNAL', 'registry error');
        });
      if (faults.latencyMs > 0) setTimeout(go, faults.latencyMs);
      else void go();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  publicUrl = `http://127.0.0.1:${actual}`;
  log.info('registry-listening', { port: actual, mail: smtp ? 'smtp' : 'demo-mailbox' });
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    faults,
    revokeTokens: () => tokens.clear(),
    stats,
    mailboxLink,
    accounts,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
