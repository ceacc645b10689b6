import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { after, before, describe, it, mock } from 'node:test';
import { openRegistryStore, type RegistryStore } from '../../main/demo-registry/registry-store.ts';
import { type RegistryServer, startRegistryServer } from '../../main/demo-registry/server.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { tempDir } from '../support/temp.ts';

const ADMIN = 'admin-token-0123456789';

describe('the reference registry admin token', () => {
  let store: RegistryStore;
  let server: RegistryServer;
  // Every constant-time comparison the server makes: the lengths of the two sides.
  const compared: [number, number][] = [];

  before(async () => {
    const real = crypto.timingSafeEqual;
    mock.method(crypto, 'timingSafeEqual', (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
      compared.push([a.byteLength, b.byteLength]);
      return real(a, b);
    });
    // The server imports timingSafeEqual by name: make that binding see the spy.
    syncBuiltinESMExports();
    store = await openRegistryStore(path.join(tempDir('registry-'), 'registry.sqlite'), memoryLogger('registry'));
    await store.seed(5);
    server = await startRegistryServer({ store, log: memoryLogger('server'), adminToken: ADMIN });
  });
  after(async () => {
    await server.close();
    await store.close();
    mock.restoreAll();
    syncBuiltinESMExports();
  });

  const mutate = (authorization: string | undefined) =>
    fetch(`${server.url}/v1/_admin/mutate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(authorization === undefined ? {} : { Authorization: authorization }) },
      body: JSON.stringify({ count: 1 }),
    });

  it('accepts the right token', async () => {
    const res = await mutate(`Bearer ${ADMIN}`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { changed: 1 });
  });

  for (const [name, authorization] of [
    ['a wrong token of the same length', `Bearer ${ADMIN.slice(0, -1)}X`],
    ['a shorter token', `Bearer ${ADMIN.slice(0, -1)}`],
    ['a longer token', `Bearer ${ADMIN}0`],
    ['an empty token', 'Bearer '],
    ['no Authorization header', undefined],
  ] as const) {
    it(`refuses ${name}`, async () => {
      const res = await mutate(authorization);
      assert.equal(res.status, 403);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'FORBIDDEN');
    });
  }

  it('compares every presented token in constant time, as two digests of one length whatever its length', () => {
    // One comparison per request above: the right token and the five refused ones.
    assert.equal(compared.length, 6, `constant-time comparisons made: ${JSON.stringify(compared)}`);
    for (const [a, b] of compared) assert.deepEqual([a, b], [32, 32]);
  });
});
