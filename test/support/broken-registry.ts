import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ARTISAN_FIELDS } from '../../main/registry/wire.ts';

export type Answer = { status?: number; headers?: Record<string, string>; body: string | Buffer | object };

/**
 * A registry that misbehaves on purpose: the test says what each changes page (or other
 * call) answers. Tokens are always granted, so each test reaches the behaviour it is about.
 * Counts every request, so a test can see a loop that would never end.
 */
export async function startBrokenRegistry(answer: (req: http.IncomingMessage, url: URL, n: number, body: string) => Answer | Promise<Answer> | 'hang') {
  let requests = 0;
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://registry');
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      if (url.pathname === '/v1/auth/token') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ accessToken: 'broken-registry-token-0123456789', expiresAt: new Date(Date.now() + 3_600_000).toISOString() }));
        return;
      }
      requests++;
      const a = await answer(req, url, requests, Buffer.concat(chunks).toString('utf8'));
      if (a === 'hang') {
        hanging.add(res);
        return;
      }
      res.writeHead(a.status ?? 200, { 'Content-Type': 'application/json', ...a.headers });
      res.end(typeof a.body === 'string' || Buffer.isBuffer(a.body) ? a.body : JSON.stringify(a.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A changes page as the API shapes it. */
export function changesPage(items: unknown[], cursor: string, hasMore: boolean, removed: string[] = []): object {
  return { fields: ARTISAN_FIELDS, items, removed, cursor, hasMore };
}

/** A valid wire row for an RM number, at a version. */
export function row(rmNumber: string, version: number, nom = 'DURAND'): unknown[] {
  return [
    rmNumber,
    rmNumber.slice(0, 9),
    rmNumber.slice(9, 11),
    rmNumber.slice(11),
    nom,
    null,
    ['Camille'],
    '1980-07-14',
    null,
    null,
    [],
    'artisan',
    'CMA Test',
    { voie: '1 rue de la Paix', complement: null, codePostal: '78000', commune: 'Versailles' },
    '2008-03-01',
    null,
    'none',
    version,
  ];
}
