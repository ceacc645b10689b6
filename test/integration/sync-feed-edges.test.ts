import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RegistryError } from '../../main/registry/client.ts';
import { describeSyncStatus, readSyncStatus } from '../../main/registry/sync-status.ts';
import { countArtisans, findByRmNumber, replicaChecksum } from '../../main/store/artisans-repo.ts';
import { setMeta } from '../../main/store/meta-repo.ts';
import { changesPage, row, startBrokenRegistry } from '../support/broken-registry.ts';
import { replicaFor, startTestRegistry } from '../support/registry.ts';

const A = '123123127RM078';
const B = '732829320RM075';
const C = '356000000RM013';

const kindIs = (kind: string) => (e: unknown) => e instanceof RegistryError && e.kind === kind;

/** A kiosk replica synced from a registry whose pages the test writes. */
async function replicaOf(pages: (after: string | null, n: number) => object) {
  const registry = await startBrokenRegistry((_req, url, n) => ({ body: pages(url.searchParams.get('after'), n) }));
  const replica = await replicaFor(registry.url, { pageSize: 100 });
  return { registry, ...replica };
}

describe('a changes feed that does not advance is an error, never a loop', () => {
  it('stops when the registry sends the same cursor again with more to come, and says so', async () => {
    const { registry, db, engine } = await replicaOf(() => changesPage([row(A, 1)], 'c1', true));
    await assert.rejects(engine.syncNow(), kindIs('stalled'));
    assert.ok(registry.requests() <= 3, `asked ${registry.requests()} times, not for ever`);
    const status = await readSyncStatus(db);
    assert.equal(status.state, 'error');
    assert.match(describeSyncStatus(status, new Date()).join(' '), /changes feed did not advance.*tries again later.*already sent/s);
    await registry.close();
    await db.close();
  });

  it('stops when the cursor goes back to one it sent before', async () => {
    const { registry, db, engine } = await replicaOf((after) =>
      after === null ? changesPage([row(A, 1)], 'c1', true) : after === 'c1' ? changesPage([row(B, 1)], 'c2', true) : changesPage([row(C, 1)], 'c1', true),
    );
    await assert.rejects(engine.syncNow(), kindIs('stalled'));
    assert.ok(registry.requests() <= 5);
    await registry.close();
    await db.close();
  });

  it('stops on an empty page that says more follows, with fresh cursors each time', async () => {
    const { registry, db, engine } = await replicaOf((_after, n) => changesPage([], `c${n}`, true));
    await assert.rejects(engine.syncNow(), (e: unknown) => kindIs('stalled')(e) && /empty page/.test((e as Error).message));
    assert.ok(registry.requests() <= 3);
    await registry.close();
    await db.close();
  });

  it('a delta with nothing new (same cursor, no more) is no error', async () => {
    const { registry, db, engine } = await replicaOf(() => changesPage([], 'c0', false));
    const r = await engine.syncNow();
    assert.deepEqual([r.upserted, r.removed, r.pages], [0, 0, 1]);
    await registry.close();
    await db.close();
  });
});

describe('a page is checked whole before anything of it is written', () => {
  it('refuses a page carrying one RM number twice, and keeps nothing of it', async () => {
    const { registry, db, engine } = await replicaOf(() => changesPage([row(A, 1), row(B, 1), row(A, 2)], 'c1', false));
    await assert.rejects(engine.syncNow(), (e: unknown) => kindIs('malformed')(e) && /same RM number twice/.test((e as Error).message));
    assert.equal(await countArtisans(db), 0);
    await registry.close();
    await db.close();
  });

  it('refuses removals that are not RM numbers, and counts as removed only what was there', async () => {
    let removed = ['not-an-rm-number'];
    const { registry, db, engine } = await replicaOf((after) =>
      after === null ? changesPage([row(A, 1), row(B, 1)], 'c1', false, removed) : changesPage([], 'c2', false, removed),
    );
    await assert.rejects(engine.syncNow(), (e: unknown) => kindIs('malformed')(e) && /not an RM number/.test((e as Error).message));
    assert.equal(await countArtisans(db), 0, 'the good rows of that page were not kept either');
    removed = [C]; // well-formed, but this kiosk never had it
    const first = await engine.syncNow();
    assert.deepEqual([first.upserted, first.removed], [2, 0], 'an RM number the copy never had is not "removed"');
    removed = [A];
    const second = await engine.syncNow();
    assert.equal(second.removed, 1);
    assert.equal(await findByRmNumber(db, A), undefined);
    await registry.close();
    await db.close();
  });

  it('skips a row older than the one kept, and counts it', async () => {
    const { registry, db, engine } = await replicaOf((after) =>
      after === null ? changesPage([row(A, 5, 'NOUVEAU')], 'c1', false) : changesPage([row(A, 3, 'ANCIEN'), row(B, 1)], 'c2', false),
    );
    await engine.syncNow();
    const r = await engine.syncNow();
    assert.deepEqual([r.upserted, r.older], [1, 1]);
    const kept = await findByRmNumber(db, A);
    assert.deepEqual([kept?.birthName, kept?.version], ['NOUVEAU', 5], 'the newer state stays');
    await registry.close();
    await db.close();
  });

  it('refuses a page naming its rows twice: what is written must be what was checked', async () => {
    // JSON.parse keeps the last `items`, SQLite the first; the second is spelt with an escape.
    const good = JSON.stringify([row(A, 1, 'CONTROLE')]);
    const other = JSON.stringify([row(A, 1, 'AUTRE')]);
    const body = `{"fields":${JSON.stringify((changesPage([], 'c', false) as { fields: string[] }).fields)},"items":${other},"removed":[],"cursor":"c1","hasMore":false,"\\u0069tems":${good}}`;
    const registry = await startBrokenRegistry(() => ({ body }));
    const { db, engine } = await replicaFor(registry.url);
    await assert.rejects(engine.syncNow(), (e: unknown) => kindIs('malformed')(e) && /names its list of rows twice/.test((e as Error).message));
    assert.equal(await countArtisans(db), 0, 'nothing of that page was kept');
    await registry.close();
    await db.close();
  });

  it('refuses a page SQLite would read otherwise than the check did: not UTF-8, JSON5, or another list of rows', async () => {
    const text = JSON.stringify(changesPage([row(A, 1, 'DURAND'), row(B, 1)], 'c1', false));
    const notUtf8 = Buffer.from(text);
    notUtf8[notUtf8.indexOf('DURAND')] = 0xc3; // a two-byte character's first byte, then a plain letter
    const bodies: [Buffer | string, RegExp][] = [
      [notUtf8, /not UTF-8/],
      // SQLite's JSON reader takes comments and trailing commas; JSON does not.
      [text.replace('],[', '] /* a comment */ ,['), /not valid JSON/],
      [text.replace(']],', '],],'), /not valid JSON/],
      // SQLite reads this key as $.items: its row, never checked, would be written.
      [text.replace('{', `{"items\\u0000":${JSON.stringify([row(C, 1).map((v, i) => (i === 0 ? 'not an RM number' : v))])},`), /key holding a NUL/],
    ];
    for (const [body, why] of bodies) {
      const registry = await startBrokenRegistry(() => ({ body }));
      const { db, engine } = await replicaFor(registry.url);
      // Closed whatever the outcome: a failed case must fail the test, not hold the file open.
      try {
        await assert.rejects(engine.syncNow(), (e: unknown) => kindIs('malformed')(e) && why.test((e as Error).message));
        assert.equal(await countArtisans(db), 0, 'nothing of that page was kept');
      } finally {
        await registry.close();
        await db.close();
      }
    }
  });

  it('refuses a page larger than 64 MB before reading it whole, with or without its length', async () => {
    for (const declared of [true, false]) {
      const big = `{"fields":[],"items":[${'"x",'.repeat(17_000_000)}"x"],"removed":[],"cursor":"c","hasMore":false}`;
      const server = await startBrokenRegistry(() => ({
        body: big,
        headers: declared ? { 'Content-Length': String(Buffer.byteLength(big)) } : ({} as Record<string, string>),
      }));
      const { db, engine } = await replicaFor(server.url, { timeoutMs: 20_000 });
      await assert.rejects(engine.syncNow(), (e: unknown) => kindIs('malformed')(e) && /larger than 64 MB/.test((e as Error).message));
      await server.close();
      await db.close();
    }
  });
});

describe('a cursor the registry no longer knows (400 BAD_CURSOR)', () => {
  it('reads the whole feed again into the same copy, drops who left meanwhile, and goes on from there', async () => {
    const registry = await startTestRegistry(3000);
    const { db, engine } = await replicaFor(registry.server.url, { pageSize: 1000 });
    await engine.syncNow();
    // The registry was restored from a backup: the kiosk's position means nothing to it, and
    // an artisan was removed meanwhile without a tombstone the kiosk could see.
    await db.transaction((tx) => setMeta(tx, 'registry-cursor', 'not-a-cursor-of-this-registry'));
    await registry.store.db.transaction((tx) => tx.run("DELETE FROM artisans WHERE rm_number = '552032534RM02A'"));
    await registry.store.mutate(20, 31);
    const r = await engine.syncNow();
    assert.equal(r.resynced, true);
    assert.equal(r.removed, 1, 'the artisan the registry no longer has is gone from the copy');
    assert.equal(await replicaChecksum(db), await registry.store.checksum());
    const again = await engine.syncNow();
    assert.deepEqual([again.resynced, again.upserted], [false, 0], 'then deltas as before');
    await db.close();
    await registry.close();
  });
});
