import assert from 'node:assert/strict';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { createKiosk } from '../../main/kiosk.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { memoryStore } from '../../main/secrets/secret-store.ts';
import { STORE_FILE } from '../../main/store/open-store.ts';
import { enqueue, pendingCount } from '../../main/store/outbox-repo.ts';
import { changesPage, row, startBrokenRegistry } from '../support/broken-registry.ts';
import { readyKiosk } from '../support/kiosk.ts';
import { replicaFor, startTestRegistry } from '../support/registry.ts';
import { tempDir } from '../support/temp.ts';

const CAMILLE = { rmNumber: '123123127RM078', birthDate: { day: '14', month: '07', year: '1980' } };

describe('the kiosk serves at once, whatever the registry does', () => {
  it('a registry that never answers: the kiosk starts, says the list is loading, and stops without waiting for it', async () => {
    const registry = await startBrokenRegistry(() => 'hang');
    const kiosk = await createKiosk({
      dataDir: tempDir(),
      log: memoryLogger(),
      registry: { url: registry.url, kioskId: 'k', secret: 'a-secret-of-sixteen-chars', timeoutMs: 600_000 },
      secrets: memoryStore(),
    });
    const r = await kiosk.identity.identify(CAMILLE);
    assert.deepEqual(r, { ok: true, value: { kind: 'loading', rmNumber: CAMILLE.rmNumber, percent: null } });
    await kiosk.close(); // with a 10-minute timeout in flight: the test would time out if close waited for it
    await registry.close();
  });

  it('a feed stuck on one position: the kiosk serves what it loaded, and the status says what the registry did', async () => {
    const registry = await startBrokenRegistry((_req, url) =>
      url.pathname === '/v1/health' ? { body: { status: 'ok', records: 4, version: '1' } } : { body: changesPage([row('732829320RM075', 1)], 'stuck', true) },
    );
    const kiosk = await createKiosk({
      dataDir: tempDir(),
      log: memoryLogger(),
      registry: { url: registry.url, kioskId: 'k', secret: 'a-secret-of-sixteen-chars' },
      secrets: memoryStore(),
    });
    await assert.rejects(kiosk.sync.syncNow());
    const status = await kiosk.sync.status();
    assert.deepEqual([status.lastError?.kind, status.replicaComplete, status.loadPercent, status.records], ['stalled', false, 25, 1]);
    const r = await kiosk.identity.identify(CAMILLE);
    assert.deepEqual(r, { ok: true, value: { kind: 'loading', rmNumber: CAMILLE.rmNumber, percent: 25 } });
    assert.ok(registry.requests() < 10, `${registry.requests()} requests`);
    // Staff searching the copy are told the same, not "nobody".
    const call = kiosk.dispatcher('browser', ['http://kiosk.test']);
    const invoke = (channel: string, input: object) => call(channel, input, { origin: 'http://kiosk.test', transport: 'http' });
    assert.equal((await invoke('staff:setup', { name: 'Nadia', pin: '482913', confirmation: '482913' })).ok, true);
    const search = await invoke('staff:search', { query: 'martin' });
    assert.equal(!search.ok && search.error.code, 'REPLICA_LOADING');
    const loaded = (await invoke('staff:search', { query: '732829320RM075' })) as { ok: boolean; value?: { rmNumber: string }[] };
    assert.deepEqual(
      loaded.value?.map((h) => h.rmNumber),
      ['732829320RM075'],
      'who is loaded is found',
    );
    await kiosk.close();
    await registry.close();
  });

  it('once the whole list is in, an unknown number is "not found" again', async () => {
    const kiosk = await readyKiosk({ dataDir: tempDir(), log: memoryLogger(), syncIntervalMs: 0, secrets: memoryStore() });
    const r = await kiosk.identity.identify({ rmNumber: '732829320RM075', birthDate: { day: '1', month: '1', year: '1970' } });
    assert.equal(r.ok && r.value.kind, 'not-found');
    await kiosk.close();
  });
});

describe('what the data directory keeps', () => {
  it('a delivered change of mobile and address, and a card sent by e-mail, leave no bytes in the store or its log', async () => {
    const registry = await startTestRegistry(20);
    const { db, engine } = await replicaFor(registry.server.url);
    const mobile = '+33698765432';
    const street = 'Impasse des Secrets Bien Gardés 42';
    const pdf = Buffer.from(`%PDF-1.7 card of a test ${'x'.repeat(5000)}`).toString('base64');
    await db.transaction(async (tx) => {
      await enqueue(
        tx,
        'profile-change',
        { rmNumber: '401234562RE067', mobile, deliveryAddress: { line1: street, line2: null, postalCode: '67000', city: 'Strasbourg' } },
        new Date(),
      );
      await enqueue(tx, 'card-issuance', { rmNumber: '401234562RE067', year: 2026, delivery: 'email', pdf }, new Date());
    });
    const file = db.file;
    const bytes = async () => Buffer.concat([await readFile(file), await readFile(`${file}-wal`).catch(() => Buffer.alloc(0))]);
    const traces = (b: Buffer) => [mobile, street, pdf.slice(100, 160)].filter((s) => b.includes(Buffer.from(s)));
    assert.equal(traces(await bytes()).length, 3, 'before delivery they are there (the check can see them)');
    await engine.push();
    assert.equal((await pendingCount(db)).pending, 0);
    assert.deepEqual(traces(await bytes()), [], 'after delivery, while the kiosk runs');
    await db.close();
    assert.deepEqual(traces(await bytes()), [], 'and after it stopped');
    await registry.close();
  });

  it('every file is the kiosk user’s only (600), every folder 700, the demo registry’s included', async () => {
    const dataDir = tempDir();
    const kiosk = await readyKiosk({ dataDir, log: memoryLogger(), syncIntervalMs: 0, secrets: memoryStore() });
    await kiosk.identity.identify(CAMILLE);
    await kiosk.close();
    const entries = await readdir(dataDir, { recursive: true, withFileTypes: true });
    assert.ok(entries.some((e) => e.name === 'demo-registry.sqlite'));
    assert.equal((await stat(dataDir)).mode & 0o777, 0o700);
    for (const e of entries) {
      const mode = (await stat(path.join(e.parentPath, e.name))).mode & 0o777;
      assert.equal(mode, e.isDirectory() ? 0o700 : 0o600, path.relative(dataDir, path.join(e.parentPath, e.name)));
    }
    assert.ok(entries.some((e) => e.name === STORE_FILE));
  });
});
