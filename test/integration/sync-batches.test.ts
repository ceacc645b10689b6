import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { birthDateHasher } from '../../main/identity/birth-date-hash.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { createRegistryClient, type RegistryClient } from '../../main/registry/client.ts';
import { CURSOR_KEY, createSyncEngine } from '../../main/registry/sync-engine.ts';
import { replicaChecksum } from '../../main/store/artisans-repo.ts';
import type { TxDb, WriteDb } from '../../main/store/database.ts';
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

/** Counts the transactions the sync opens on the store. */
function counted(db: WriteDb): { db: WriteDb; transactions: () => number } {
  let n = 0;
  const wrapped: WriteDb = {
    file: db.file,
    get: db.get,
    all: db.all,
    waiting: db.waiting,
    checkpoint: db.checkpoint,
    close: db.close,
    transaction<T>(work: (tx: TxDb) => Promise<T>) {
      n++;
      return db.transaction(work);
    },
  };
  return { db: wrapped, transactions: () => n };
}

describe('a first load writes the pages at hand several to a transaction', () => {
  let registry: Awaited<ReturnType<typeof startTestRegistry>>;
  before(async () => {
    registry = await startTestRegistry(ARTISANS);
  });
  after(async () => registry.close());

  async function kiosk(onAsk?: (index: number, db: WriteDb) => void) {
    const dataDir = tempDir('batches-');
    const log = memoryLogger('batches');
    const store = await openStore(dataDir, log);
    const real = createRegistryClient({ url: registry.server.url, kioskId: KIOSK_ID, secret: SECRET, timeoutMs: 5000 }, log);
    const feed = await feedAtHand(real, (i) => onAsk?.(i, store));
    const { db, transactions } = counted(store);
    const engine = createSyncEngine({
      db,
      client: feed.client,
      hashBirthDate: birthDateHasher((await secretsOf(dataDir)).birthDateKey),
      clock: () => new Date(),
      log,
    });
    return { store, engine, transactions, cursors: feed.cursors };
  }

  it('ten pages already here: one commit for the rows, the same copy as the registry', async () => {
    const { store, engine, transactions, cursors } = await kiosk();
    const pages = cursors.length;
    assert.equal(pages, ARTISANS / PAGE);
    const before = transactions();
    const result = await engine.syncNow();
    assert.equal(result.upserted, ARTISANS);
    assert.equal(result.pages, pages);
    // Besides the rows' commit, a run writes its status and its search-index marks.
    const pageCommits = transactions() - before;
    assert.ok(pageCommits < pages / 2, `${pageCommits} transactions for ${pages} pages`);
    assert.equal(await replicaChecksum(store), await registry.store.checksum());
    await store.close();
  });

  it('a writer waiting for the store (an artisan’s change) gets it after the page being written, not after the load', async () => {
    let marker: Promise<string | undefined> | null = null;
    // When the sync asks for the third page it is writing the second, inside its batch: a
    // write queues then, as an activation would.
    const { store, engine, cursors } = await kiosk((index, db) => {
      if (index === 2 && marker === null) marker = db.transaction(async (tx) => getMeta(tx, CURSOR_KEY));
    });
    const result = await engine.syncNow();
    assert.equal(result.upserted, ARTISANS);
    assert.ok(marker, 'the sync asked for the third page');
    assert.equal(await marker, cursors[1], 'the waiting write came right after the second page, not at the end of the load');
    assert.equal(await getMeta(store, CURSOR_KEY), cursors.at(-1));
    assert.equal(await replicaChecksum(store), await registry.store.checksum());
    await store.close();
  });
});
