import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { openRegistryStore } from '../../main/demo-registry/registry-store.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import type { ArtisanTuple } from '../../main/registry/wire.ts';
import { KIOSK_ID, SECRET, startTestRegistry } from '../support/registry.ts';
import { tempDir } from '../support/temp.ts';

describe("the reference registry's changes pages", () => {
  it('give the rows in the order of their changes, removals by RM number, and "more" only while rows follow', async () => {
    const store = await openRegistryStore(path.join(tempDir('registry-'), 'registry.sqlite'), memoryLogger('registry'));
    await store.seed(5);
    const all = await store.changes(0, 100);
    const rows = JSON.parse(all.items.toString()) as ArtisanTuple[];
    assert.equal(rows.length, 5);
    assert.equal(all.removed, '[]');
    assert.equal(all.more, false, 'the whole feed in one page: nothing more');
    const last = all.last as number;

    const first = await store.changes(0, 2);
    assert.deepEqual(JSON.parse(first.items.toString()), rows.slice(0, 2), 'a page of two: the first two, in the same order');
    assert.equal(first.more, true);
    const rest = await store.changes(first.last as number, 3);
    assert.deepEqual(JSON.parse(rest.items.toString()), rows.slice(2));
    assert.equal(rest.last, last);
    assert.equal(rest.more, false, 'a page ending on the last change: nothing more');

    const end = await store.changes(last, 10);
    assert.deepEqual([end.items.toString(), end.removed, end.last, end.more], ['[]', '[]', null, false], 'past the end: an empty page, never "more"');

    // A removal and a rename, after the rows: a page of a tombstone, then the renamed row.
    const [gone, renamed] = [rows[0] as ArtisanTuple, rows[1] as ArtisanTuple];
    assert.equal(await store.remove(gone[0]), true);
    await store.upsert([[...renamed.slice(0, 9), 'Atelier Nouveau', ...renamed.slice(10, 17), renamed[17] + 1] as ArtisanTuple]);
    const tomb = await store.changes(last, 1);
    assert.deepEqual([tomb.items.toString(), JSON.parse(tomb.removed), tomb.more], ['[]', [gone[0]], true], 'a page of one removal, more to come');
    const next = await store.changes(tomb.last as number, 10);
    assert.deepEqual(
      (JSON.parse(next.items.toString()) as ArtisanTuple[]).map((t) => [t[0], t[9]]),
      [[renamed[0], 'Atelier Nouveau']],
    );
    assert.equal(next.more, false);
    await store.close();
  });

  it('go out over HTTP with their length said up front, as every answer of the registry, and read as the JSON it announces', async () => {
    const registry = await startTestRegistry(40);
    try {
      const { accessToken } = (await (
        await fetch(`${registry.server.url}/v1/auth/token`, { method: 'POST', body: JSON.stringify({ kioskId: KIOSK_ID, secret: SECRET }) })
      ).json()) as { accessToken: string };
      const res = await fetch(`${registry.server.url}/v1/artisans/changes?limit=25`, { headers: { Authorization: `Bearer ${accessToken}` } });
      const body = Buffer.from(await res.arrayBuffer());
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('transfer-encoding'), null, 'not chunked');
      assert.equal(res.headers.get('content-length'), String(body.length));
      const page = JSON.parse(body.toString('utf8')) as { items: unknown[]; hasMore: boolean };
      assert.equal(page.items.length, 25);
      assert.equal(page.hasMore, true);
      // The other answers too: an artisan (accented names: the length in bytes, not characters),
      // the health check, a refusal.
      const rm = (page.items[0] as string[])[0] as string;
      for (const [url, status, auth] of [
        [`${registry.server.url}/v1/artisans/${rm}`, 200, true],
        [`${registry.server.url}/v1/health`, 200, false],
        [`${registry.server.url}/v1/artisans/changes?after=nope`, 401, false],
      ] as const) {
        const other = await fetch(url, auth ? { headers: { Authorization: `Bearer ${accessToken}` } } : {});
        const bytes = Buffer.from(await other.arrayBuffer());
        assert.equal(other.status, status, url);
        assert.equal(other.headers.get('transfer-encoding'), null, `${url}: not chunked`);
        assert.equal(other.headers.get('content-length'), String(bytes.length), url);
        assert.doesNotThrow(() => JSON.parse(bytes.toString('utf8')), url);
      }
      const artisan = await (await fetch(`${registry.server.url}/v1/artisans/${rm}`, { headers: { Authorization: `Bearer ${accessToken}` } })).text();
      assert.notEqual(Buffer.byteLength(artisan), artisan.length, 'the artisan answer holds characters of more than one byte');
    } finally {
      await registry.close();
    }
  });
});
