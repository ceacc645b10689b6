import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomFill } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { birthDateHasher } from '../../main/identity/birth-date-hash.ts';
import { createLogger } from '../../main/logging/logger.ts';
import { createRegistryClient } from '../../main/registry/client.ts';
import { createSyncEngine } from '../../main/registry/sync-engine.ts';
import { findByRmNumber, searchArtisans } from '../../main/store/artisans-repo.ts';
import { loadMigrations } from '../../main/store/migrate.ts';
import { openStore, STORE_FILE } from '../../main/store/open-store.ts';
import { ROOT } from '../support/browser-mode.ts';
import { secretStoreOf, secretsOf } from '../support/secrets.ts';

const say = (line: string) => process.stderr.write(`${line}\n`);
const SECRET = 'bench-secret-0123456789abcdef';
const ADMIN = 'bench-admin-token';
/** Deltas of 1,000 changes timed one after the other. */
const DELTAS = 7;

function startRegistry(dir: string, count: number): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'main/cli/index.ts',
      'registry-serve',
      '--db',
      path.join(dir, 'registry.sqlite'),
      '--seed',
      String(count),
      '--kiosk-id',
      'bench',
      '--admin-token',
      ADMIN,
    ],
    { cwd: ROOT, env: { ...process.env, KIOSK_REGISTRY_SECRET: SECRET, KIOSK_LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  // The registry and the folder go with the benchmark however it ends: cut short by Ctrl-C or
  // a timeout's SIGTERM, or by its output closing (`| head`: the next write fails and the
  // process exits), not only at the end of a run. Left behind, the registry held a core, and
  // the folder a gigabyte of /tmp at a million artisans.
  const stop = () => {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.once(signal, () => {
      stop();
      process.exit(128 + os.constants.signals[signal]);
    });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Registry ready: (\S+)/.exec(out);
      if (m?.[1]) resolve({ url: m[1], child });
    });
    child.once('exit', (code) => reject(new Error(`registry-serve exited with ${code}`)));
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/**
 * Full sync of N artisans over HTTP from the reference registry (its own process), against
 * the sqlite3 shell importing the same rows into the same schema, twice each in turn (each
 * side's faster round counts); then 1,000 changes and a
 * delta sync (and more, for a median); then 10,000 identification lookups.
 */
export async function syncBench({ count, pageSize }: { count: number; pageSize?: number }) {
  try {
    execFileSync('sqlite3', ['-version'], { stdio: 'ignore' });
  } catch {
    throw new Error('The baseline needs the sqlite3 shell: apt-get install -y sqlite3');
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-bench-'));
  const log = createLogger('bench', { level: 'error' });
  say(`Seeding the reference registry with ${count} artisans…`);
  const seedStart = performance.now();
  const { url, child } = await startRegistry(dir, count);
  say(`  seeded and serving in ${Math.round(performance.now() - seedStart)} ms`);
  try {
    const mb = (n: number) => Math.round(n / 1e6);
    /** A full sync into an empty store of its own, with the kiosk side's RSS peak while it ran. */
    const fullSync = async (dataDir: string) => {
      const db = await openStore(dataDir, log);
      const key = (await secretsOf(dataDir)).birthDateKey;
      const engine = createSyncEngine({
        db,
        client: createRegistryClient({ url, kioskId: 'bench', secret: SECRET, timeoutMs: 120_000 }, log),
        hashBirthDate: birthDateHasher(key),
        clock: () => new Date(),
        log,
        options: { ...(pageSize ? { pageSize } : {}) },
      });
      const m0 = process.memoryUsage();
      say(`  kiosk side before sync: rss ${mb(m0.rss)} MB, heap ${mb(m0.heapUsed)} MB`);
      let rssPeak = m0.rss;
      // What the process held when its RSS peaked: the JS heap (and how much of it was in use,
      // garbage included) and memory outside it (buffers), to say where a peak comes from.
      let atPeak = m0;
      const sampler = setInterval(() => {
        const m = process.memoryUsage();
        if (m.rss > rssPeak) [rssPeak, atPeak] = [m.rss, m];
      }, 20);
      const fullStart = performance.now();
      const full = await engine.syncNow();
      const ms = performance.now() - fullStart;
      clearInterval(sampler);
      say(`  at the RSS peak: heap ${mb(atPeak.heapUsed)} MB used of ${mb(atPeak.heapTotal)} MB, external ${mb(atPeak.external)} MB`);
      const m1 = process.memoryUsage();
      rssPeak = Math.max(rssPeak, m1.rss);
      say(`  kiosk side after sync: rss ${mb(m1.rss)} MB, heap ${mb(m1.heapUsed)} MB of ${mb(m1.heapTotal)} MB, external ${mb(m1.external)} MB`);
      say(
        `Full sync: ${full.upserted} artisans in ${full.pages} pages, ${Math.round(ms)} ms (${Math.round(full.upserted / (ms / 1000))} rows/s), kiosk RSS peak ${mb(rssPeak)} MB`,
      );
      return { db, engine, full, ms, rssPeak, heapAtPeak: atPeak.heapTotal };
    };

    const dataDir = path.join(dir, 'kiosk');
    const first = await fullSync(dataDir);
    const { db, engine, full } = first;

    // Baseline: the sqlite3 shell imports the same rows (CSV) into the same schema.
    const csv = path.join(dir, 'rows.csv');
    execFileSync('sqlite3', ['-csv', path.join(dataDir, STORE_FILE), `.output ${csv}`, 'SELECT * FROM artisans;']);
    const schema = (await loadMigrations()).map((m) => m.sql).join('\n');
    const columns = (await db.all<{ name: string }>("SELECT name FROM pragma_table_info('artisans')")).map((c) => c.name);
    /** The shell's import into a fresh file; its time. */
    const baseline = (base: string) => {
      execFileSync('sqlite3', [base], { input: `PRAGMA journal_mode=WAL;\n${schema}` });
      // The shell at its best, to the same end state: rows into the bare table, then the SIREN
      // index, the name-search triggers and index built once (what the kiosk's first load does).
      const deferred = execFileSync('sqlite3', [
        base,
        "SELECT sql || ';' FROM sqlite_master WHERE name IN ('artisans_siren', 'artisan_words_insert', 'artisan_words_delete', 'artisan_words_update') ORDER BY name;",
      ]).toString();
      const script = [
        'PRAGMA journal_mode=WAL;',
        'PRAGMA synchronous=NORMAL;',
        'DROP INDEX artisans_siren; DROP TRIGGER artisan_words_insert; DROP TRIGGER artisan_words_delete; DROP TRIGGER artisan_words_update;',
        `CREATE TEMP TABLE staging (${columns.join(', ')});`,
        `.import --csv ${csv} staging`,
        'BEGIN;',
        `INSERT INTO artisans (${columns.join(', ')}) SELECT ${columns.join(', ')} FROM staging;`,
        deferred,
        "INSERT INTO artisan_words (artisan_words) VALUES ('rebuild');",
        'COMMIT;',
      ].join('\n');
      const baseStart = performance.now();
      execFileSync('sqlite3', [base], { input: script });
      const ms = performance.now() - baseStart;
      say(`Baseline (sqlite3 shell, CSV import + INSERT..SELECT): ${Math.round(ms)} ms`);
      return ms;
    };
    const base = path.join(dir, 'baseline.sqlite');
    const firstBaselineMs = baseline(base);
    // This machine's speed drifts by the minute (the baseline alone took 18 to 37 s at a million
    // in one afternoon): a second round, each side again in turn, and each side's faster time.
    const second = await fullSync(path.join(dir, 'kiosk-again'));
    await second.db.close();
    const secondBaselineMs = baseline(path.join(dir, 'baseline-again.sqlite'));
    const fullSyncMs = Math.min(first.ms, second.ms);
    const baselineMs = Math.min(firstBaselineMs, secondBaselineMs);
    // The RSS figure is the first round's: the second starts with what the first left in this process.
    const { rssPeak, heapAtPeak } = first;
    say(
      `Two rounds: sync ${Math.round(first.ms)} and ${Math.round(second.ms)} ms, baseline ${Math.round(firstBaselineMs)} and ${Math.round(secondBaselineMs)} ms`,
    );
    const baseCount = Number(execFileSync('sqlite3', [base, 'SELECT count(*) FROM artisans;']).toString().trim());
    if (baseCount !== full.upserted) throw new Error(`the baseline imported ${baseCount} rows, the sync ${full.upserted}`);

    // The baseline left this process's kept-alive connection idle past the registry's timeout:
    // a closed one is tried again on a fresh connection (the kiosk's client does the same).
    const mutate = () =>
      fetch(`${url}/v1/_admin/mutate`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ count: 1000 }),
      });
    // The write-ahead log emptied first: what it holds after the delta is what the delta wrote,
    // a figure that does not depend on the machine's mood.
    await db.checkpoint();
    await mutate().catch(mutate);
    const deltaStart = performance.now();
    const delta = await engine.syncNow();
    const deltaMs = performance.now() - deltaStart;
    const deltaPages = Math.round(statSync(`${path.join(dataDir, STORE_FILE)}-wal`).size / (4096 + 24));
    say(`Delta sync: ${delta.upserted} changes in ${Math.round(deltaMs)} ms, ${deltaPages} pages written`);
    // One delta is one sample of a noisy machine: more of them, in turn. (Each delta's log is
    // copied into the file beside the next, by the side connection: background-checkpoint.ts.)
    const deltas = [deltaMs];
    for (let round = 1; round < DELTAS; round++) {
      await mutate().catch(mutate);
      const start = performance.now();
      await engine.syncNow();
      deltas.push(performance.now() - start);
    }
    const deltaMedianMs = percentile(
      [...deltas].sort((x, y) => x - y),
      50,
    );
    const deltaMaxMs = Math.max(...deltas);
    say(`  ${DELTAS} deltas of 1,000: median ${Math.round(deltaMedianMs)} ms, slowest ${Math.round(deltaMaxMs)} ms`);

    // The last delta's log is copied into the file beside the desk's work (background-checkpoint.ts):
    // the lookups are timed after it, as they were after the checkpoint a commit used to make.
    await db.checkpointSoon();
    const sample = (await db.all<{ rm: string }>('SELECT rm_number AS rm FROM artisans ORDER BY random() LIMIT 10000')).map((r) => r.rm);
    // Three reads for each number, taken in turn so that all three meet the same moment of
    // the machine (a sync just ended, the JIT warming up, a neighbour's load): the kiosk's
    // lookup; the smallest read by the key, one trip to the binding's worker thread and
    // nothing else (no row, no check); and under that, Node's own floor, a trip to libuv's
    // thread pool that does nothing (fill one byte), the way every call of an asynchronous
    // binding goes. No asynchronous driver reads faster than the last.
    const byte = Buffer.alloc(1);
    const times: number[] = [];
    const floor: number[] = [];
    const pool: number[] = [];
    for (const [i, rm] of sample.entries()) {
      const reads: Array<[number[], () => Promise<unknown>]> = [
        [times, () => findByRmNumber(db, rm)],
        [floor, () => db.get('SELECT id FROM artisans WHERE rm_number = ?', [rm])],
        [pool, () => new Promise((done) => randomFill(byte, done))],
      ];
      // Each goes first in turn: none always follows the same one.
      for (let k = 0; k < reads.length; k++) {
        const [list, read] = reads[(i + k) % reads.length] ?? [];
        if (!list || !read) continue;
        const t = performance.now();
        await read();
        list.push(performance.now() - t);
      }
    }
    for (const list of [times, floor, pool]) list.sort((a, b) => a - b);
    const lookupP50Ms = percentile(times, 50);
    const lookupP99Ms = percentile(times, 99);
    const floorP99Ms = percentile(floor, 99);
    const poolP99Ms = percentile(pool, 99);
    say(
      `Lookups: ${times.length}, p50 ${lookupP50Ms.toFixed(3)} ms, p99 ${lookupP99Ms.toFixed(3)} ms; the driver's floor (SELECT id by the key): p50 ${percentile(floor, 50).toFixed(3)} ms, p99 ${floorP99Ms.toFixed(3)} ms; an empty trip to the thread pool: p50 ${percentile(pool, 50).toFixed(3)} ms, p99 ${poolP99Ms.toFixed(3)} ms`,
    );

    // Staff search by name ("Délivrer une carte"): a last name and a first name, as typed.
    const people = await db.all<{ nom: string; prenoms: string }>('SELECT birth_name AS nom, first_names AS prenoms FROM artisans ORDER BY random() LIMIT 300');
    const searchTimes: number[] = [];
    for (const p of people) {
      const t = performance.now();
      const hits = await searchArtisans(db, { words: [p.nom.toLowerCase(), p.prenoms.split(' ')[0] ?? ''] });
      searchTimes.push(performance.now() - t);
      if (hits.length === 0) throw new Error('a name search found nobody: the index is not built');
    }
    searchTimes.sort((a, b) => a - b);
    const searchP99Ms = percentile(searchTimes, 99);
    say(`Name searches: ${searchTimes.length}, p50 ${percentile(searchTimes, 50).toFixed(2)} ms, p99 ${searchP99Ms.toFixed(2)} ms`);
    await db.close();

    // Core ready with this 1M copy, the registry not answering at all: store opened,
    // migrations checked, keys checked, dispatcher built; then the first identification.
    const hung = http.createServer(() => undefined);
    await new Promise<void>((r) => hung.listen(0, '127.0.0.1', r));
    // Imported here: the rest of the kiosk (PDF, mail, printing) must not weigh on the sync's RSS figure.
    const { createKiosk } = await import('../../main/kiosk.ts');
    const readyStart = performance.now();
    const kiosk = await createKiosk({
      dataDir,
      log,
      registry: { url: `http://127.0.0.1:${(hung.address() as AddressInfo).port}`, kioskId: 'bench', secret: SECRET },
      secrets: secretStoreOf(dataDir),
    });
    kiosk.dispatcher('browser', ['http://127.0.0.1']);
    const coreReadyMs = performance.now() - readyStart;
    const firstIdentifyStart = performance.now();
    await kiosk.identity.identify({ rmNumber: sample[0] ?? '', birthDate: { day: '1', month: '1', year: '1970' } });
    const firstIdentifyMs = performance.now() - firstIdentifyStart;
    say(
      `Core ready with ${full.upserted} artisans, registry not answering: ${Math.round(coreReadyMs)} ms; first identification ${firstIdentifyMs.toFixed(1)} ms`,
    );
    await kiosk.close();
    hung.closeAllConnections();
    hung.close();

    const r2 = (n: number) => Math.round(n * 100) / 100;
    return {
      bench: 'sync',
      records: full.upserted,
      fullSyncMs: Math.round(fullSyncMs),
      baselineMs: Math.round(baselineMs),
      ratio: r2(fullSyncMs / baselineMs),
      rssPeakMB: Math.round(rssPeak / 1e6),
      heapAtRssPeakMB: mb(heapAtPeak),
      fullSyncRoundsMs: [Math.round(first.ms), Math.round(second.ms)],
      baselineRoundsMs: [Math.round(firstBaselineMs), Math.round(secondBaselineMs)],
      deltaMs: Math.round(deltaMs),
      deltaPages,
      deltaMedianMs: Math.round(deltaMedianMs),
      deltaMaxMs: Math.round(deltaMaxMs),
      lookupP50Ms: Math.round(lookupP50Ms * 1000) / 1000,
      lookupP99Ms: Math.round(lookupP99Ms * 1000) / 1000,
      lookupFloorP99Ms: Math.round(floorP99Ms * 1000) / 1000,
      threadPoolTripP99Ms: Math.round(poolP99Ms * 1000) / 1000,
      nameSearchP99Ms: r2(searchP99Ms),
      coreReadyMs: Math.round(coreReadyMs),
      firstIdentifyMs: r2(firstIdentifyMs),
      machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.cpus()[0]?.model ?? 'unknown cpu'}, Node ${process.version}`,
    };
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}
