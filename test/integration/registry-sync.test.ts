import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { birthDateHasher } from '../../main/identity/birth-date-hash.ts';
import { createIdentityService } from '../../main/identity/identify.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { RegistryError } from '../../main/registry/client.ts';
import { describeSyncStatus, readSyncStatus } from '../../main/registry/sync-status.ts';
import type { ArtisanTuple } from '../../main/registry/wire.ts';
import { countArtisans, replicaChecksum } from '../../main/store/artisans-repo.ts';
import { replicaFor, startTestRegistry } from '../support/registry.ts';
import { secretsOf } from '../support/secrets.ts';

type Registry = Awaited<ReturnType<typeof startTestRegistry>>;

describe('sync with the reference registry over real HTTP', () => {
  let registry: Registry;
  before(async () => {
    registry = await startTestRegistry(12_000);
  });
  after(() => registry.close());

  it('a full sync copies every artisan, with dates of birth only as hashes', async () => {
    const { db, dataDir, engine } = await replicaFor(registry.server.url, { pageSize: 1000 });
    const r = await engine.syncNow();
    assert.deepEqual([r.upserted, r.pages, r.removed], [12_000, 12, 0]);
    assert.equal(await countArtisans(db), await registry.store.count());
    assert.equal(await replicaChecksum(db), await registry.store.checksum());
    const clear = await db.get("SELECT 1 FROM artisans WHERE birth_date_hmac LIKE '____-__-__'");
    assert.equal(clear, undefined);
    // What was synced identifies people: the registry's Camille, by her date of birth.
    const key = (await secretsOf(dataDir)).birthDateKey;
    const identity = createIdentityService({ db, hashBirthDate: birthDateHasher(key), clock: () => new Date(), log: memoryLogger() });
    const found = await identity.identify({ rmNumber: '123123127RM078', birthDate: { day: '14', month: '7', year: '1980' } });
    assert.equal(found.ok && found.value.kind === 'found' && found.value.artisan.companyName, 'Boulangerie Durand');
    const status = await readSyncStatus(db);
    assert.deepEqual([status.state, status.records, status.lastError], ['ok', 12_000, null]);
    await db.close();
  });

  it('every field of every artisan arrives as the registry sent it (names, activities, address, nulls, version)', async () => {
    const { db, dataDir, engine } = await replicaFor(registry.server.url, { pageSize: 3000 });
    await engine.syncNow();
    const hash = birthDateHasher((await secretsOf(dataDir)).birthDateKey);
    const sent = await registry.store.db.all<{ data: string }>('SELECT data FROM artisans WHERE deleted = 0 ORDER BY rm_number');
    const expected = sent.map(({ data }) => {
      const t = JSON.parse(data) as ArtisanTuple;
      return [t[0], t[1], t[2], t[3], t[4], t[5], t[6].join(' '), hash(t[7]), t[8], t[9], t[10], t[11], t[12], t[13], t[14], t[15], t[16], t[17]];
    });
    const kept = await db.all<Record<string, string | number | null>>(
      `SELECT rm_number, siren, register, department, birth_name, usage_name, first_names, birth_date_hmac, company_name,
         trade_name, activities, qualification, chamber, address, registered_on, radiated_on, account_status, version
       FROM artisans ORDER BY rm_number`,
    );
    const rows = kept.map((r) => Object.values(r).map((v, i) => (i === 10 || i === 13 ? JSON.parse(String(v)) : v)));
    assert.equal(rows.length, expected.length);
    assert.ok(expected.some((e) => e[5] === null) && expected.some((e) => e[5] !== null), 'the registry sends both usage names and none, so nulls are checked');
    for (const [i, e] of expected.entries()) assert.deepEqual(rows[i], e, `row ${i + 1} of the replica`);
    await db.close();
  });

  it('a delta sync carries only what changed, and tombstones remove artisans', async () => {
    const { db, engine } = await replicaFor(registry.server.url, { pageSize: 5000 });
    await engine.syncNow();
    const changed = await registry.store.mutate(40, 11);
    assert.ok(await registry.store.remove('552032534RM02A'));
    const delta = await engine.syncNow();
    assert.deepEqual([delta.upserted, delta.removed], [changed.length, 1]);
    assert.equal(await db.get("SELECT 1 FROM artisans WHERE rm_number = '552032534RM02A'"), undefined);
    assert.equal(await replicaChecksum(db), await registry.store.checksum());
    const again = await engine.syncNow();
    assert.deepEqual([again.upserted, again.removed], [0, 0], 'nothing new, nothing carried');
    await db.close();
  });

  it('refuses a malformed page with nothing of it committed, and goes on once the registry recovers', async () => {
    const { db, engine } = await replicaFor(registry.server.url, { pageSize: 1000 });
    await engine.pull(); // up to date
    await registry.store.mutate(2500, 12);
    registry.server.faults.malformedPages = 1; // the next page comes cut in half
    await assert.rejects(engine.syncNow(), (e: unknown) => e instanceof RegistryError && e.kind === 'malformed');
    const status = await readSyncStatus(db);
    assert.equal(status.state, 'error');
    assert.match(describeSyncStatus(status, new Date()).join(' '), /does not match the API; nothing of it was kept/);
    await engine.syncNow();
    assert.equal(await replicaChecksum(db), await registry.store.checksum());
    await db.close();
  });

  it('refuses a page with one bad row as a whole', async () => {
    const { db, engine } = await replicaFor(registry.server.url, { pageSize: 5000 });
    await engine.syncNow();
    const before = await replicaChecksum(db);
    const good = await registry.store.byRmNumber('401234562RE067');
    assert.ok(good);
    await registry.store.mutate(10, 13);
    // A row whose SIREN is not 9 digits, in the same page as the 10 good changes.
    await registry.store.upsert([[good[0], '12345', ...good.slice(2)] as unknown as typeof good]);
    await assert.rejects(engine.syncNow(), (e: unknown) => e instanceof RegistryError && e.kind === 'malformed');
    assert.equal(await replicaChecksum(db), before, 'none of the 10 good rows of that page was kept');
    const fixed: typeof good = [...good];
    fixed[17] += 1;
    await registry.store.upsert([fixed]);
    await engine.syncNow();
    assert.equal(await replicaChecksum(db), await registry.store.checksum());
    await db.close();
  });

  it('gets a new access token when the registry forgets the old one (401)', async () => {
    const { db, engine } = await replicaFor(registry.server.url);
    await engine.syncNow();
    registry.server.revokeTokens();
    await registry.store.mutate(5, 14);
    const r = await engine.syncNow();
    assert.equal(r.upserted, 5);
    await db.close();
  });

  it('says in words when the kiosk’s credentials are refused', async () => {
    const { db, engine } = await replicaFor(registry.server.url, { secret: 'wrong-secret-0123456789' });
    await assert.rejects(engine.syncNow(), (e: unknown) => e instanceof RegistryError && e.kind === 'credentials');
    assert.match(describeSyncStatus(await readSyncStatus(db), new Date()).join(' '), /refused this kiosk’s credentials: check the kiosk id and secret/);
    await db.close();
  });

  it('keeps working offline on its copy, and says so', async () => {
    const other = await startTestRegistry(50);
    const { db, engine } = await replicaFor(other.server.url, { timeoutMs: 1000 });
    await engine.syncNow();
    await other.close();
    await assert.rejects(engine.syncNow(), (e: unknown) => e instanceof RegistryError && e.kind === 'offline');
    const status = await readSyncStatus(db);
    assert.equal(status.state, 'offline');
    assert.equal(await countArtisans(db), 50, 'the copy is still there');
    assert.match(describeSyncStatus(status, new Date()).join(' '), /could not be reached.*works offline/s);
    await db.close();
  });
});
