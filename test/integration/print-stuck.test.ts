import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { buildCard } from '../../main/cards/card-model.ts';
import { renderCardPdf } from '../../main/cards/card-pdf.ts';
import { generateArtisans } from '../../main/demo-registry/seed.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { createPvcOrderService } from '../../main/orders/pvc-order-service.ts';
import { jobState } from '../../main/printing/cups.ts';
import { ippJob } from '../../main/printing/ipp-job-state.ts';
import { createPrintService } from '../../main/printing/print-service.ts';
import { renderTestPage } from '../../main/printing/test-pages.ts';
import { writePrinter } from '../../main/settings/printer-settings.ts';
import type { Result } from '../../main/shared/errors.ts';
import type { PrintJob } from '../../main/shared/print-jobs.ts';
import { PRINT_STALE_MS } from '../../main/shared/rules/print-wait.ts';
import { createJournalService } from '../../main/staff/journal-service.ts';
import { createPrintCancelService } from '../../main/staff/print-cancel-service.ts';
import { createStaffService } from '../../main/staff/staff-service.ts';
import { openStore } from '../../main/store/open-store.ts';
import { consoleJobs, getJob } from '../../main/store/print-jobs-repo.ts';
import { translate } from '../../renderer/i18n/index.tsx';
import { auditSentence } from '../../renderer/screens/staff/audit-journal.tsx';
import { jobDocumentWords, jobStatusWords } from '../../renderer/screens/staff/job-words.ts';
import { cancelAnswerWords } from '../../renderer/screens/staff/print-jobs.tsx';
import { toArtisanRowForBench } from '../bench/bench-rows.ts';
import { type PrintChain, receivedFiles, startPrintChain } from '../support/print-services.ts';
import { eventually, orderState, pageSizes } from '../support/pvc.ts';
import { secretsOf } from '../support/secrets.ts';
import { tempDir } from '../support/temp.ts';

/**
 * A print job whose printer is switched off and NEVER switched on again: without staff it would
 * wait at the spooler for ever. Against a real CUPS and a virtual IPP printer (ippeveprinter),
 * killed as a printer switched off. The edges:
 *  1. Off for good: the job waits (not called printed, not failed); the console says since when
 *     and, past PRINT_STALE_MS, that the printer seems off and what to do; staff cancel it: at the
 *     spooler (CUPS says canceled), in the store, in the journal in words (no personal data).
 *  2. The printer back just after the cancel: the cancelled page does not come out (a page sent
 *     after it, in the same queue, comes out alone).
 *  3. A PVC card cancelled: its order stays open, its card and its single payment kept; once the
 *     printer is back a retry prints one card, and nothing is charged again.
 *  4. A PVC card sheet cancelled: the order stays open; asked again, one sheet closes it.
 *  5. A job already completed: nothing is cancelled, it stays printed.
 *  6. Cancel raced with completion: the spooler has printed it but the kiosk has not yet looked;
 *     the cancel finds it printed and records it so (never "cancelled", never printed twice).
 *  7. The kiosk restarted with a waiting job: the wait counts from when it was sent, and the job
 *     can be cancelled after the restart; back, the printer prints nothing of it.
 *  8. The spooler stopped: nothing is cancelled and nothing changes; the console says the job may
 *     still print; the spooler back, the cancel goes through.
 */
describe('a print job whose printer never comes back', () => {
  let chain: PrintChain;
  before(async () => {
    chain = await startPrintChain(`KioskStuck${process.pid}`);
  });
  after(() => chain?.stop());

  const files = () => readdirSync(chain.spoolDir).filter((f) => !f.endsWith('.prn'));
  const newSince = (before: string[]) => files().filter((f) => !before.includes(f));
  const fr = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate('fr', k, p);
  const en = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate('en', k, p);
  const code = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);

  /** A kiosk's printing, its journal, its staff cancel and its PVC orders on one store. */
  async function kioskOn(dir: string, { watchMs = 200, pollMs = 200, cardPrinter = chain.queue } = {}) {
    const db = await openStore(dir, memoryLogger());
    const clock = () => new Date();
    const log = memoryLogger();
    const print = createPrintService({ db, clock, log, watchMs });
    const orders = createPvcOrderService({
      db,
      print,
      printers: async () => ({ card: cardPrinter, paper: chain.queue, receipt: null }),
      cardState: async () => 'ready',
      clock,
      log,
      pollMs,
    });
    const journal = createJournalService({
      db,
      print,
      printers: async () => ({ card: null, paper: chain.queue, receipt: null }),
      chamber: async () => 'CMA Test',
      clock,
      log,
    });
    const cancel = createPrintCancelService({ db, print, orders, clock, log });
    const staff = createStaffService({ db, clock, log });
    const existing = await staff.members();
    let nadia = existing[0] ? { id: existing[0].id, name: existing[0].name } : undefined;
    if (!nadia) {
      const setup = await staff.setup({ name: 'Nadia Benali', pin: '482913', confirmation: '482913' });
      assert.ok(setup.ok && setup.value.member);
      nadia = { id: setup.value.member.id, name: setup.value.member.name };
    }
    await db.transaction((tx) => writePrinter(tx, 'paper', chain.queue));
    return {
      db,
      print,
      orders,
      journal,
      cancel,
      nadia,
      log,
      close: async () => {
        orders.close();
        print.close();
        await db.close();
      },
    };
  }
  type Kiosk = Awaited<ReturnType<typeof kioskOn>>;

  /** The journal's sentences for printing, in French. */
  async function printingJournal(k: Kiosk) {
    const day = await k.journal.day({ kind: 'printing' });
    assert.ok(day.ok);
    return day.value.lines.map((l) => auditSentence(l, fr, 'fr'));
  }
  const auditRows = (k: Kiosk, action: string) =>
    k.db.all<{ actor: string; details: string }>('SELECT actor, details FROM audit_log WHERE action = ? ORDER BY seq', [action]);

  /** A paid PVC order of a generated artisan; its card goes to `cardPrinter` at once. */
  async function paidOrder(k: Kiosk, dir: string, n = 1) {
    // The n-th generated artisan who may have a card (a radiated one gets none).
    const keys = (await secretsOf(dir)).cardKeys;
    const cards = generateArtisans(20)
      .map(toArtisanRowForBench)
      .map((artisan) => ({ artisan, built: buildCard(artisan, null, '2026-12-02', keys) }));
    const chosen = cards.filter((c) => c.built.ok)[n - 1];
    assert.ok(chosen?.built.ok);
    const { artisan, built } = chosen;
    const asked = await k.orders.request({ rmNumber: artisan.rmNumber, year: 2026, chamber: 'CMA Test' }, await renderCardPdf(built.card, 'card'), {
      ticket: false,
    });
    assert.ok(asked.ok);
    const paid = await k.orders.pay(asked.value.orderId, 'cash', k.nadia);
    assert.ok(paid.ok, JSON.stringify(paid));
    return { orderId: asked.value.orderId, number: asked.value.number, paid: paid.value, rmNumber: artisan.rmNumber };
  }

  /**
   * Prints a test page once the printer is back and follows it out: the queue hands jobs over in
   * order, so a page cancelled before it would have come out first. Returns the files that came
   * out since `before`.
   */
  async function sentinelPrints(k: Kiosk, before: string[]) {
    const page = await k.print.printPdf('paper', chain.queue, await renderTestPage('paper', chain.queue, new Date()), 'test page paper');
    assert.equal((await k.print.follow(page.id, 60_000)).status, 'completed', 'the page sent after it comes out');
    return newSince(before);
  }

  it('off for good: the job waits, the console says since when and what to do; cancelled, CUPS drops it, the journal says who; back, it does not come out', async () => {
    await chain.printer.off();
    const dir = tempDir();
    const k = await kioskOn(dir);
    const words = { heading: ['Journal de la borne'], empty: 'Aucune ligne.', lines: [] };
    try {
      const before = files();
      const asked = await k.journal.print(k.nadia, { kind: 'money' }, words);
      assert.ok(asked.ok);
      const job = asked.value.job;
      assert.equal(job.status, 'sent', 'waiting at the spooler, not printed');
      // Asked again and again, it keeps waiting: never called printed, never failed by itself.
      assert.equal((await k.print.follow(job.id, 3000, 500)).status, 'sent');
      const waiting = (await getJob(k.db, job.id)) as PrintJob;
      const sentAt = Date.parse(waiting.submittedAt ?? '');
      assert.ok(Number.isFinite(sentAt), 'the kiosk knows when it handed it over');

      // What the console says, 3 minutes in and 12 minutes in (past PRINT_STALE_MS).
      assert.equal(PRINT_STALE_MS, 600_000);
      const at = (minutes: number) => new Date(sentAt + minutes * 60_000 + 5000);
      assert.equal(jobStatusWords(fr, waiting, at(3)), 'envoyée, en attente de l’imprimante depuis 3 minutes');
      assert.equal(jobStatusWords(en, waiting, at(12)), 'sent, waiting for the printer for 12 minutes');
      assert.equal(jobDocumentWords(fr, 'fr', waiting.document), `Journal du ${waiting.document.slice(8, 18).split('-').reverse().join('/')}`);
      assert.match(
        fr('printJobs.stale.paper', { minutes: 12 }),
        /^L’imprimante de bureau semble éteinte ou débranchée : rien n’est sorti depuis 12 minutes\. Vérifiez/,
      );
      assert.match(
        en('printJobs.stale.paper', { minutes: 12 }),
        /^The office printer seems switched off or unplugged: nothing has come out for 12 minutes\. Check/,
      );

      const cancelled = await k.cancel.cancel(job.id, k.nadia);
      assert.ok(cancelled.ok, JSON.stringify(cancelled));
      assert.equal(cancelled.value.outcome, 'cancelled');
      assert.deepEqual([cancelled.value.job.status, cancelled.value.job.errorKind], ['failed', 'cancelled']);
      assert.equal(jobStatusWords(fr, cancelled.value.job), 'annulée à l’accueil : elle ne sortira pas, même si l’imprimante se rallume');
      // At the spooler: dropped (canceled, or purged since).
      const spoolId = Number(/-(\d+)$/.exec(job.spoolerId ?? '')?.[1]);
      assert.ok(['canceled', 'not-found'].includes((await ippJob(spoolId)).state), 'CUPS no longer holds it to print');
      // The journal: who cancelled which journal, with no one's name but the agent's.
      const [entry] = await auditRows(k, 'print-cancelled');
      assert.deepEqual(JSON.parse(entry?.details ?? '{}'), { job: job.id, role: 'paper', what: 'journal', day: job.document.slice(8, 18) });
      assert.equal(entry?.actor, `staff:${k.nadia.id}`);
      const sentences = await printingJournal(k);
      assert.ok(
        sentences.some((s) => /^Nadia Benali a demandé l’impression du journal du \d\d\/\d\d\/\d{4}$/.test(s)),
        sentences.join('\n'),
      );
      assert.ok(
        sentences.some((s) => /^Nadia Benali a annulé l’impression du journal du \d\d\/\d\d\/\d{4}, qui attendait l’imprimante$/.test(s)),
        sentences.join('\n'),
      );
      // Cancelled twice (a second tap, another agent): nothing more happens, no second entry.
      const again = await k.cancel.cancel(job.id, k.nadia);
      assert.ok(again.ok);
      assert.equal(again.value.outcome, 'ended');
      assert.equal((await auditRows(k, 'print-cancelled')).length, 1);

      // Edge 2, the printer back just after the cancel: the journal asked again prints once, and the cancelled one never.
      await chain.printer.on();
      const reasked = await k.journal.print(k.nadia, { kind: 'money' }, words);
      assert.ok(reasked.ok);
      assert.notEqual(reasked.value.job.id, job.id, 'a new job: the cancelled one is not followed');
      assert.equal((await k.print.follow(reasked.value.job.id, 60_000)).status, 'completed');
      assert.equal(newSince(before).length, 1, 'one sheet: the reasked journal; the cancelled one did not come out');
      assert.equal((await sentinelPrints(k, before)).length, 2);
    } finally {
      await k.close();
    }
  });

  it('switched off with the page in it, cancelled, switched on at once: the page does not come out', async () => {
    await chain.printer.off();
    await chain.printer.on({ jobSeconds: 60 });
    const k = await kioskOn(tempDir());
    try {
      const before = files();
      const job = await k.print.printPdf('paper', chain.queue, await renderTestPage('paper', chain.queue, new Date()), 'test page paper');
      await eventually(async () => newSince(before).length > 0, 'the printer takes the page', 30_000);
      await chain.printer.off();
      const taken = newSince(before);
      const cancelled = await k.cancel.cancel(job.id, k.nadia);
      assert.ok(cancelled.ok && cancelled.value.outcome === 'cancelled', JSON.stringify(cancelled));
      await chain.printer.on();
      assert.deepEqual((await sentinelPrints(k, [...before, ...taken])).length, 1, 'only the page sent after it comes out');
      assert.deepEqual(await printingJournal(k), ['Nadia Benali a annulé la page de test (Imprimante de bureau (A4)), qui attendait l’imprimante']);
    } finally {
      await k.close();
    }
  });

  it('a PVC card cancelled: the order stays open with its card and one payment; the printer back, a retry prints one card', async () => {
    await chain.printer.off();
    const dir = tempDir();
    const k = await kioskOn(dir);
    try {
      const before = files();
      const { orderId, number, paid } = await paidOrder(k, dir);
      assert.equal(paid.state, 'printing', 'the card waits at the spooler');
      const cardJob = paid.cardJobId ?? 0;
      const cancelled = await k.cancel.cancel(cardJob, k.nadia);
      assert.ok(cancelled.ok && cancelled.value.outcome === 'cancelled', JSON.stringify(cancelled));
      assert.equal(await orderState(k.db, orderId), 'failed');
      const order = await k.db.get<{ errorKind: string; kept: number; payments: number }>(
        'SELECT error_kind AS errorKind, card_pdf IS NOT NULL AS kept, (SELECT count(*) FROM pvc_payments WHERE order_id = ?) AS payments FROM pvc_orders WHERE id = ?',
        [orderId, orderId],
      );
      assert.deepEqual(order, { errorKind: 'cancelled', kept: 1, payments: 1 });
      assert.match(fr('orders.failedWhy', { words: fr('print.error.cancelled') }), /annulée à l’accueil .* elle ne sortira pas/);
      assert.equal(
        cancelAnswerWords(fr, cancelled, jobDocumentWords(fr, 'fr', cancelled.value.job.document)).words,
        `L’impression « Carte PVC, commande ${number} » est annulée : elle ne sortira pas, même si l’imprimante se rallume. La commande reste ouverte avec sa carte : dans « Commandes », imprimez-la de nouveau ou remettez-la autrement ; rien n’est encaissé de nouveau.`,
      );
      // The journal: the agent's cancel, not a failure of the kiosk's own.
      assert.deepEqual(await printingJournal(k), [`Nadia Benali a annulé l’impression de la carte de la commande ${number}, qui attendait l’imprimante`]);
      assert.equal((await auditRows(k, 'pvc-print-failed')).length, 0);
      // The follower saw the same end: the order is settled once.
      await new Promise((r) => setTimeout(r, 600));
      assert.equal(await orderState(k.db, orderId), 'failed');

      await chain.printer.on();
      const retried = await k.orders.retry(orderId, k.nadia);
      assert.ok(retried.ok);
      assert.notEqual(retried.value.cardJobId, cardJob, 'a new job: the cancelled one is never sent again');
      await eventually(async () => (await orderState(k.db, orderId)) === 'printed', 'the card comes out', 60_000);
      assert.deepEqual(pageSizes(receivedFiles(chain.spoolDir).filter((f) => newSince(before).some((n) => f.endsWith(n)))), ['242.65 x 153.01'], 'one card');
      const payments = await k.db.get<{ n: number }>('SELECT count(*) AS n FROM pvc_payments WHERE order_id = ?', [orderId]);
      assert.equal(payments?.n, 1, 'charged once');
    } finally {
      await k.close();
    }
  });

  it('a PVC card sheet cancelled: the order stays open with its card; asked again with the printer back, one sheet closes it', async () => {
    await chain.printer.off();
    const dir = tempDir();
    // No card printer: the paid card fails, and staff give it on paper.
    const k = await kioskOn(dir, { cardPrinter: `KioskStuckNoCard${process.pid}` });
    try {
      const { orderId, paid } = await paidOrder(k, dir, 2);
      assert.equal(paid.state, 'failed');
      const before = files();
      assert.equal(code(await k.orders.handOverAs(orderId, 'paper', k.nadia)), 'PAPER_PRINT_PENDING');
      const sheet = await k.db.get<{ id: number }>("SELECT max(id) AS id FROM print_jobs WHERE document LIKE 'card sheet %'");
      const cancelled = await k.cancel.cancel(sheet?.id ?? 0, k.nadia);
      assert.ok(cancelled.ok && cancelled.value.outcome === 'cancelled', JSON.stringify(cancelled));
      assert.equal(await orderState(k.db, orderId), 'failed');
      const kept = await k.db.get<{ n: number }>('SELECT count(*) AS n FROM pvc_orders WHERE id = ? AND card_pdf IS NOT NULL', [orderId]);
      assert.equal(kept?.n, 1, 'the card is kept');

      await chain.printer.on();
      let handed = await k.orders.handOverAs(orderId, 'paper', k.nadia);
      if (code(handed) === 'PAPER_PRINT_PENDING') {
        const last = await k.db.get<{ id: number }>("SELECT max(id) AS id FROM print_jobs WHERE document LIKE 'card sheet %'");
        assert.equal((await k.print.follow(last?.id ?? 0, 60_000)).status, 'completed');
        handed = await k.orders.handOverAs(orderId, 'paper', k.nadia);
      }
      assert.equal(code(handed), 'ok', JSON.stringify(handed));
      assert.equal(await orderState(k.db, orderId), 'handed-over');
      assert.equal(newSince(before).length, 1, 'one sheet: the cancelled one did not come out');
    } finally {
      await k.close();
    }
  });

  it('a job already completed is not cancelled: it stays printed, nothing is written in the journal', async () => {
    const k = await kioskOn(tempDir());
    try {
      const job = await k.print.printPdf('paper', chain.queue, await renderTestPage('paper', chain.queue, new Date()), 'test page paper');
      assert.equal((await k.print.follow(job.id, 60_000)).status, 'completed');
      const answer = await k.cancel.cancel(job.id, k.nadia);
      assert.ok(answer.ok);
      assert.deepEqual([answer.value.outcome, answer.value.job.status], ['ended', 'completed']);
      assert.equal(cancelAnswerWords(fr, answer, 'Page de test').words, 'Rien n’est annulé : « Page de test » venait de sortir, elle est imprimée.');
      assert.equal((await auditRows(k, 'print-cancelled')).length, 0);
      // A job that was never handed to a spooler, or that does not exist: said so, nothing done.
      assert.equal(code(await k.cancel.cancel(987_654, k.nadia)), 'PRINT_JOB_NOT_FOUND');
    } finally {
      await k.close();
    }
  });

  it('cancel raced with completion: printed at the spooler before the kiosk looked, the cancel records it printed, and the order is printed once', async () => {
    const dir = tempDir();
    // The kiosk looks rarely: the card is out at the spooler long before it knows.
    const k = await kioskOn(dir, { watchMs: 600_000, pollMs: 600_000 });
    try {
      const before = files();
      const { orderId, paid } = await paidOrder(k, dir, 3);
      const cardJob = (await getJob(k.db, paid.cardJobId ?? 0)) as PrintJob;
      assert.equal(cardJob.status, 'sent');
      await eventually(async () => (await jobState(chain.queue, cardJob.spoolerId ?? '')) === 'completed', 'CUPS prints the card', 60_000);
      assert.equal((await getJob(k.db, cardJob.id))?.status, 'sent', 'the kiosk has not looked yet');
      // The kiosk's own look and the agent's cancel at the same moment: one after the other.
      const [looked, answer] = await Promise.all([k.print.check(cardJob.id), k.cancel.cancel(cardJob.id, k.nadia)]);
      assert.equal(looked.status, 'completed');
      assert.ok(answer.ok);
      assert.deepEqual([answer.value.outcome, answer.value.job.status], ['ended', 'completed']);
      assert.equal(await orderState(k.db, orderId), 'printed', 'the order follows: printed, to hand over');
      assert.equal((await auditRows(k, 'print-cancelled')).length, 0);
      assert.equal(newSince(before).length, 1, 'one card');
    } finally {
      await k.close();
    }
  });

  it('the kiosk restarted with a waiting job: the wait counts from when it was sent, it is listed and cancelled after the restart; back, nothing of it prints', async () => {
    await chain.printer.off();
    const dir = tempDir();
    const first = await kioskOn(dir);
    const before = files();
    const job = await first.print.printPdf('paper', chain.queue, await renderTestPage('paper', chain.queue, new Date()), 'test page paper');
    assert.equal(job.status, 'sent');
    // Pages printed after it push it out of the newest ten: a waiting job stays listed all the same.
    for (let i = 0; i < 10; i++)
      await first.db.transaction((tx) =>
        tx.run("INSERT INTO print_jobs (role, printer, document, status, created_at, updated_at) VALUES ('paper', 'X', 'cli paper', 'failed', ?, ?)", [
          new Date().toISOString(),
          new Date().toISOString(),
        ]),
      );
    await first.close();

    const k = await kioskOn(dir);
    try {
      await k.print.resume();
      const listed = (await consoleJobs(k.db, 10)).find((j) => j.id === job.id);
      assert.ok(listed, 'the waiting job is on the console after the restart');
      assert.equal(listed.submittedAt, job.submittedAt, 'sent when it was, not when the kiosk started again');
      const later = new Date(Date.parse(job.submittedAt ?? '') + 11 * 60_000);
      assert.equal(jobStatusWords(fr, listed, later), 'envoyée, en attente de l’imprimante depuis 11 minutes');
      const cancelled = await k.cancel.cancel(job.id, k.nadia);
      assert.ok(cancelled.ok && cancelled.value.outcome === 'cancelled', JSON.stringify(cancelled));
      assert.equal(
        (await consoleJobs(k.db, 10)).find((j) => j.id === job.id),
        undefined,
        'ended and old: it leaves the list',
      );
      await chain.printer.on();
      assert.equal((await sentinelPrints(k, before)).length, 1, 'only the page sent after it');
    } finally {
      await k.close();
    }
  });

  it('the spooler stopped: nothing is cancelled, nothing changes, the console says it may still print; back, the cancel goes through', async () => {
    await chain.printer.off();
    const k = await kioskOn(tempDir());
    try {
      const job = await k.print.printPdf('paper', chain.queue, await renderTestPage('paper', chain.queue, new Date()), 'test page paper');
      assert.equal(job.status, 'sent');
      // This process's CUPS client now talks to a scheduler that is not there.
      process.env.CUPS_SERVER = '127.0.0.1:1';
      let refused: Result<unknown>;
      try {
        refused = await k.cancel.cancel(job.id, k.nadia);
      } finally {
        delete process.env.CUPS_SERVER;
      }
      assert.ok(!refused.ok);
      assert.deepEqual([refused.error.code, refused.error.params], ['PRINT_CANCEL_FAILED', { kind: 'spooler-down' }]);
      const unchanged = (await getJob(k.db, job.id)) as PrintJob;
      assert.deepEqual([unchanged.status, unchanged.errorKind], ['sent', null], 'still waiting: CUPS keeps it and may print it');
      assert.equal((await auditRows(k, 'print-cancelled')).length, 0);
      assert.equal(
        cancelAnswerWords(fr, refused as Result<never>, 'Page de test').words,
        'L’impression « Page de test » n’est pas annulée : le service d’impression de l’ordinateur est arrêté : redémarrez-le, puis réessayez. Tant qu’elle ne l’est pas, elle peut encore sortir quand l’imprimante se rallumera.',
      );
      assert.equal(
        cancelAnswerWords(en, refused as Result<never>, 'Test page').words,
        'The print “Test page” is not cancelled: the computer’s print service is stopped: restart it, then try again. Until it is, it may still come out when the printer is switched back on.',
      );
      const done = await k.cancel.cancel(job.id, k.nadia);
      assert.ok(done.ok && done.value.outcome === 'cancelled', JSON.stringify(done));
    } finally {
      delete process.env.CUPS_SERVER;
      await k.close();
    }
  });
});
