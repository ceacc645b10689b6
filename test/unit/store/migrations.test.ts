import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { memoryLogger } from '../../../main/logging/logger.ts';
import { openDatabase, StoreError } from '../../../main/store/database.ts';
import { loadMigrations, type Migration, migrate } from '../../../main/store/migrate.ts';
import { deferSearchIndexes, restoreSearchIndexes, searchIndexReady } from '../../../main/store/search-index.ts';
import { tempDir } from '../../support/temp.ts';

const log = memoryLogger();

async function dbAt(version: number, migrations: Migration[]) {
  const db = await openDatabase(path.join(tempDir(), 'k.sqlite'), log);
  await migrate(db, migrations, log, version);
  return db;
}

async function columns(db: Awaited<ReturnType<typeof dbAt>>, table: string) {
  return (await db.all<{ name: string }>(`SELECT name FROM pragma_table_info('${table}')`)).map((c) => c.name);
}

/** A PVC order of artisan R1 in the given state. */
function insertOrder(db: Awaited<ReturnType<typeof dbAt>>, number: string, state: string) {
  return db.transaction((tx) =>
    tx.run(
      "INSERT INTO pvc_orders (number, rm_number, year, chamber, state, amount_cents, created_at, updated_at) VALUES (?, 'R1', 2026, 'CMA', ?, 500, 'now', 'now')",
      [number, state],
    ),
  );
}

describe('migrations', async () => {
  const migrations = await loadMigrations();

  it('are numbered without gaps from 0001', () => {
    assert.deepEqual(
      migrations.map((m) => m.id),
      migrations.map((_, i) => i + 1),
    );
  });

  it('0001 creates the artisans table, STRICT, keyed by RM number', async () => {
    const db = await dbAt(1, migrations);
    assert.ok((await columns(db, 'artisans')).includes('birth_date_hmac'));
    assert.ok(!(await columns(db, 'artisans')).some((c) => c.includes('birth_date') && c !== 'birth_date_hmac'), 'no clear date of birth column');
    await db.transaction((tx) =>
      tx.run(
        `INSERT INTO artisans (rm_number, siren, register, department, birth_name, first_names, birth_date_hmac, qualification, chamber, registered_on, account_status, version)
         VALUES ('123123127RM078', '123123127', 'RM', '078', 'DURAND', 'Camille', 'ab', 'artisan', 'CMA', '2008-03-01', 'none', 1)`,
      ),
    );
    await assert.rejects(
      db.transaction((tx) =>
        tx.run(
          `INSERT INTO artisans (rm_number, siren, register, department, birth_name, first_names, birth_date_hmac, qualification, chamber, registered_on, account_status, version)
           VALUES ('123123127RM078', '123123127', 'RM', '078', 'X', 'Y', 'ab', 'artisan', 'CMA', '2008-03-01', 'none', 1)`,
        ),
      ),
      /UNIQUE/,
    );
    // STRICT: a number where text belongs is refused rather than silently kept.
    await assert.rejects(
      db.transaction((tx) => tx.run(`UPDATE artisans SET version = 'v2'`)),
      /cannot store TEXT value in INTEGER column/,
    );
    const plan = await db.all<{ detail: string }>("EXPLAIN QUERY PLAN SELECT * FROM artisans WHERE rm_number = '123123127RM078'");
    assert.match(plan[0]?.detail ?? '', /USING INDEX/);
    await db.close();
  });

  it('0002 adds identification attempts to a store that already holds artisans', async () => {
    const db = await dbAt(1, migrations);
    await db.transaction((tx) =>
      tx.run(
        `INSERT INTO artisans (rm_number, siren, register, department, birth_name, first_names, birth_date_hmac, qualification, chamber, registered_on, account_status, version)
         VALUES ('401234562RE067', '401234562', 'RE', '067', 'MULLER', 'Jean-Pierre', 'cd', 'artisan', 'CMA', '1999-09-15', 'active', 1)`,
      ),
    );
    await migrate(db, migrations, log, 2);
    assert.deepEqual(await columns(db, 'identification_attempts'), ['rm_number', 'failures', 'locked_until', 'last_failure_at']);
    assert.equal((await db.get<{ n: number }>('SELECT count(*) AS n FROM artisans'))?.n, 1, 'artisans kept');
    await assert.rejects(
      db.transaction((tx) => tx.run("INSERT INTO identification_attempts VALUES ('x', -1, NULL, 0)")),
      /CHECK/,
    );
    await db.close();
  });

  it('0003 adds kiosk_meta and keeps what 0002 held', async () => {
    const db = await dbAt(2, migrations);
    await db.transaction((tx) => tx.run("INSERT INTO identification_attempts VALUES ('123123127RM078', 2, NULL, 1)"));
    await migrate(db, migrations, log, 3);
    assert.deepEqual(await columns(db, 'kiosk_meta'), ['key', 'value']);
    assert.equal((await db.get<{ failures: number }>('SELECT failures FROM identification_attempts'))?.failures, 2);
    await db.close();
  });

  it('0004 adds the outbox, with one row per idempotency key', async () => {
    const db = await dbAt(3, migrations);
    await db.transaction((tx) => tx.run("INSERT INTO kiosk_meta VALUES ('registry-cursor', 'abc')"));
    await migrate(db, migrations, log, 4);
    assert.ok((await columns(db, 'outbox')).includes('idempotency_key'));
    assert.equal((await db.get<{ value: string }>("SELECT value FROM kiosk_meta WHERE key = 'registry-cursor'"))?.value, 'abc');
    const insert = "INSERT INTO outbox (idempotency_key, type, payload, created_at) VALUES ('k-1', 'audit-event', '{}', '2026-11-27')";
    await db.transaction((tx) => tx.run(insert));
    await assert.rejects(
      db.transaction((tx) => tx.run(insert)),
      /UNIQUE/,
    );
    await db.close();
  });

  it('0005 reshapes stored activities and addresses to the wire format, and leaves new ones alone', async () => {
    const db = await dbAt(4, migrations);
    const insert = (rm: string, activities: string, address: string) =>
      db.transaction((tx) =>
        tx.run(
          `INSERT INTO artisans (rm_number, siren, register, department, birth_name, first_names, birth_date_hmac, activities, qualification, chamber, address, registered_on, account_status, version)
           VALUES (?, '123123127', 'RM', '078', 'DURAND', 'Camille', 'ab', ?, 'artisan', 'CMA', ?, '2008-03-01', 'none', 1)`,
          [rm, activities, address],
        ),
      );
    await insert('123123127RM078', '[{"code":"1071AB","label":"Boulangerie","main":true}]', '{"line1":"12 rue","postalCode":"78000","city":"Versailles"}');
    const already = [
      '[{"codeAprm":"4332AA","descriptionDetaillee":"Menuiserie","indicateurPrincipal":false}]',
      '{"voie":"4 rue","complement":null,"codePostal":"67000","commune":"Strasbourg"}',
    ] as const;
    await insert('401234562RE067', ...already);
    await migrate(db, migrations, log, 5);
    const rows = await db.all<{ activities: string; address: string }>('SELECT activities, address FROM artisans ORDER BY rm_number');
    assert.deepEqual(JSON.parse(rows[0]?.activities ?? ''), [{ codeAprm: '1071AB', descriptionDetaillee: 'Boulangerie', indicateurPrincipal: true }]);
    assert.deepEqual(JSON.parse(rows[0]?.address ?? ''), { voie: '12 rue', complement: null, codePostal: '78000', commune: 'Versailles' });
    assert.deepEqual([rows[1]?.activities, rows[1]?.address], [...already]);
    await db.close();
  });

  it('0006 adds print jobs, each with a role and a state from a closed list', async () => {
    const db = await dbAt(5, migrations);
    await migrate(db, migrations, log, 6);
    assert.ok((await columns(db, 'print_jobs')).includes('spooler_id'));
    await db.transaction((tx) =>
      tx.run("INSERT INTO print_jobs (role, printer, document, status, created_at, updated_at) VALUES ('card', 'Q', 'card 2026', 'recorded', 'now', 'now')"),
    );
    await assert.rejects(
      db.transaction((tx) =>
        tx.run("INSERT INTO print_jobs (role, printer, document, status, created_at, updated_at) VALUES ('fax', 'Q', 'x', 'recorded', 'now', 'now')"),
      ),
      /CHECK/,
    );
    await db.close();
  });

  it('0007 adds the audit log, one hash per entry', async () => {
    const db = await dbAt(6, migrations);
    await migrate(db, migrations, log, 7);
    assert.deepEqual(await columns(db, 'audit_log'), ['seq', 'at', 'actor', 'action', 'details', 'prev_hash', 'hash']);
    await db.close();
  });

  it('0008 adds staff members and the PIN lock (one row at most)', async () => {
    const db = await dbAt(7, migrations);
    await migrate(db, migrations, log, 8);
    assert.ok((await columns(db, 'staff_members')).includes('pin_hash'));
    await db.transaction((tx) => tx.run('INSERT INTO staff_lock VALUES (1, 0, NULL)'));
    await assert.rejects(
      db.transaction((tx) => tx.run('INSERT INTO staff_lock VALUES (2, 0, NULL)')),
      /CHECK/,
    );
    await db.close();
  });

  it('0009 adds PVC orders, at most one open order per artisan and one payment per order', async () => {
    const db = await dbAt(8, migrations);
    await migrate(db, migrations, log, 9);
    const order = (n: string, state: string) => insertOrder(db, n, state);
    await order('P1', 'requested');
    await assert.rejects(order('P2', 'paid'), /UNIQUE/);
    await order('P3', 'handed-over');
    await db.transaction((tx) => tx.run("INSERT INTO staff_members (name, pin_hash, salt, created_at) VALUES ('N', 'h', 's', 'now')"));
    const pay = () => db.transaction((tx) => tx.run("INSERT INTO pvc_payments VALUES (1, 'cash', 500, 1, 'now')"));
    await pay();
    await assert.rejects(pay(), /UNIQUE|PRIMARY/);
    assert.ok((await columns(db, 'print_jobs')).includes('error_kind'));
    await db.close();
  });

  it('0010 marks staff members removed instead of deleting them', async () => {
    const db = await dbAt(9, migrations);
    await migrate(db, migrations, log, 10);
    assert.ok((await columns(db, 'staff_members')).includes('removed_at'));
    await db.close();
  });

  it('0011 keeps a printed order open (one per artisan) and notes when a job was handed to the spooler', async () => {
    const db = await dbAt(10, migrations);
    await migrate(db, migrations, log, 11);
    assert.ok((await columns(db, 'print_jobs')).includes('submitted_at'));
    const order = (n: string, state: string) => insertOrder(db, n, state);
    await order('P1', 'printed');
    await assert.rejects(order('P2', 'requested'), /UNIQUE/);
    await db.close();
  });

  it('0012 gives waiting operations their subject, counts wrong dates without numbers, and keeps a synced copy complete', async () => {
    const db = await dbAt(11, migrations);
    await db.transaction(async (tx) => {
      const op = (key: string, type: string, payload: object) =>
        tx.run("INSERT INTO outbox (idempotency_key, type, payload, created_at) VALUES (?, ?, ?, 'now')", [key, type, JSON.stringify(payload)]);
      await op('k1', 'profile-change', { rmNumber: 'R1', mobile: '+33611111111' });
      await op('k2', 'pvc-order-event', { orderNumber: '2026-0001', event: 'paid' });
      await op('k3', 'audit-event', { event: 'x' });
      await tx.run("INSERT INTO kiosk_meta (key, value) VALUES ('sync-status', ?)", [JSON.stringify({ state: 'ok', lastSuccessAt: '2026-11-30T10:00:00Z' })]);
    });
    await migrate(db, migrations, log, 12);
    assert.deepEqual(
      (await db.all<{ subject: string | null }>('SELECT subject FROM outbox ORDER BY id')).map((r) => r.subject),
      ['profile:R1', 'order:2026-0001', null],
    );
    assert.deepEqual(await columns(db, 'wrong_dates'), ['id', 'at'], 'an instant, nothing about whose number');
    assert.equal((await db.get<{ value: string }>("SELECT value FROM kiosk_meta WHERE key = 'replica-complete'"))?.value, '1');
    // A store that never finished a sync is not marked complete.
    const fresh = await dbAt(12, migrations);
    assert.equal(await fresh.get("SELECT value FROM kiosk_meta WHERE key = 'replica-complete'"), undefined);
    await fresh.close();
    await db.close();
  });

  it('0014 adds the chamber card keys, replaced whole at each sync, revocation kept', async () => {
    const db = await dbAt(13, migrations);
    assert.equal(await db.get("SELECT name FROM sqlite_master WHERE name = 'card_keys'"), undefined);
    await migrate(db, migrations, log, 14);
    const { replaceCardKeys, listCardKeys } = await import('../../../main/store/card-keys-repo.ts');
    const a = { kid: 'aaaaaaaaaaaaaaaa', publicKey: 'x'.repeat(43), notBefore: '2026-03-01T00:00:00.000Z', revokedAt: null };
    const b = { kid: 'bbbbbbbbbbbbbbbb', publicKey: 'y'.repeat(43), notBefore: '2026-03-02T00:00:00.000Z', revokedAt: '2026-04-01T00:00:00.000Z' };
    await db.transaction((tx) => replaceCardKeys(tx, [a, b]));
    assert.deepEqual(await listCardKeys(db), [a, b]);
    await db.transaction((tx) => replaceCardKeys(tx, [b]));
    assert.deepEqual(await listCardKeys(db), [b], 'a key the registry no longer lists is forgotten');
    await assert.rejects(
      db.transaction((tx) => tx.run("INSERT INTO card_keys (kid, public_key, not_before) VALUES ('c', x'00', 'now')")),
      /cannot store BLOB/,
      'STRICT',
    );
    await db.close();
  });

  it('0015 adds refunds (one per order, a reason required) and how an order was handed over', async () => {
    const db = await dbAt(14, migrations);
    await insertOrder(db, 'P1', 'failed');
    await migrate(db, migrations, log, 15);
    assert.ok((await columns(db, 'pvc_orders')).includes('handed_over_as'));
    assert.equal(
      (await db.get<{ handed_over_as: string | null }>('SELECT handed_over_as FROM pvc_orders'))?.handed_over_as,
      null,
      'an old order keeps no means',
    );
    await db.transaction((tx) => tx.run("INSERT INTO staff_members (name, pin_hash, salt, created_at) VALUES ('N', 'h', 's', 'now')"));
    const refund = (reason: string) =>
      db.transaction((tx) =>
        tx.run("INSERT INTO pvc_refunds (order_id, method, amount_cents, reason, staff_id, at) VALUES (1, 'cash', 500, ?, 1, 'now')", [reason]),
      );
    await assert.rejects(refund('  '), /CHECK/, 'a reason is required');
    await refund('imprimante en panne');
    await assert.rejects(refund('encore'), /UNIQUE|PRIMARY/, 'one refund per order');
    await assert.rejects(
      db.transaction((tx) => tx.run("UPDATE pvc_orders SET handed_over_as = 'pigeon'")),
      /CHECK/,
    );
    await db.close();
  });

  it("0016 lets the journal read a day by the entries' time, not the whole log", async () => {
    const db = await dbAt(16, migrations);
    const plan = await db.all<{ detail: string }>("EXPLAIN QUERY PLAN SELECT seq FROM audit_log WHERE at >= '2026-12-01T00:00' AND at < '2026-12-02T00:00'");
    assert.match(plan.map((p) => p.detail).join(' | '), /USING (COVERING )?INDEX audit_log_at/);
    await db.close();
  });

  it('0017 keeps what the kiosk learnt of an account, one line per artisan, only a status the replica can hold', async () => {
    const db = await dbAt(16, migrations);
    await migrate(db, migrations, log, 17);
    assert.deepEqual(await columns(db, 'account_known'), ['rm_number', 'status', 'known_at']);
    await db.transaction((tx) => tx.run("INSERT INTO account_known (rm_number, status, known_at) VALUES ('R1', 'pending', 1)"));
    await assert.rejects(
      db.transaction((tx) => tx.run("INSERT INTO account_known (rm_number, status, known_at) VALUES ('R1', 'active', 2)")),
      /UNIQUE|PRIMARY/,
    );
    await assert.rejects(
      db.transaction((tx) => tx.run("INSERT INTO account_known (rm_number, status, known_at) VALUES ('R2', 'none', 2)")),
      /CHECK/,
    );
    await assert.rejects(
      db.transaction((tx) => tx.run("INSERT INTO account_known (rm_number, status, known_at) VALUES ('R3', 'active', 'soon')")),
      /cannot store/,
    );
    await db.close();
  });

  it('0018 keeps the name search without word counts, rebuilt from the rows, untouched by a change that keeps the names', async () => {
    const db = await dbAt(17, migrations);
    await db.transaction((tx) =>
      tx.run(
        `INSERT INTO artisans (rm_number, siren, register, department, birth_name, first_names, birth_date_hmac, qualification, chamber, registered_on, account_status, version)
         VALUES ('123123127RM078', '123123127', 'RM', '078', 'DURAND', 'Camille', 'ab', 'artisan', 'CMA', '2008-03-01', 'none', 1)`,
      ),
    );
    await migrate(db, migrations, log, 18);
    const found = async (words: string) => (await db.all<{ rowid: number }>('SELECT rowid FROM artisan_words WHERE artisan_words MATCH ?', [words])).length;
    assert.equal(await found('"dur"* "cam"*'), 1, 'the artisans already there are found');
    assert.equal((await db.all("SELECT name FROM sqlite_master WHERE name = 'artisan_words_docsize'")).length, 0, 'no word counts');
    const indexBytes = async () => (await db.get<{ n: number }>('SELECT coalesce(sum(length(block)), 0) AS n FROM artisan_words_data'))?.n;
    const before = await indexBytes();
    await db.transaction((tx) =>
      tx.run("UPDATE artisans SET birth_name = 'DURAND', account_status = 'active', version = 2 WHERE rm_number = '123123127RM078'"),
    );
    assert.equal(await indexBytes(), before, 'an account activated, the names as they were: nothing written to the name index');
    await db.transaction((tx) => tx.run("UPDATE artisans SET birth_name = 'DUVAL', version = 3 WHERE rm_number = '123123127RM078'"));
    assert.equal(await found('"duv"*'), 1, 'a new name is found');
    assert.equal(await found('"durand"'), 0, 'the old one no more');
    await db.close();
  });

  it('0018 in the middle of a first load leaves the load to build the SIREN index, and the name search works at its end', async () => {
    const db = await dbAt(17, migrations);
    await db.transaction(deferSearchIndexes);
    await migrate(db, migrations, log, 18);
    await db.transaction((tx) =>
      tx.run(
        `INSERT INTO artisans (rm_number, siren, register, department, birth_name, first_names, birth_date_hmac, qualification, chamber, registered_on, account_status, version)
         VALUES ('123123127RM078', '123123127', 'RM', '078', 'DURAND', 'Camille', 'ab', 'artisan', 'CMA', '2008-03-01', 'none', 1)`,
      ),
    );
    assert.equal(await searchIndexReady(db), false, 'still loading');
    // The load goes on (the next sync run): the triggers 0018 made are set aside again, not kept row by row.
    await db.transaction(deferSearchIndexes);
    assert.equal((await db.all("SELECT name FROM sqlite_master WHERE name LIKE 'artisan_words_%' AND type = 'trigger'")).length, 0);
    await db.transaction(restoreSearchIndexes);
    assert.equal(await searchIndexReady(db), true);
    const objects = (await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE name LIKE 'artisan%' ORDER BY name")).map((o) => o.name);
    for (const name of ['artisans_siren', 'artisan_words_insert', 'artisan_words_delete', 'artisan_words_update']) assert.ok(objects.includes(name), name);
    assert.equal((await db.all('SELECT rowid FROM artisan_words WHERE artisan_words MATCH \'"cam"*\'')).length, 1, 'found by name once the load is done');
    await db.close();
  });

  it('are recorded once: running them again applies nothing', async () => {
    const db = await dbAt(Number.POSITIVE_INFINITY, migrations);
    assert.equal(await migrate(db, migrations, log), 0);
    assert.equal((await db.all('SELECT id FROM schema_migrations')).length, migrations.length);
    await db.close();
  });

  it('a failing migration leaves nothing half-applied', async () => {
    const broken = [
      ...migrations,
      { id: migrations.length + 1, name: 'broken', sql: 'CREATE TABLE half (x INTEGER) STRICT; INSERT INTO nowhere VALUES (1);', checksum: 'x' },
    ];
    const db = await dbAt(Number.POSITIVE_INFINITY, migrations);
    await assert.rejects(migrate(db, broken, log), /no such table: nowhere/);
    assert.equal(await db.get("SELECT name FROM sqlite_master WHERE name = 'half'"), undefined);
    await db.close();
  });

  it('refuses a store whose applied migrations differ from the files', async () => {
    const db = await dbAt(Number.POSITIVE_INFINITY, migrations);
    const edited = migrations.map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m));
    await assert.rejects(migrate(db, edited, log), (e: unknown) => e instanceof StoreError && /does not match this version's migrations/.test(e.message));
    await assert.rejects(migrate(db, migrations.slice(0, 2), log), (e: unknown) => e instanceof StoreError && /newer kiosk/.test(e.message));
    await db.close();
  });
});
