import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the liar answers instead of the registry: a status and a body (a string is sent as is, so it may be empty or not JSON). */
export type Lie = { status?: number; body: string | object };

/** One call on its way to the registry: `pass()` asks the real one and gives back its answer. */
export type Call = { method: string; path: string; body: string; pass(): Promise<{ status: number; body: string }> };

/**
 * The reference registry made to lie: a proxy in front of it that passes every call through,
 * except where the test's `lie` answers in its place (undefined: the real answer goes back).
 * The kiosk talks to it as to any chamber's registry (tokens, the feed, accounts), so what it
 * believes is what a registry said, over real HTTP.
 */
export async function startLyingRegistry(target: string, lie: (call: Call) => Promise<Lie | undefined> | Lie | undefined) {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '/';
      const method = req.method ?? 'GET';
      const pass = async () => {
        const headers: Record<string, string> = {};
        for (const name of ['authorization', 'content-type'] as const) {
          const value = req.headers[name];
          if (typeof value === 'string') headers[name] = value;
        }
        const r = await fetch(`${target}${path}`, { method, headers, ...(method === 'GET' ? {} : { body }) });
        return { status: r.status, body: await r.text() };
      };
      try {
        const told = (await lie({ method, path: path.split('?')[0] ?? path, body, pass })) ?? (await pass());
        res.writeHead(told.status ?? 200, { 'Content-Type': 'application/json' });
        res.end(typeof told.body === 'string' ? told.body : JSON.stringify(told.body));
      } catch (error) {
        res.writeHead(502, { 'Content-Type': 'text/plain' });
        res.end(String(error));
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
