import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { buildCard } from '../../main/cards/card-model.ts';
import { renderCardPdf } from '../../main/cards/card-pdf.ts';
import { generateArtisans } from '../../main/demo-registry/seed.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { createPvcOrderService } from '../../main/orders/pvc-order-service.ts';
import { createPrintService } from '../../main/printing/print-service.ts';
import { renderTestPage } from '../../main/printing/test-pages.ts';
import { readPrinters, writePrinter } from '../../main/settings/printer-settings.ts';
import type { Result } from '../../main/shared/errors.ts';
import type { PrintJob } from '../../main/shared/print-jobs.ts';
import { createJournalService } from '../../main/staff/journal-service.ts';
import { createStaffService } from '../../main/staff/staff-service.ts';
import type { WriteDb } from '../../main/store/database.ts';
import { openStore } from '../../main/store/open-store.ts';
import { getJob } from '../../main/store/print-jobs-repo.ts';
import { translate } from '../../renderer/i18n/index.tsx';
import { auditSentence } from '../../renderer/screens/staff/audit-journal.tsx';
import { jobStatusWords } from '../../renderer/screens/staff/job-words.ts';
import { toArtisanRowForBench } from '../bench/bench-rows.ts';
import { type PrintChain, receivedFiles, startPrintChain } from '../support/print-services.ts';
import { eventually, orderState, pageSizes } from '../support/pvc.ts';
import { secretsOf } from '../support/secrets.ts';
import { tempDir } from '../support/temp.ts';

/**
 * The office printer switched off IN THE MIDDLE of a print: the spooler (a real CUPS) has the
 * job, the printer (ippeveprinter) has taken the page and is printing it when it goes (killed).
 * A printer switched on again has forgotten it; CUPS then calls the job "completed", its only
 * trace being the printer's missing job history. The cases:
 *  1. The printed journal: the answer is not "printed" while the sheet is at a printer that
 *     goes; the audit log does not say "a imprimé"; the job waits, it is not called printed.
 *  2. The printer back: the job is not "imprimée" but failed, and the console says in French and
 *     English what to do (look whether the sheet came out; if not, print it again).
 *  3. Printed again: one sheet comes out, the lost one is not sent a second time.
 *  4. The kiosk restarted while the printer is off with a job of its own at the spooler: the
 *     kiosk follows it again by itself and it ends (printed once), not "sent" for ever.
 *  5. The journal asked again while its sheet waits for a printer that is off: no second sheet;
 *     the printer back, the one sheet comes out.
 *  6. The card sheet of a PVC order handed over on paper: while the sheet is not out, the order
 *     stays open with its card kept (not "handed over"); asking again then prints nothing more;
 *     once the sheet is known lost, asking again prints one sheet and closes the order.
 */
describe('the office printer switched off in the middle of a print', () => {
  let chain: PrintChain;
  before(async () => {
    // The printer takes a minute over each page: switched off before any comes out.
    chain = await startPrintChain(`KioskOff${process.pid}`, { jobSeconds: 60 });
  });
  after(() => chain?.stop());

  const files = () => readdirSync(chain.spoolDir).filter((f) => !f.endsWith('.prn'));
  /** Switches the printer off as soon as it has taken a page it was not holding before. */
  async function offMidJob(before: string[]) {
    await eventually(async () => files().some((f) => !before.includes(f)), 'the printer takes the page', 30_000);
    await chain.printer.off();
  }
  const says = (job: PrintJob) => ({
    fr: jobStatusWords((k, p) => translate('fr', k, p), job),
    en: jobStatusWords((k, p) => translate('en', k, p), job),
  });
  const LOST = {
    fr: 'échec (l’imprimante s’est éteinte ou a été débranchée pendant l’impression : regardez si la page est sortie ; sinon, imprimez-la de nouveau)',
    en: 'failed (the printer was switched off or unplugged while printing: check whether the page came out; if not, print it again)',
  };
  const services = (db: WriteDb) => {
    const print = createPrintService({ db, clock: () => new Date(), log: memoryLogger(), watchMs: 200 });
    const journal = createJournalService({
      db,
      print,
      printers: () => readPrinters(db),
      chamber: async () => 'CMA Test',
      clock: () => new Date(),
      log: memoryLogger(),
    });
    return { print, journal };
  };

  it('the journal: not "printed" while the printer is off; back, the job is failed with what to do, and printed again it comes out once', async () => {
    const db = await openStore(tempDir(), memoryLogger());
    const { print, journal } = services(db);
    await db.transaction((tx) => writePrinter(tx, 'paper', chain.queue));
    const setup = await createStaffService({ db, clock: () => new Date(), log: memoryLogger() }).setup({
      name: 'Nadia Benali',
      pin: '482913',
      confirmation: '482913',
    });
    assert.ok(setup.ok && setup.value.member);
    const nadia = { id: setup.value.member.id, name: setup.value.member.name };
    // Payments and refunds of a day without any: an empty sheet, as the console would print it.
    const words = { heading: ['Journal de la borne'], empty: 'Aucune ligne au journal ce jour-là pour ces choix.', lines: [] };
    try {
      const before = files();
      const asked = journal.print(nadia, { kind: 'money' }, words);
      await offMidJob(before);
      const printed = await asked;
      assert.ok(printed.ok, JSON.stringify(printed));
      // Case 1: the printer has the page and is gone: nothing says it is out.
      const sent = printed.value.job;
      assert.equal(sent.status, 'sent');
      assert.equal(says(sent).fr, 'envoyée, en attente de l’imprimante');
      const day = await journal.day({ kind: 'printing' });
      assert.ok(day.ok);
      assert.deepEqual(
        day.value.lines.map((l) => [l.details.printed, auditSentence(l, (k, p) => translate('fr', k, p), 'fr')]),
        [[false, 'Nadia Benali a demandé l’impression du journal du ' + day.value.day.split('-').reverse().join('/')]],
      );

      // Case 2: switched on again, empty: the kiosk follows the job by itself and does not call it printed.
      await chain.printer.on();
      const ended = await eventually(
        async () => {
          const job = await getJob(db, sent.id);
          return job && (job.status === 'completed' || job.status === 'failed') ? job : null;
        },
        'the job ends once the printer is back',
        60_000,
      );
      assert.deepEqual([ended.status, ended.errorKind, ended.attempts], ['failed', 'printer-lost', 1]);
      assert.deepEqual(says(ended), LOST);

      // Case 3: printed again, one sheet comes out, and only one.
      const afterOn = files();
      const again = await journal.print(nadia, { kind: 'money' }, words);
      assert.ok(again.ok);
      const done = again.value.job.status === 'sent' ? await print.follow(again.value.job.id, 60_000) : again.value.job;
      assert.equal(done.status, 'completed');
      assert.equal(files().filter((f) => !afterOn.includes(f)).length, 1, 'one sheet, the lost one not sent again');
    } finally {
      print.close();
      await db.close();
    }
  });

  it('the journal asked again while its sheet waits for a printer that is off: the same job, one sheet once the printer is back', async () => {
    await chain.printer.off();
    const db = await openStore(tempDir(), memoryLogger());
    const { print, journal } = services(db);
    await db.transaction((tx) => writePrinter(tx, 'paper', chain.queue));
    const words = { heading: ['Journal de la borne'], empty: 'Aucune ligne au journal ce jour-là pour ces choix.', lines: [] };
    const staff = { id: 1, name: 'Nadia Benali' };
    try {
      const before = files();
      const first = await journal.print(staff, { kind: 'money' }, words);
      assert.ok(first.ok);
      assert.equal(first.value.job.status, 'sent');
      const again = await journal.print(staff, { kind: 'money' }, words);
      assert.ok(again.ok);
      assert.deepEqual([again.value.job.id, again.value.job.status], [first.value.job.id, 'sent'], 'the same job, not a second one');
      assert.equal((await db.all("SELECT id FROM print_jobs WHERE document LIKE 'journal %'")).length, 1);

      await chain.printer.on();
      const ended = await eventually(
        async () => {
          const job = await getJob(db, first.value.job.id);
          return job && (job.status === 'completed' || job.status === 'failed') ? job : null;
        },
        'the sheet comes out once the printer is back',
        60_000,
      );
      assert.deepEqual([ended.status, ended.attempts], ['completed', 1]);
      assert.equal(files().filter((f) => !before.includes(f)).length, 1, 'one sheet');
    } finally {
      print.close();
      await db.close();
    }
  });

  it('the kiosk restarted while the printer is off with a job at the spooler: it follows the job again by itself, which prints once', async () => {
    await chain.printer.off();
    await chain.printer.on();
    const dir = tempDir();
    const firstDb = await openStore(dir, memoryLogger());
    const first = services(firstDb);
    // Held at the spooler (the queue paused) while the printer goes off and the kiosk stops.
    execFileSync('cupsdisable', [chain.queue]);
    let db: WriteDb | undefined;
    let second: ReturnType<typeof services> | undefined;
    try {
      const before = files();
      const sent = await first.print.printPdf('paper', chain.queue, await renderTestPage('paper', chain.queue, new Date()), 'test page paper');
      assert.equal(sent.status, 'sent');
      await chain.printer.off();
      first.print.close();
      await firstDb.close();
      execFileSync('cupsenable', [chain.queue]);

      db = await openStore(dir, memoryLogger());
      second = services(db);
      await second.print.resume();
      await chain.printer.on();
      const ended = await eventually(
        async () => {
          const job = await getJob(db as WriteDb, sent.id);
          return job && (job.status === 'completed' || job.status === 'failed') ? job : null;
        },
        'the job ends once the printer is back',
        60_000,
      );
      assert.deepEqual([ended.status, ended.attempts], ['completed', 1]);
      assert.equal(files().filter((f) => !before.includes(f)).length, 1, 'printed once');
    } finally {
      execFileSync('cupsenable', [chain.queue]);
      second?.print.close();
      await db?.close();
    }
  });

  /**
   * Hands a failed PVC card over on paper while the printer dies mid-sheet. CUPS ends such a
   * job one of two ways: it keeps it processing (usual), or under load it ends it failed at once.
   * `ending` 'spooler' lets CUPS choose; 'failed' cancels the job at the spooler as soon as the
   * printer is off, so that the failed ending has a run of its own on every machine.
   */
  async function paperHandOver(ending: 'spooler' | 'failed') {
    await chain.printer.off();
    await chain.printer.on({ jobSeconds: 60 });
    const dir = tempDir();
    const db = await openStore(dir, memoryLogger());
    const clock = () => new Date();
    const log = memoryLogger();
    const print = createPrintService({ db, clock, log, watchMs: 200 });
    // The card printer is missing: the paid card fails, and staff give it on paper instead.
    const orders = createPvcOrderService({
      db,
      print,
      printers: async () => ({ card: `KioskOffNoCardPrinter${process.pid}`, paper: chain.queue, receipt: null }),
      cardState: async () => 'ready',
      clock,
      log,
      pollMs: 200,
    });
    const staff = createStaffService({ db, clock, log });
    const setup = await staff.setup({ name: 'Nadia Benali', pin: '482913', confirmation: '482913' });
    assert.ok(setup.ok && setup.value.member);
    const nadia = { id: setup.value.member.id, name: setup.value.member.name };
    const [artisan] = generateArtisans(1).map(toArtisanRowForBench);
    assert.ok(artisan);
    const built = buildCard(artisan, null, '2026-12-02', (await secretsOf(dir)).cardKeys);
    assert.ok(built.ok);
    try {
      const asked = await orders.request({ rmNumber: artisan.rmNumber, year: 2026, chamber: 'CMA Test' }, await renderCardPdf(built.card, 'card'), {
        ticket: false,
      });
      assert.ok(asked.ok);
      const orderId = asked.value.orderId;
      const paid = await orders.pay(orderId, 'cash', nadia);
      assert.ok(paid.ok);
      assert.equal(paid.value.state, 'failed');

      const code = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);
      const before = files();
      const handing = orders.handOverAs(orderId, 'paper', nadia);
      await offMidJob(before);
      if (ending === 'failed') execFileSync('cancel', ['-a', chain.queue]);
      let first = code(await handing);
      // The kiosk may have answered before the spooler's word: asked again, it asks the spooler.
      if (ending === 'failed' && first === 'PAPER_PRINT_PENDING') first = code(await orders.handOverAs(orderId, 'paper', nadia));
      const sheets = async () =>
        db.all<{ status: string; errorKind: string | null }>(
          "SELECT status, error_kind AS errorKind FROM print_jobs WHERE document LIKE 'card sheet %' ORDER BY id",
        );
      // CUPS picks one of two endings for a job whose printer dies mid-page: it keeps it
      // "processing" (usual) or, under load, aborts it at once. Either way the order is not
      // handed over and the card is kept; each ending then has its own path, both followed here.
      const endings = ending === 'failed' ? ['PAPER_PRINT_FAILED'] : ['PAPER_PRINT_PENDING', 'PAPER_PRINT_FAILED'];
      assert.ok(endings.includes(first), `not handed over: the sheet is not out (${first})`);
      assert.equal(await orderState(db, orderId), 'failed');
      const kept = await db.get<{ n: number }>('SELECT count(*) AS n FROM pvc_orders WHERE id = ? AND card_pdf IS NOT NULL', [orderId]);
      assert.equal(kept?.n, 1, 'the card is kept for another try');
      const said = first === 'PAPER_PRINT_PENDING' ? 'error.PAPER_PRINT_PENDING' : 'error.PAPER_PRINT_FAILED';
      assert.notEqual(translate('fr', said), said, 'a sentence for staff');
      if (first === 'PAPER_PRINT_PENDING') {
        // Asked again while the printer is off: the sheet may still come out, no second one is sent.
        assert.equal(code(await orders.handOverAs(orderId, 'paper', nadia)), 'PAPER_PRINT_PENDING');
        assert.deepEqual((await sheets()).length, 1);
        // Back, empty: the sheet is known lost.
        await chain.printer.on();
        await eventually(async () => (await sheets())[0]?.status === 'failed', 'the lost sheet is known', 60_000);
        assert.deepEqual(await sheets(), [{ status: 'failed', errorKind: 'printer-lost' }]);
      } else {
        // Ended failed by the spooler: the sheet is known failed, and no other was sent.
        const [aborted, ...more] = await sheets();
        assert.equal(aborted?.status, 'failed');
        assert.deepEqual(more, []);
        await chain.printer.on();
      }
      // Asked again with the printer back: one new sheet comes out and the order is closed.
      const afterOn = files();
      let handed = await orders.handOverAs(orderId, 'paper', nadia);
      if (code(handed) === 'PAPER_PRINT_PENDING') {
        // A slow machine: the new sheet is still on its way; once out, asking again closes the order.
        const last = await db.get<{ id: number }>("SELECT max(id) AS id FROM print_jobs WHERE document LIKE 'card sheet %'");
        assert.equal((await print.follow(last?.id ?? 0, 60_000)).status, 'completed');
        handed = await orders.handOverAs(orderId, 'paper', nadia);
      }
      assert.equal(code(handed), 'ok', JSON.stringify(handed));
      assert.equal((await sheets()).length, 2, 'the lost sheet and one new one');
      assert.equal(await orderState(db, orderId), 'handed-over');
      const out = receivedFiles(chain.spoolDir).filter((f) => !afterOn.some((a) => f.endsWith(a)));
      assert.deepEqual(pageSizes(out).length, 1, 'one sheet');
    } finally {
      orders.close();
      print.close();
      await db.close();
    }
  }

  it('a PVC card handed over on paper: the order stays open with its card while the sheet is not out; no second sheet while the first may come; lost, one new sheet closes it', () =>
    paperHandOver('spooler'));
  it('the same, the spooler ending the sheet failed while the printer is off: the order stays open with its card, no other sheet; back, one new sheet closes it', () =>
    paperHandOver('failed'));
});
