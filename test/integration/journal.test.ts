import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createKiosk } from '../../main/kiosk.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { renderJournalPdf } from '../../main/printing/journal-document.ts';
import { createPrintService } from '../../main/printing/print-service.ts';
import { cupsSpooler } from '../../main/printing/spooler.ts';
import { memoryStore } from '../../main/secrets/secret-store.ts';
import { readPrinters, writePrinter } from '../../main/settings/printer-settings.ts';
import type { Result } from '../../main/shared/errors.ts';
import type { JournalDay } from '../../main/shared/journal.ts';
import { createJournalService, type JournalFilter } from '../../main/staff/journal-service.ts';
import { createStaffService } from '../../main/staff/staff-service.ts';
import { appendAudit, verifyAudit } from '../../main/store/audit-repo.ts';
import type { WriteDb } from '../../main/store/database.ts';
import { openStore } from '../../main/store/open-store.ts';
import { translate } from '../../renderer/i18n/index.tsx';
import { auditSentence } from '../../renderer/screens/staff/audit-journal.tsx';
import { ROOT } from '../support/browser-mode.ts';
import { inkIn, rasterise, wordsOf } from '../support/glyph-ink.ts';
import { receivedFiles, startPrintChain } from '../support/print-services.ts';
import { KIOSK_ID, SECRET, startTestRegistry } from '../support/registry.ts';
import { tempDir } from '../support/temp.ts';

// The kiosk's local day is Paris's here, so that a day's edge is not UTC's midnight.
process.env.TZ = 'Europe/Paris';

const CAMILLE = '123123127RM078';

/**
 * A desk with two agents and a day around midnight, Paris time (UTC+1 in December):
 * Nadia starts the kiosk at 23:59 on 30 November; everything after is on 1 December.
 */
async function desk() {
  let now = new Date('2026-11-30T22:59:00Z');
  const clock = () => now;
  const at = (iso: string) => {
    now = new Date(iso);
  };
  const dir = tempDir();
  const db = await openStore(dir, memoryLogger());
  await db.transaction((tx) =>
    tx.run(
      `INSERT INTO artisans (rm_number, siren, register, department, birth_name, first_names, birth_date_hmac, qualification, chamber, registered_on, account_status, version)
     VALUES (?, '123123127', 'RM', '078', 'DURAND', 'Camille', '', 'artisan', 'CMA Test', '2020-01-01', 'none', 1)`,
      [CAMILLE],
    ),
  );
  const staff = createStaffService({ db, clock, log: memoryLogger() });
  const setup = await staff.setup({ name: 'Nadia Benali', pin: '482913', confirmation: '482913' });
  assert.ok(setup.ok && setup.value.member);
  const nadia = setup.value.member;
  // 00:00 local on 1 December: the first instant of the day.
  at('2026-11-30T23:00:00Z');
  const added = await staff.addMember({ name: 'Sophie Martin', pin: '730418', confirmation: '730418' }, nadia);
  const sophie = added.ok ? added.value.find((m) => m.name === 'Sophie Martin') : undefined;
  assert.ok(sophie);
  const log = (actor: { id: number }, action: string, details: Record<string, string | number | null>, when: string) => {
    at(when);
    return db.transaction((tx) => appendAudit(tx, { actor: `staff:${actor.id}`, action, details }, clock()));
  };
  // As the services write them: the artisan by RM number, the payment in cents.
  await log(sophie, 'identity-checked', { rmNumber: CAMILLE, document: 'passeport' }, '2026-12-01T13:01:00Z');
  await log(sophie, 'pvc-paid', { rmNumber: CAMILLE, order: 'P261201-001', amountCents: 500, method: 'cash' }, '2026-12-01T13:02:00Z');
  await log(nadia, 'printer-set', { role: 'paper', printer: 'Bureau' }, '2026-12-01T14:00:00Z');
  await log(nadia, 'settings-changed', { fields: 'chamber' }, '2026-12-01T15:00:00Z');
  // 23:59:59.999 local on 1 December, then 00:00 on the 2nd.
  await log(nadia, 'pvc-refunded', { rmNumber: CAMILLE, order: 'P261201-001', amountCents: 500, method: 'cash', reason: 'Panne' }, '2026-12-01T22:59:59.999Z');
  await log(sophie, 'staff-pin-changed', {}, '2026-12-01T23:00:00Z');
  at('2026-12-02T10:00:00Z');
  return { dir, db, clock, at, nadia, sophie };
}

const frLines = (lines: Parameters<typeof auditSentence>[0][]) => lines.map((l) => auditSentence(l, (k, p) => translate('fr', k, p), 'fr'));

function journalOf(db: WriteDb, clock: () => Date) {
  const print = createPrintService({ db, clock, log: memoryLogger(), spooler: cupsSpooler });
  const journal = createJournalService({ db, print, printers: () => readPrinters(db), chamber: async () => 'CMA Test', clock, log: memoryLogger() });
  return Object.assign(journal, { follow: (id: number) => print.follow(id, 60_000) });
}

describe('the journal: a day of the log filtered in the store, and printed on the office printer', () => {
  it('a local day runs from local midnight to local midnight, whatever the UTC date; the agents are those who acted that day', async () => {
    const d = await desk();
    const journal = journalOf(d.db, d.clock);
    const day = async (filter: JournalFilter) => {
      const r = await journal.day(filter);
      assert.ok(r.ok, JSON.stringify(r));
      return r.value;
    };
    const nov30 = await day({ day: '2026-11-30' });
    assert.deepEqual(
      nov30.lines.map((l) => l.action),
      ['staff-created'],
    );
    assert.deepEqual(
      nov30.agents.map((a) => a.name),
      ['Nadia Benali'],
    );
    const dec1 = await day({ day: '2026-12-01' });
    assert.deepEqual(
      dec1.lines.map((l) => l.action),
      ['staff-added', 'identity-checked', 'pvc-paid', 'printer-set', 'settings-changed', 'pvc-refunded'],
      'oldest first, from 00:00 to 23:59:59.999 local',
    );
    assert.deepEqual(
      dec1.agents.map((a) => a.name),
      ['Nadia Benali', 'Sophie Martin'],
    );
    const dec2 = await day({});
    assert.equal(dec2.day, '2026-12-02', 'today by default');
    assert.deepEqual(
      dec2.lines.map((l) => l.action),
      ['staff-pin-changed'],
    );
    assert.deepEqual((await day({ day: '2026-11-29' })).lines, [], 'a day with no entry is an empty day');
    const tomorrow = await journal.day({ day: '2026-12-03' });
    assert.equal(tomorrow.ok ? 'ok' : tomorrow.error.code, 'JOURNAL_DAY_INVALID');
    await d.db.close();
  });

  it('by agent and by kind, the sentences name the agent, the order and the artisan with the RM number masked', async () => {
    const d = await desk();
    const journal = journalOf(d.db, d.clock);
    const sentences = async (filter: JournalFilter) => {
      const r = await journal.day({ day: '2026-12-01', ...filter });
      assert.ok(r.ok);
      return frLines(r.value.lines);
    };
    assert.deepEqual(await sentences({ memberId: d.sophie.id }), [
      'Sophie Martin a vérifié la pièce d’identité (Passeport) de Camille DURAND (…127 RM 078)',
      'Sophie Martin a encaissé 5,00\u00a0€ (espèces), commande P261201-001, Camille DURAND (…127 RM 078)',
    ]);
    assert.deepEqual(await sentences({ kind: 'money' }), [
      'Sophie Martin a encaissé 5,00\u00a0€ (espèces), commande P261201-001, Camille DURAND (…127 RM 078)',
      'Nadia Benali a remboursé 5,00\u00a0€ (espèces, motif : Panne), commande P261201-001, Camille DURAND (…127 RM 078)',
    ]);
    assert.deepEqual(await sentences({ memberId: d.nadia.id, kind: 'money' }), [
      'Nadia Benali a remboursé 5,00\u00a0€ (espèces, motif : Panne), commande P261201-001, Camille DURAND (…127 RM 078)',
    ]);
    assert.deepEqual(await sentences({ kind: 'agents' }), ['Nadia Benali a ajouté l’agent Sophie Martin']);
    assert.deepEqual(await sentences({ kind: 'settings' }), ['Nadia Benali a modifié les réglages : nom de la chambre']);
    assert.deepEqual(await sentences({ memberId: d.sophie.id, kind: 'settings' }), []);
    const all = await journal.day({ day: '2026-12-01' });
    assert.doesNotMatch(JSON.stringify(all), /123123127/, 'the whole RM number never leaves the core');
    await d.db.close();
  });

  it('a long day runs over several A4 pages, numbered, each entry whole on one page, names printed as written', async () => {
    const lines = Array.from({ length: 120 }, (_, i) => ({
      time: `${String(8 + Math.floor(i / 12)).padStart(2, '0')}:${String((i * 5) % 60).padStart(2, '0')}`,
      text: `Entrée ${i + 1} : Łukasz Œhlenschläger-Ğürsoy a encaissé 5,00 € (espèces), commande P261201-${String(i + 1).padStart(3, '0')}, Camille DURAND (…127 RM 078), une phrase assez longue pour passer à la ligne suivante`,
    }));
    const pdf = await renderJournalPdf({ chamber: 'CMA Test', heading: ['Journal de la borne', 'Journée du 01/12/2026'], lines, empty: 'Rien' });
    const file = path.join(tempDir(), 'journal.pdf');
    writeFileSync(file, pdf);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())?.[1]);
    assert.ok(pages >= 3, `${pages} pages`);
    const pageText = (n: number) =>
      execFileSync('pdftotext', ['-f', String(n), '-l', String(n), file, '-'])
        .toString()
        .replace(/\s+/g, ' ');
    const texts = Array.from({ length: pages }, (_, i) => pageText(i + 1));
    for (const [i, text] of texts.entries()) assert.match(text, new RegExp(`${i + 1}\\s*/\\s*${pages}`));
    // Every entry, its end included, is on exactly one page.
    for (let i = 1; i <= 120; i++) {
      const end = `P261201-${String(i).padStart(3, '0')}, Camille DURAND (…127 RM 078), une phrase assez longue pour passer à la ligne suivante`;
      assert.equal(texts.filter((t) => t.includes(`Entrée ${i} :`) && t.includes(end)).length, 1, `entry ${i}`);
    }
    assert.match(texts[0] ?? '', /Łukasz Œhlenschläger-Ğürsoy/);
    // What the printer prints, not only the text layer: every word of the first page draws ink.
    const raster = rasterise(file, 1, 100);
    const blank = wordsOf(file, 1).filter((w) => inkIn(raster, w) === 0);
    assert.deepEqual(
      blank.map((w) => w.text),
      [],
      'words printed blank',
    );
  });

  it('through the contract: staff only, the filters validated (a real day, a known kind, an agent id), no day after today', async () => {
    const registry = await startTestRegistry(20);
    const kiosk = await createKiosk({
      dataDir: tempDir(),
      log: memoryLogger(),
      syncIntervalMs: 0,
      secrets: memoryStore(),
      registry: { url: registry.server.url, kioskId: KIOSK_ID, secret: SECRET, timeoutMs: 2000 },
    });
    const call = kiosk.dispatcher('browser', ['http://kiosk.test']);
    const invoke = <T>(channel: string, input: object) => call(channel, input, { origin: 'http://kiosk.test', transport: 'http' }) as Promise<Result<T>>;
    const code = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);
    assert.equal(code(await invoke('staff:journal', {})), 'STAFF_REQUIRED');
    assert.equal(code(await invoke('staff:journal-print', { heading: ['Journal'], empty: '', lines: [] })), 'STAFF_REQUIRED');
    assert.ok((await invoke('staff:setup', { name: 'Sophie Martin', pin: '482913', confirmation: '482913' })).ok);
    for (const bad of [{ day: '2026-02-30' }, { day: '1/12/2026' }, { kind: 'sync' }, { memberId: 0 }, { memberId: '1' }, { rmNumber: '123123127RM078' }]) {
      assert.equal(code(await invoke('staff:journal', bad)), 'INVALID_INPUT', JSON.stringify(bad));
    }
    const tomorrow = new Date(Date.now() + 36 * 3600_000);
    const iso = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}`;
    assert.equal(code(await invoke('staff:journal', { day: iso })), 'JOURNAL_DAY_INVALID');
    assert.equal(code(await invoke('staff:till', { day: iso })), 'TILL_DAY_INVALID');
    const today = await invoke<JournalDay>('staff:journal', { kind: 'agents' });
    assert.ok(today.ok);
    assert.deepEqual(frLines(today.value.lines), ['Sophie Martin a mis la borne en service (premier agent)']);
    assert.equal(code(await invoke('staff:journal-print', { heading: ['Journal'], empty: '', lines: [], extra: 1 })), 'INVALID_INPUT');
    await kiosk.close();
    await registry.close();
  });

  describe('printed', () => {
    let chain: Awaited<ReturnType<typeof startPrintChain>>;
    before(async () => {
      chain = await startPrintChain(`KioskJournal${process.pid}`);
    });
    after(() => chain?.stop());

    it('"Imprimer le journal du jour" sends an A4 PDF with the chamber, the day, the filters and the lines to the office printer; the chain still holds', async () => {
      const d = await desk();
      const journal = journalOf(d.db, d.clock);
      await d.db.transaction((tx) => writePrinter(tx, 'paper', chain.queue));
      const filter: JournalFilter = { day: '2026-12-01', kind: 'money' };
      const shown = await journal.day(filter);
      assert.ok(shown.ok);
      const texts = frLines(shown.value.lines);
      const words = {
        heading: ['Journal de la borne', 'Journée du 01/12/2026', 'Agent : Tous les agents — Type : Paiements et remboursements'],
        empty: 'Aucune ligne au journal ce jour-là pour ces choix.',
        lines: shown.value.lines.map((l, i) => ({ seq: l.seq, text: texts[i] ?? '' })),
      };
      const printed = await journal.print({ id: d.nadia.id, name: d.nadia.name }, filter, words);
      assert.ok(printed.ok, JSON.stringify(printed));
      assert.equal(printed.value.job.role, 'paper');
      // The service waits a few seconds for the sheet; a slow machine may need longer.
      const job = printed.value.job.status === 'sent' ? await journal.follow(printed.value.job.id) : printed.value.job;
      assert.equal(job.status, 'completed', JSON.stringify(job));
      const [file, ...others] = receivedFiles(chain.spoolDir);
      assert.ok(file && others.length === 0, 'one document reached the virtual printer');
      assert.match(execFileSync('pdfinfo', [file]).toString(), /Page size:\s+595\.2/);
      const text = execFileSync('pdftotext', ['-layout', file, '-']).toString().replace(/\s+/g, ' ');
      assert.match(text, /CMA Test/);
      assert.match(text, /Journée du 01\/12\/2026/);
      assert.match(text, /Type : Paiements et remboursements/);
      // Times are the log's own, in the kiosk's zone.
      assert.match(text, /14:02 Sophie Martin a encaissé 5,00 € \(espèces\), commande P261201-001, Camille DURAND \(…127 RM 078\)/);
      assert.match(text, /23:59 Nadia Benali a remboursé 5,00 €/);
      assert.doesNotMatch(text, /vérifié la pièce|a réglé l’imprimante/, 'only the kind asked for');
      // Kept for a person to look at (test-output/).
      mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
      writeFileSync(path.join(ROOT, 'test-output', 'journal-printed.pdf'), readFileSync(file));

      const after = await journal.day({ day: '2026-12-02', kind: 'printing' });
      assert.ok(after.ok);
      assert.deepEqual(
        after.value.lines.map((l) => [l.action, l.details.day, l.details.lines]),
        [['journal-printed', '2026-12-01', 2]],
        'the print is in the log, on the day it was made',
      );
      assert.equal((await verifyAudit(d.db)).ok, true, 'the chain still holds');
      await d.db.close();
      // And the command IT runs says so, the print's own entry included.
      const cli = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', 'audit-verify', '--data-dir', d.dir, '--json'], { cwd: ROOT });
      assert.equal(cli.status, 0, cli.stderr.toString());
      assert.deepEqual(JSON.parse(cli.stdout.toString()), { ok: true, entries: 9 });
    });

    it('the lines given must be those the filters select now: a line added since, or one missing, prints nothing (JOURNAL_CHANGED); no office printer, PRINTER_NOT_SET', async () => {
      const d = await desk();
      const journal = journalOf(d.db, d.clock);
      const filter: JournalFilter = { day: '2026-12-01', memberId: d.sophie.id };
      const shown = await journal.day(filter);
      assert.ok(shown.ok);
      const lines = shown.value.lines.map((l) => ({ seq: l.seq, text: 'x' }));
      const words = { heading: ['Journal'], empty: 'Rien', lines };
      const none = await journal.print(d.nadia, filter, words);
      assert.equal(none.ok ? 'ok' : none.error.code, 'PRINTER_NOT_SET');
      await d.db.transaction((tx) => writePrinter(tx, 'paper', chain.queue));
      const missing = await journal.print(d.nadia, filter, { ...words, lines: lines.slice(1) });
      assert.equal(missing.ok ? 'ok' : missing.error.code, 'JOURNAL_CHANGED');
      const other = await journal.print(d.nadia, filter, { ...words, lines: [...lines.slice(1), { seq: 1, text: 'Nadia a mis la borne en service' }] });
      assert.equal(other.ok ? 'ok' : other.error.code, 'JOURNAL_CHANGED', 'an entry of another agent is refused');
      const jobs = await d.db.all('SELECT id FROM print_jobs');
      assert.deepEqual(jobs, [], 'nothing was sent');
      // An office printer that is not there: a failed job whose kind the panel says in words, logged as not printed.
      await d.db.transaction((tx) => writePrinter(tx, 'paper', `KioskJournalNoSuchQueue${process.pid}`));
      const failed = await journal.print(d.nadia, filter, words);
      assert.ok(failed.ok, JSON.stringify(failed));
      assert.deepEqual([failed.value.job.status, failed.value.job.errorKind], ['failed', 'no-such-printer']);
      const logged = await journal.day({ kind: 'printing' });
      assert.deepEqual(logged.ok && logged.value.lines.map((l) => [l.action, l.details.printed]), [['journal-printed', false]]);
      await d.db.close();
    });
  });
});
