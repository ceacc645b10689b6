import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../api/handle.ts';
import type { Logger } from '../logging/logger.ts';
import { contentTypeOf, resolveRendererFile, SECURITY_HEADERS } from '../renderer-files.ts';
import { chooseEncoding, compressionCache, isCompressible } from './compression.ts';

export type BridgeOptions = {
  /** 0 picks a free port. */
  port: number;
  /** The built renderer (vite build output). */
  staticDir: string;
  /** Builds the contract's dispatcher once the bridge knows its own origins. */
  dispatcherFor: (trustedOrigins: readonly string[]) => Dispatch;
  log: Logger;
};

export type Bridge = { url: string; origin: string; token: string; port: number; close(): Promise<void> };

// The largest call is an ID photo: 200 KB of JPEG, as base64.
const MAX_BODY = 512 * 1024;

/**
 * Browser mode's transport: the contract over HTTP on 127.0.0.1 only. Every API call needs
 * the per-launch token (only the URL printed at launch carries it), and Host and Origin must
 * be ours, so neither another site in the same browser nor a DNS-rebound name reaches a
 * handler. Refusals are logged with their reason and never touch the kiosk core.
 */
export async function startBridge({ port, staticDir, dispatcherFor, log }: BridgeOptions): Promise<Bridge> {
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
  const tokenOk = (header: string | undefined) => {
    const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '');
    return given.length === tokenBytes.length && timingSafeEqual(given, tokenBytes);
  };

  const server = http.createServer(async (req, res) => {
    try {
      if (!hosts.has(req.headers.host ?? '')) return refuse(res, 403, 'foreign-host');
      const origin = req.headers.origin;
      if (origin !== undefined && !origins.has(origin)) return refuse(res, 403, 'foreign-origin');
      if (req.headers['sec-fetch-site'] === 'cross-site') return refuse(res, 403, 'cross-site');

      const pathname = (req.url ?? '/').split('?')[0] ?? '/';
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
      const content = await readFile(file).catch(() => null);
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
      log.error('bridge-failed', { error: error instanceof Error ? error.message : String(error) });
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
