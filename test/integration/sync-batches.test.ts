import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { birthDateHasher } from '../../main/identity/birth-date-hash.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { createRegistryClient, type RegistryClient, RegistryError } from '../../main/registry/client.ts';
import { CURSOR_KEY, createSyncEngine } from '../../main/registry/sync-engine.ts';
import { recordAccountKnown } from '../../main/store/account-known-repo.ts';
import { countArtisans, replicaChecksum } from '../../main/store/artisans-repo.ts';
import type { WriteDb } from '../../main/store/database.ts';
import { getMeta } from '../../main/store/meta-repo.ts';
import { openStore } from '../../main/store/open-store.ts';
import { KIOSK_ID, SECRET, startTestRegistry } from '../support/registry.ts';
import { secretsOf } from '../support/secrets.ts';
import { tempDir } from '../support/temp.ts';

const PAGE = 50;
const ARTISANS = 500;

/**
 * The reference registry's changes feed, read over HTTP page by page up front, then handed to
 * the sync as if the network were instant (a stand-in for a fast link, named as such): every
 * next page is already there when a write ends, which is when a first load batches pages.
 * `onAsk` hears each page the sync asks for, by its position in the feed.
 */
async function feedAtHand(real: RegistryClient, onAsk: (index: number) => void = () => undefined): Promise<{ client: RegistryClient; cursors: string[] }> {
  const pages = new Map<string | null, Buffer>();
  const cursors: string[] = [];
  let after: string | null = null;
  for (;;) {
    const bytes = await real.changesBytes(after, PAGE);
    pages.set(after, bytes);
    const { cursor, hasMore } = JSON.parse(bytes.toString('utf8')) as { cursor: string; hasMore: boolean };
    cursors.push(cursor);
    if (!hasMore) break;
    after = cursor;
  }
  const order = [...pages.keys()];
  const client: RegistryClient = {
    ...real,
    changesBytes: async (from) => {
      onAsk(order.indexOf(from));
      const bytes = pages.get(from);
      if (!bytes) throw new Error(`no page after ${from}`);
      return bytes;
    },
  };
  return { client, cursors };
}

/** The wire page `bytes` with its rows and removals rewritten (a feed the test shapes itself). */
function reshaped(bytes: Buffer, change: (page: WirePage) => void): Buffer {
  const page = JSON.parse(bytes.toString('utf8')) as WirePage;
  change(page);
  return Buffer.from(JSON.stringify(page));
}
type WirePage = { items: unknown[][]; removed: string[]; cursor: string; hasMore: boolean };

/** RM numbers in the order the store gave them ids (insertion order): how many times the next is smaller. */
async function descents(db: WriteDb): Promise<number> {
  const rms = (await db.all<{ rm: string }>('SELECT rm_number AS rm FROM artisans ORDER BY id')).map((r) => r.rm);
  return rms.filter((rm, i) => i > 0 && rm < (rms[i - 1] as string)).length;
}

describe('a first load writes the pages at hand several to a transaction, in key order', () => {
  let registry: Awaited<ReturnType<typeof startTestRegistry>>;
  before(async () => {
    registry = await startTestRegistry(ARTISANS);
  });
  after(async () => registry.close());

  async function kiosk({
    onAsk,
    batchRows,
    pages,
    clock = () => new Date(),
  }: {
    onAsk?: (index: number, db: WriteDb) => void;
    batchRows?: number;
    pages?: (bytes: Buffer, index: number) => Buffer;
    clock?: () => Date;
  } = {}) {
    const dataDir = tempDir('batches-');
    const log = memoryLogger('batches');
    const store = await openStore(dataDir, log);
    const real = createRegistryClient({ url: registry.server.url, kioskId: KIOSK_ID, secret: SECRET, timeoutMs: 5000 }, log);
    const feed = await feedAtHand(real, (i) => onAsk?.(i, store));
    const client: RegistryClient = pages
      ? {
          ...feed.client,
          changesBytes: async (from, limit) => {
            const index = from === null ? 0 : feed.cursors.indexOf(from) + 1;
            return pages(await feed.client.changesBytes(from, limit), index);
          },
        }
      : feed.client;
    const batches: number[] = [];
    const engine = createSyncEngine({
      db: store,
      client,
      hashBirthDate: birthDateHasher((await secretsOf(dataDir)).birthDateKey),
      clock,
      log,
      options: { ...(batchRows ? { batchRows } : {}), onPage: ({ records }) => batches.push(records) },
    });
    return { store, engine, batches, cursors: feed.cursors };
  }

  it('ten pages at hand: a few commits, each batch written in RM-number order, the same copy as the registry', async () => {
    const { store, engine, batches, cursors } = await kiosk();
    const pages = cursors.length;
    assert.equal(pages, ARTISANS / PAGE);
    const result = await engine.syncNow();
    assert.equal(result.upserted, ARTISANS);
    assert.equal(result.pages, pages);
    assert.ok(batches.length < pages / 2, `${batches.length} batches for ${pages} pages`);
    // The registry sends numbers in random order (about one descent in two, page by page);
    // each batch is written sorted, so the ids step down only where a batch starts.
    assert.ok((await descents(store)) <= batches.length - 1, `${await descents(store)} descents for ${batches.length} batches`);
    assert.equal(await replicaChecksum(store), await registry.store.checksum());
    await store.close();
  });

  it('a writer waiting for the store (an artisan’s change) gets it after the batch being written, not after the load', async () => {
    let marker: Promise<string | undefined> | null = null;
    // Batches of two pages. When the sync asks for the sixth page, at most five are here, and
    // a write queues then, as an activation would.
    const { store, engine, cursors } = await kiosk({
      batchRows: 2 * PAGE,
      onAsk: (index, db) => {
        if (index === 5 && marker === null) marker = db.transaction(async (tx) => getMeta(tx, CURSOR_KEY));
      },
    });
    const result = await engine.syncNow();
    assert.equal(result.upserted, ARTISANS);
    assert.ok(marker, 'the sync asked for the sixth page');
    const at = cursors.indexOf((await marker) ?? '');
    assert.ok(at <= 4, `the waiting write came after page ${at + 1} of ${cursors.length}: after the pages already here at most, not at the end of the load`);
    assert.equal(await getMeta(store, CURSOR_KEY), cursors.at(-1));
    assert.equal(await replicaChecksum(store), await registry.store.checksum());
    await store.close();
  });

  it('each batch of a first load is copied into the file from the side connection, and the copy is the registry’s', async () => {
    const { store, engine, batches } = await kiosk({ batchRows: 2 * PAGE });
    // The store's own request, counted: the copy itself still runs, on the real side connection.
    let asked = 0;
    const request = store.checkpointSoon;
    store.checkpointSoon = () => {
      asked++;
      return request();
    };
    const result = await engine.syncNow();
    assert.equal(result.upserted, ARTISANS);
    assert.ok(batches.length >= 5, `${batches.length} batches`);
    // Without it, SQLite's own copy waits for the disk on the writer's path (README, Performance).
    assert.equal(asked, batches.length, 'a copy asked after every batch, the first load’s included');
    assert.equal(await replicaChecksum(store), await registry.store.checksum());
    assert.equal(await countArtisans(store), ARTISANS);
    await store.close();
  });

  it('a page that fails while others wait their turn: what came before it is written, the run fails, the next one ends the load', async () => {
    let fail = true;
    const { store, engine, cursors } = await kiosk({
      pages: (bytes, index) => {
        if (index === 6 && fail) {
          fail = false;
          throw new RegistryError('offline', 'the connection to the registry was cut');
        }
        return bytes;
      },
    });
    await assert.rejects(engine.syncNow(), (e: unknown) => e instanceof RegistryError && e.kind === 'offline');
    assert.equal(await getMeta(store, CURSOR_KEY), cursors[5], 'the six pages before the failure are written, with their cursor');
    assert.equal(await countArtisans(store), 6 * PAGE);
    const second = await engine.syncNow();
    assert.equal(second.upserted, ARTISANS - 6 * PAGE, 'nothing written twice');
    assert.equal(await replicaChecksum(store), await registry.store.checksum());
    await store.close();
  });

  it('in one batch, the later row of a number wins, an older one is skipped, and a removal is not undone by a row sent before it', async () => {
    // Pages 1 to 3 make one batch (page 3 removes, so it ends one). Page 2 sends again a number
    // of page 1 (newer) and another (older); page 3 removes a number of page 1 and one of page
    // 2, and page 4 (the next batch) sends the first back.
    let newer = '';
    let older = '';
    let gone = '';
    let back = '';
    let pageOne: unknown[][] = [];
    let pageTwo: unknown[][] = [];
    const { store, engine, batches } = await kiosk({
      pages: (bytes, index) =>
        reshaped(bytes, (page) => {
          if (index === 1) pageOne = page.items;
          const one = (i: number) => [...(pageOne[i] as unknown[])];
          if (index === 2) {
            pageTwo = page.items;
            const n = one(0);
            newer = n[0] as string;
            n[4] = 'NOUVEAU-NOM';
            n[17] = (n[17] as number) + 1;
            const o = one(1);
            older = o[0] as string;
            o[4] = 'ANCIEN-NOM';
            o[17] = (o[17] as number) - 1;
            page.items.push(n, o);
          }
          if (index === 3) {
            gone = one(2)[0] as string;
            back = (pageTwo[0] as unknown[])[0] as string;
            page.removed = [gone, back];
          }
          if (index === 4) page.items.push(one(2));
        }),
    });
    const result = await engine.syncNow();
    // Records after each batch: page 1 ends at 100 (page 0 included), page 2 at 151 (its 50
    // and the newer row), page 3 at 201. Pages 1 to 3 in one batch: 201 is a boundary, 100
    // and 151 are not.
    assert.ok(batches.includes(201) && !batches.includes(100) && !batches.includes(151), `batches ended at ${batches.join(', ')} rows`);
    assert.equal(result.older, 1, 'the older row was counted as skipped');
    const name = async (rm: string) => (await store.get<{ n: string }>('SELECT birth_name AS n FROM artisans WHERE rm_number = ?', [rm]))?.n;
    assert.equal(await name(newer), 'NOUVEAU-NOM');
    assert.notEqual(await name(older), 'ANCIEN-NOM');
    assert.equal(await name(back), undefined, 'sent on page 2, removed by page 3 in the same batch: gone');
    assert.ok(await name(gone), 'removed on page 3, sent back on page 4: it is there');
    await store.close();
  });

  it('what the kiosk learnt between two pages of a batch is put back where the page came before it, not after', async () => {
    // A clock that moves a second each time it is read: page 3 is asked at t, the kiosk learns
    // two accounts at t + 0.5 s (an activation), page 4 and later are asked from t + 1 s.
    let now = Date.parse('2026-12-02T09:00:00Z');
    const clock = () => {
      now += 1000;
      return new Date(now);
    };
    const statusOf = (bytes: Buffer) => (JSON.parse(bytes.toString('utf8')) as WirePage).items.find((r) => r[16] === 'none')?.[0] as string;
    let before = '';
    let after = '';
    let learnt: Promise<void> | null = null;
    const { store, engine, batches } = await kiosk({
      clock,
      pages: (bytes, index) => {
        if (index === 2) before = statusOf(bytes);
        if (index === 5) after = statusOf(bytes);
        return bytes;
      },
      onAsk: (index, db) => {
        if (index !== 3 || learnt) return;
        const at = new Date(now + 500);
        learnt = db.transaction(async (tx) => {
          for (const rm of [before, after]) await recordAccountKnown(tx, rm, 'pending', at);
        });
      },
    });
    await engine.syncNow();
    assert.ok(learnt && before && after, 'the accounts were learnt while the load went on');
    assert.ok(batches.length < 5, `pages 2 to 5 shared a batch (batches ended at ${batches.join(', ')} rows)`);
    const status = async (rm: string) => (await store.get<{ s: string }>('SELECT account_status AS s FROM artisans WHERE rm_number = ?', [rm]))?.s;
    assert.equal(await status(before), 'pending', 'page 2 was asked before the kiosk learnt it: what the kiosk did stands');
    assert.equal(await status(after), 'none', 'page 5 was asked after: the registry’s word stands');
    await store.close();
  });
});
