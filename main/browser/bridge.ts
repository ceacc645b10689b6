import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventOnTheWire, type KioskEvent } from '../api/contract.ts';
import type { Dispatch } from '../api/handle.ts';
import { errorKind, errorWhere, type Logger } from '../logging/logger.ts';
import { contentTypeOf, readRendererFile, resolveRendererFile, SECURITY_HEADERS } from '../renderer-files.ts';
import { chooseEncoding, compressionCache, isCompressible } from './compression.ts';
import { matchesDigest } from './token-handoff.ts';

export type BridgeOptions = {
  /** 0 picks a free port. */
  port: number;
  /** The built renderer (vite build output). */
  staticDir: string;
  /** Builds the contract's dispatcher once the bridge knows its own origins. */
  dispatcherFor: (trustedOrigins: readonly string[]) => Dispatch;
  log: Logger;
  /** The core's events, pushed to pages as Server-Sent Events on GET /api/events; without it that path is 404. */
  events?: (listener: (event: KioskEvent) => void) => () => void;
  /**
   * The digest of the previous launch's token (token-handoff.ts): a page still open from that
   * launch swaps its token for this one's on POST /api/renew. Without it, no token is swapped.
   */
  previousTokenDigest?: Buffer | null;
};

export type Bridge = { url: string; origin: string; token: string; port: number; close(): Promise<void> };

// The largest call is an ID photo: 200 KB of JPEG, as base64.
const MAX_BODY = 512 * 1024;
/** The one GET under /api/: the events stream. */
export const EVENTS_PATH = '/api/events';
/** Where a page open across a restart swaps the previous launch's token for this one's. */
export const RENEW_PATH = '/api/renew';
// A kiosk has one page, a desk maybe a second tab: more streams than this is someone else.
export const MAX_STREAMS = 8;
// A comment line now and then: a page gone without closing is noticed, and the socket let go.
const HEARTBEAT_MS = 30_000;

/**
 * Browser mode's transport: the contract over HTTP on 127.0.0.1 only. Every API call needs
 * the per-launch token (only the URL printed at launch carries it), and Host and Origin must
 * be ours, so neither another site in the same browser nor a DNS-rebound name reaches a
 * handler. Refusals are logged with their reason and never touch the kiosk core.
 */
export async function startBridge({ port, staticDir, dispatcherFor, log, events, previousTokenDigest = null }: BridgeOptions): Promise<Bridge> {
  const token = randomBytes(32).toString('base64url');
  const tokenBytes = Buffer.from(token);
  let dispatch: Dispatch | undefined;
  let hosts = new Set<string>();
  let origins = new Set<string>();
  const compressed = compressionCache();

  const send = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  const refuse = (res: http.ServerResponse, status: 401 | 403 | 404 | 405 | 413 | 415, reason: string) => {
    log.warn('bridge-refused', { status, reason });
    send(res, status, { ok: false, error: { code: status === 401 || status === 403 ? 'FORBIDDEN' : 'INVALID_INPUT', message: reason } });
  };
  const tokenMatches = (value: string) => {
    const given = Buffer.from(value);
    return given.length === tokenBytes.length && timingSafeEqual(given, tokenBytes);
  };
  const tokenOk = (header: string | undefined) => tokenMatches(header?.startsWith('Bearer ') ? header.slice(7) : '');

  // The events stream: the core's events as Server-Sent Events, each checked against the
  // contract's schema before it leaves, so no screen needs to poll.
  const streams = new Set<http.ServerResponse>();
  const openStream = (req: http.IncomingMessage, res: http.ServerResponse, subscribe: NonNullable<BridgeOptions['events']>) => {
    if (streams.size >= MAX_STREAMS) {
      log.warn('bridge-refused', { status: 503, reason: 'too-many-streams' });
      res.writeHead(503, { ...SECURITY_HEADERS, 'Retry-After': '5', 'Cache-Control': 'no-store' });
      return res.end();
    }
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    // How long the page's EventSource waits before it reconnects after a drop.
    res.write('retry: 2000\n\n');
    // A page that left mid-write is not an error of the kiosk: the close below lets it go.
    res.on('error', (error) => log.info('events-stream-broken', { error: error.message }));
    const unsubscribe = subscribe((event) => {
      if (res.destroyed) return;
      const wire = eventOnTheWire(event);
      if (!wire) return log.error('event-refused', { kind: event.kind });
      res.write(`data: ${JSON.stringify(wire)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': still here\n\n'), HEARTBEAT_MS);
    streams.add(res);
    log.info('events-stream-opened', { streams: streams.size });
    req.on('close', () => {
      unsubscribe();
      clearInterval(heartbeat);
      streams.delete(res);
      log.info('events-stream-closed', { streams: streams.size });
    });
  };

  const server = http.createServer(async (req, res) => {
    try {
      if (!hosts.has(req.headers.host ?? '')) return refuse(res, 403, 'foreign-host');
      const origin = req.headers.origin;
      if (origin !== undefined && !origins.has(origin)) return refuse(res, 403, 'foreign-origin');
      if (req.headers['sec-fetch-site'] === 'cross-site') return refuse(res, 403, 'cross-site');

      const pathname = (req.url ?? '/').split('?')[0] ?? '/';
      if (pathname === EVENTS_PATH && events) {
        if (req.method !== 'GET') return refuse(res, 405, 'method');
        // EventSource cannot set headers, so this one endpoint also takes the token from the
        // query string (`?token=`). Nowhere else: a call's token stays in its Authorization
        // header. The URL is the page's own (same origin, no-referrer), the stream carries no
        // personal data, and Host, Origin and Sec-Fetch-Site were checked above as for calls.
        const query = new URL(req.url ?? '/', 'http://bridge.invalid').searchParams.get('token') ?? '';
        if (!tokenOk(req.headers.authorization) && !tokenMatches(query)) return refuse(res, 401, 'token');
        return openStream(req, res, events);
      }
      if (pathname === RENEW_PATH) {
        // The page says which token it holds: this launch's (the refusal it met was something
        // else, a 503), or the previous launch's, swapped once the kiosk restarted. Anything
        // else is refused as any call without the token is. Host and Origin were checked above.
        if (req.method !== 'POST') return refuse(res, 405, 'method');
        const header = req.headers.authorization ?? '';
        const given = header.startsWith('Bearer ') ? header.slice(7) : '';
        if (tokenMatches(given)) return send(res, 200, { ok: true, value: { token, renewed: false } });
        if (given === '' || !previousTokenDigest || !matchesDigest(given, previousTokenDigest)) return refuse(res, 401, 'token');
        log.info('bridge-token-renewed');
        return send(res, 200, { ok: true, value: { token, renewed: true } });
      }
      if (pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return refuse(res, 405, 'method');
        if (!tokenOk(req.headers.authorization)) return refuse(res, 401, 'token');
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(res, 415, 'content-type');
        const body = await readBody(req);
        if (body === null) return refuse(res, 413, 'body-too-large');
        let input: unknown;
        try {
          input = body.length === 0 ? {} : JSON.parse(body);
        } catch {
          return send(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: 'body is not JSON' } });
        }
        const channel = decodeURIComponent(pathname.slice('/api/'.length));
        const result = await (dispatch as Dispatch)(channel, input, { transport: 'http', origin: origin ?? [...origins][0] ?? null });
        return send(res, 200, result);
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'method');
      const file = resolveRendererFile(staticDir, pathname);
      if (!file) return refuse(res, 404, 'path');
      // Only a path naming no file is a 404; an unreadable one is logged below and answered 500.
      const content = await readRendererFile(file);
      if (!content) return refuse(res, 404, 'not-found');
      // Text goes compressed when the browser accepts it; Vary keeps a cache from mixing the two.
      const encoding = isCompressible(file) ? chooseEncoding(req.headers['accept-encoding']) : null;
      const body = encoding ? await compressed(file, content, encoding) : content;
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': contentTypeOf(file),
        'Cache-Control': 'no-cache',
        'Content-Length': body.length,
        ...(isCompressible(file) ? { Vary: 'Accept-Encoding' } : {}),
        ...(encoding ? { 'Content-Encoding': encoding } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      log.error('bridge-failed', { kind: errorKind(error), where: errorWhere(error) });
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'bridge error' } });
      else res.destroy();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  hosts = new Set([`127.0.0.1:${actual}`, `localhost:${actual}`]);
  origins = new Set([`http://127.0.0.1:${actual}`, `http://localhost:${actual}`]);
  dispatch = dispatcherFor([...origins]);
  const origin = `http://127.0.0.1:${actual}`;
  log.info('bridge-listening', { port: actual });

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    port: actual,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
