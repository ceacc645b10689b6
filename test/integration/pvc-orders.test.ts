import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { buildCard } from '../../main/cards/card-model.ts';
import { renderCardPdf } from '../../main/cards/card-pdf.ts';
import { generateArtisans } from '../../main/demo-registry/seed.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { createPvcOrderService } from '../../main/orders/pvc-order-service.ts';
import { createPrintService } from '../../main/printing/print-service.ts';
import { cardPrinterState } from '../../main/printing/printer-status.ts';
import { cupsSpooler, type Spooler } from '../../main/printing/spooler.ts';
import { readPrinters, writePrinter } from '../../main/settings/printer-settings.ts';
import { createStaffService } from '../../main/staff/staff-service.ts';
import type { WriteDb } from '../../main/store/database.ts';
import { openStore } from '../../main/store/open-store.ts';
import { toArtisanRowForBench } from '../bench/bench-rows.ts';
import { receivedFiles, startPrintChain } from '../support/print-services.ts';
import { eventually, orderState, pageSizes, pc858Text } from '../support/pvc.ts';
import { secretsOf } from '../support/secrets.ts';
import { startTcpCapture } from '../support/tcp-capture.ts';
import { tempDir } from '../support/temp.ts';

const CR80 = '242.65 x 153.01';

describe('PVC orders on a real CUPS queue and a TCP receipt printer', () => {
  let chain: Awaited<ReturnType<typeof startPrintChain>>;
  let receipts: Awaited<ReturnType<typeof startTcpCapture>>;
  const cards = () => pageSizes(receivedFiles(chain.spoolDir)).filter((s) => s === CR80).length;

  before(async () => {
    chain = await startPrintChain(`KioskPvc${process.pid}`);
    receipts = await startTcpCapture();
  });
  after(async () => {
    await receipts?.close();
    await chain?.stop();
  });

  /** A store with one staff member, the printers set, and an order service over it. */
  async function desk(dir = tempDir(), spooler: Spooler = cupsSpooler) {
    const db = await openStore(dir, memoryLogger());
    const staff = createStaffService({ db, clock: () => new Date(), log: memoryLogger() });
    const setup = await staff.setup({ name: 'Nadia', pin: '482913', confirmation: '482913' });
    assert.ok(setup.ok && setup.value.member);
    const member = setup.value.member;
    await db.transaction(async (tx) => {
      await writePrinter(tx, 'card', chain.queue);
      await writePrinter(tx, 'receipt', receipts.address);
    });
    const print = createPrintService({ db, clock: () => new Date(), log: memoryLogger(), spooler });
    const orders = createPvcOrderService({
      db,
      print,
      printers: () => readPrinters(db),
      cardState: async () => cardPrinterState(await readPrinters(db), spooler, memoryLogger()),
      clock: () => new Date(),
      log: memoryLogger(),
      pollMs: 200,
    });
    return { db, dir, orders, member };
  }

  async function drawnCard(dir: string, n = 0) {
    // The n-th artisan who may have a card (the generated ones include radiated artisans).
    const keys = (await secretsOf(dir)).cardKeys;
    const built = generateArtisans(60)
      .map((a) => buildCard(toArtisanRowForBench(a), null, '2026-11-27', keys))
      .filter((b) => b.ok)[n];
    assert.ok(built?.ok);
    return { rmNumber: built.card.rmNumber, year: built.card.year, chamber: built.card.chamber, pdf: await renderCardPdf(built.card, 'card') };
  }

  const countOf = async (db: WriteDb, sql: string) => (await db.get<{ n: number }>(sql))?.n;

  it('ask, ticket, payment confirmed twice at once: one payment, one card (CR80) and one payment receipt', async () => {
    const { db, dir, orders, member } = await desk();
    const before = cards();
    const card = await drawnCard(dir);
    const asked = await orders.request(card, card.pdf);
    assert.ok(asked.ok);
    assert.equal(asked.value.ticket, 'printed');
    const ticket = pc858Text(receipts.received());
    assert.match(ticket, /À régler à l'accueil/);
    assert.ok(ticket.includes(asked.value.number), 'the ticket carries the order number');
    assert.match(ticket, /5,00 €/);
    // Asking again (a second tap) gives the same order.
    const again = await orders.request(card, card.pdf);
    assert.ok(again.ok);
    assert.equal(again.value.number, asked.value.number);

    const [orderId] = (await db.all<{ id: number }>('SELECT id FROM pvc_orders')).map((r) => r.id);
    assert.ok(orderId);
    const [a, b] = await Promise.all([orders.pay(orderId, 'cash', member), orders.pay(orderId, 'cash', member)]);
    assert.deepEqual([a.ok, b.ok].sort(), [false, true], 'the second confirmation is refused');
    const refused = a.ok ? b : a;
    assert.equal(!refused.ok && refused.error.code, 'ORDER_STATE');

    await eventually(async () => (await orderState(db, orderId)) === 'printed', 'the card is printed');
    assert.equal(cards() - before, 1, 'one card reached the card printer');
    assert.equal(await countOf(db, 'SELECT count(*) AS n FROM pvc_payments'), 1);
    await eventually(async () => pc858Text(receipts.received()).includes('Reçu de paiement'), 'the payment receipt');
    assert.match(pc858Text(receipts.received()), /Réglé en espèces[\s\S]*Encaissé par Nadia/);
    const events = (await db.all<{ payload: string }>("SELECT payload FROM outbox WHERE type = 'pvc-order-event' ORDER BY id")).map(
      (r) => (JSON.parse(r.payload) as { event: string }).event,
    );
    assert.deepEqual(events, ['requested', 'paid', 'printed']);
    const actions = (await db.all<{ action: string }>("SELECT action FROM audit_log WHERE action LIKE 'pvc-%' ORDER BY seq")).map((r) => r.action);
    assert.deepEqual(actions, ['pvc-ordered', 'pvc-paid', 'pvc-printed']);

    // Asked again once printed (a tap at the screen, or at the desk): the same order, no new ticket.
    const ticketsBefore = pc858Text(receipts.received()).split("À régler à l'accueil").length;
    const printedAgain = await orders.request(card, card.pdf);
    assert.deepEqual(printedAgain.ok && [printedAgain.value.number, printedAgain.value.state], [asked.value.number, 'printed']);
    assert.equal(pc858Text(receipts.received()).split("À régler à l'accueil").length, ticketsBefore, 'no ticket for a paid order');
    assert.equal(await countOf(db, 'SELECT count(*) AS n FROM pvc_orders'), 1);

    // Handed over: the card kept for printing is erased.
    assert.ok((await orders.handOver(orderId, member)).ok);
    assert.equal(await countOf(db, 'SELECT count(*) AS n FROM pvc_orders WHERE card_pdf IS NOT NULL'), 0);
    // The card's follower may still be sending the payment receipt: the store stays open till it is done.
    await eventually(async () => !orders.busy(), 'the card follower done');
    orders.close();
    await db.close();
  });

  it('no card printer set, then a stopped spooler, then a queue refusing jobs: no payment is taken, the console says why now', async () => {
    const { db, dir, orders, member } = await desk();
    await db.transaction((tx) => writePrinter(tx, 'card', null));
    const before = cards();
    const card = await drawnCard(dir, 1);
    assert.ok((await orders.request(card, card.pdf)).ok);
    const orderId = (await db.get<{ id: number }>('SELECT id FROM pvc_orders'))?.id ?? 0;
    const shown = async () => (await orders.list()).find((o) => o.id === orderId)?.cardPrinter;

    assert.equal(await shown(), 'not-configured');
    const unset = await orders.pay(orderId, 'cash', member);
    assert.equal(!unset.ok && unset.error.code, 'PRINTER_NOT_SET');

    await db.transaction((tx) => writePrinter(tx, 'card', chain.queue));
    // The CUPS client of this process talks to a scheduler that is not there.
    process.env.CUPS_SERVER = '127.0.0.1:1';
    try {
      assert.equal(await shown(), 'spooler-down', 'the printer set, the reason is the spooler now, not "no printer"');
      const down = await orders.pay(orderId, 'cash', member);
      assert.deepEqual(!down.ok && [down.error.code, down.error.params?.state], ['CARD_PRINTER_NOT_READY', 'spooler-down']);
    } finally {
      delete process.env.CUPS_SERVER;
    }
    execFileSync('cupsreject', [chain.queue]);
    try {
      assert.equal(await shown(), 'not-accepting');
      const refused = await orders.pay(orderId, 'card', member);
      assert.deepEqual(!refused.ok && refused.error.params?.state, 'not-accepting');
    } finally {
      execFileSync('cupsaccept', [chain.queue]);
    }
    assert.equal(await countOf(db, 'SELECT count(*) AS n FROM pvc_payments'), 0, 'nothing was charged');
    assert.equal(await orderState(db, orderId), 'requested');
    assert.equal(await shown(), null, 'ready: payment is offered');
    assert.ok((await orders.pay(orderId, 'cash', member)).ok);
    await eventually(async () => (await orderState(db, orderId)) === 'printed', 'printed');
    assert.equal(cards() - before, 1);
    // The card's follower may still be sending the payment receipt: the store stays open till it is done.
    await eventually(async () => !orders.busy(), 'the card follower done');
    orders.close();
    await db.close();
  });

  it('the printer goes out of service between the check and the job: failed with why; once back, the reason is the current one and a retry prints once', async () => {
    const queue = chain.queue;
    let first = true;
    const goneOut: Spooler = {
      ...cupsSpooler,
      submit: async (...args) => {
        if (first) execFileSync('cupsreject', [queue]);
        first = false;
        return cupsSpooler.submit(...args);
      },
    };
    const { db, dir, orders, member } = await desk(tempDir(), goneOut);
    const before = cards();
    const card = await drawnCard(dir, 5);
    assert.ok((await orders.request(card, card.pdf)).ok);
    const orderId = (await db.get<{ id: number }>('SELECT id FROM pvc_orders'))?.id ?? 0;
    try {
      const paid = await orders.pay(orderId, 'cash', member);
      assert.ok(paid.ok);
      assert.deepEqual([paid.value.state, paid.value.errorKind], ['failed', 'not-accepting']);
      const view = (await orders.list()).find((o) => o.id === orderId);
      assert.deepEqual([view?.cardPrinter, view?.errorKind], ['not-accepting', null], 'the reason is the printer as it stands');
    } finally {
      execFileSync('cupsaccept', [queue]);
    }
    const back = (await orders.list()).find((o) => o.id === orderId);
    assert.deepEqual([back?.state, back?.cardPrinter, back?.errorKind], ['failed', null, null], 'no stale "refuses jobs" once it takes them');
    // A retry by the same staff: no second payment, the same job sent again.
    assert.ok((await orders.retry(orderId, member)).ok);
    await eventually(async () => (await orderState(db, orderId)) === 'printed', 'printed after the retry');
    assert.equal(cards() - before, 1);
    assert.equal(await countOf(db, 'SELECT count(*) AS n FROM pvc_payments'), 1);
    assert.equal(await countOf(db, "SELECT count(*) AS n FROM print_jobs WHERE role = 'card'"), 1, 'the same job, sent again');
    // The card's follower may still be sending the payment receipt: the store stays open till it is done.
    await eventually(async () => !orders.busy(), 'the card follower done');
    orders.close();
    await db.close();
  });

  it('a look at the printing card that fails (a bug in reading the spooler) is tried again: the card is printed, not left "printing" until the next start', async () => {
    let broken = 2;
    const stumbling: Spooler = {
      ...cupsSpooler,
      jobState: async (...args) => {
        if (broken > 0) {
          broken -= 1;
          throw new TypeError('a bug while reading the job');
        }
        return cupsSpooler.jobState(...args);
      },
    };
    const { db, dir, orders, member } = await desk(tempDir(), stumbling);
    const before = cards();
    const card = await drawnCard(dir, 7);
    assert.ok((await orders.request(card, card.pdf)).ok);
    const orderId = (await db.get<{ id: number }>('SELECT id FROM pvc_orders'))?.id ?? 0;
    const paid = await orders.pay(orderId, 'cash', member);
    assert.equal(paid.ok && paid.value.state, 'printing');
    await eventually(async () => (await orderState(db, orderId)) === 'printed', 'printed despite the failed looks');
    assert.equal(broken, 0, 'the failing looks did happen');
    assert.equal(cards() - before, 1, 'one card');
    await eventually(async () => !orders.busy(), 'the card follower done');
    orders.close();
    await db.close();
  });

  it('a job stopped at the printer (cancelled, aborted): the order fails with why; a retry sends a new job and one card comes out', async () => {
    // The printer is paused between the check and the job (staff open its cover): the job waits in the queue.
    const queue = chain.queue;
    let first = true;
    const pausing: Spooler = {
      ...cupsSpooler,
      submit: async (...args) => {
        if (first) execFileSync('cupsdisable', [queue]);
        first = false;
        return cupsSpooler.submit(...args);
      },
    };
    const { db, dir, orders, member } = await desk(tempDir(), pausing);
    const before = cards();
    const card = await drawnCard(dir, 6);
    assert.ok((await orders.request(card, card.pdf)).ok);
    const orderId = (await db.get<{ id: number }>('SELECT id FROM pvc_orders'))?.id ?? 0;
    try {
      const paid = await orders.pay(orderId, 'cash', member);
      assert.equal(paid.ok && paid.value.state, 'printing');
      const spoolId = (await db.get<{ spooler_id: string }>("SELECT spooler_id FROM print_jobs WHERE role = 'card'"))?.spooler_id ?? '';
      execFileSync('cancel', [spoolId]);
      await eventually(async () => (await orderState(db, orderId)) === 'failed', 'the order sees the job stopped');
      assert.equal((await db.get<{ error_kind: string }>('SELECT error_kind FROM pvc_orders'))?.error_kind, 'aborted');
    } finally {
      execFileSync('cupsenable', [chain.queue]);
    }
    assert.ok((await orders.retry(orderId, member)).ok);
    await eventually(async () => (await orderState(db, orderId)) === 'printed', 'printed after the retry');
    assert.equal(cards() - before, 1);
    assert.equal(await countOf(db, "SELECT count(*) AS n FROM print_jobs WHERE role = 'card'"), 2, 'a new job for the retry');
    // The card's follower may still be sending the payment receipt: the store stays open till it is done.
    await eventually(async () => !orders.busy(), 'the card follower done');
    orders.close();
    await db.close();
  });

  /** A paid order whose card the printer refused (taken out of service between the check and the job), the queue back in service. */
  async function failedOrder(n: number) {
    const queue = chain.queue;
    let first = true;
    const goneOut: Spooler = {
      ...cupsSpooler,
      submit: async (...args) => {
        if (first) execFileSync('cupsreject', [queue]);
        first = false;
        return cupsSpooler.submit(...args);
      },
    };
    const d = await desk(tempDir(), goneOut);
    const card = await drawnCard(d.dir, n);
    assert.ok((await d.orders.request(card, card.pdf)).ok);
    const orderId = (await d.db.get<{ id: number }>('SELECT id FROM pvc_orders'))?.id ?? 0;
    try {
      const paid = await d.orders.pay(orderId, 'cash', d.member);
      assert.equal(paid.ok && paid.value.state, 'failed');
    } finally {
      execFileSync('cupsaccept', [queue]);
    }
    return { ...d, card, orderId };
  }

  const eventsOf = async (db: WriteDb) =>
    (await db.all<{ payload: string }>("SELECT payload FROM outbox WHERE type = 'pvc-order-event' ORDER BY id")).map(
      (r) => JSON.parse(r.payload) as Record<string, string | number>,
    );

  it('a paid card that cannot print is refunded with a reason: one refund, a refund receipt, the audit line and the registry event', async () => {
    const { db, orders, member, orderId, card } = await failedOrder(7);
    const noReason = await orders.refund(orderId, 'card', '   ', member);
    assert.equal(!noReason.ok && noReason.error.code, 'REASON_REQUIRED');
    const before = receipts.received().length;
    const [a, b] = await Promise.all([
      orders.refund(orderId, 'card', 'imprimante à cartes en panne', member),
      orders.refund(orderId, 'card', 'imprimante à cartes en panne', member),
    ]);
    assert.deepEqual([a.ok, b.ok].sort(), [false, true], 'a doubled confirmation refunds once');
    const done = a.ok ? a : b;
    assert.ok(done.ok);
    assert.equal(done.value.state, 'cancelled');
    assert.deepEqual([done.value.refund?.method, done.value.refund?.amountCents, done.value.refund?.reason], ['card', 500, 'imprimante à cartes en panne']);
    await eventually(async () => pc858Text(receipts.received().subarray(before)).includes('Reçu de remboursement'), 'the refund receipt');
    const ticket = pc858Text(receipts.received().subarray(before));
    assert.match(ticket, /5,00 €[\s\S]*Remboursé en carte bancaire[\s\S]*Raison : imprimante à cartes en panne[\s\S]*Remboursé par Nadia/);
    assert.equal(await countOf(db, 'SELECT count(*) AS n FROM pvc_refunds'), 1);
    assert.equal(await countOf(db, 'SELECT count(*) AS n FROM pvc_orders WHERE card_pdf IS NOT NULL'), 0, 'the drawn card is erased');
    const events = await eventsOf(db);
    assert.deepEqual(
      events.map((e) => e.event),
      ['requested', 'paid', 'refunded'],
    );
    assert.deepEqual([events[2]?.method, events[2]?.amountCents, events[2]?.reason], ['card', 500, 'imprimante à cartes en panne']);
    const audit = await db.get<{ actor: string; details: string }>("SELECT actor, details FROM audit_log WHERE action = 'pvc-refunded'");
    assert.equal(audit?.actor, 'staff:1');
    assert.match(audit?.details ?? '', /imprimante à cartes en panne/);
    // The console shows it closed as refunded, with who and why; the artisan may order again.
    const shown = (await orders.list()).find((o) => o.id === orderId);
    assert.deepEqual([shown?.state, shown?.refund?.staffName], ['cancelled', 'Nadia']);
    const again = await orders.request(card, card.pdf);
    assert.ok(again.ok && again.value.orderId !== orderId, 'a new order, not the refunded one');
    // The card's follower may still be sending the payment receipt: the store stays open till it is done.
    await eventually(async () => !orders.busy(), 'the card follower done');
    orders.close();
    await db.close();
  });

  it('a paid card that cannot print is handed over on an A4 sheet: the sheet reaches the office printer and the order closes as such', async () => {
    const { db, orders, member, orderId } = await failedOrder(8);
    const noPaper = await orders.handOverAs(orderId, 'paper', member);
    assert.equal(!noPaper.ok && noPaper.error.code, 'PRINTER_NOT_SET');
    await db.transaction((tx) => writePrinter(tx, 'paper', chain.queue));
    const sheets = () => pageSizes(receivedFiles(chain.spoolDir)).filter((s) => s.startsWith('595.2') && /x 841\.[89]/.test(s)).length;
    const before = sheets();
    const done = await orders.handOverAs(orderId, 'paper', member);
    assert.ok(done.ok);
    assert.deepEqual([done.value.state, done.value.handedOverAs], ['handed-over', 'paper']);
    await eventually(async () => sheets() - before === 1, 'one A4 sheet at the printer');
    const events = await eventsOf(db);
    assert.deepEqual(
      events.map((e) => [e.event, e.as ?? '']),
      [
        ['requested', ''],
        ['paid', ''],
        ['handed-over', 'paper'],
      ],
    );
    assert.equal(await countOf(db, 'SELECT count(*) AS n FROM pvc_refunds'), 0, 'nothing refunded');
    // The card's follower may still be sending the payment receipt: the store stays open till it is done.
    await eventually(async () => !orders.busy(), 'the card follower done');
    orders.close();
    await db.close();
  });

  it('no receipt printer answering: the order is taken all the same and the screen says to note the number', async () => {
    const { db, dir, orders } = await desk();
    await db.transaction((tx) => writePrinter(tx, 'receipt', 'tcp://127.0.0.1:9'));
    const card = await drawnCard(dir, 2);
    const asked = await orders.request(card, card.pdf);
    assert.ok(asked.ok);
    assert.deepEqual([asked.value.state, asked.value.ticket], ['requested', 'not-printed']);
    const job = await db.get<{ status: string; error_kind: string }>("SELECT status, error_kind FROM print_jobs WHERE role = 'receipt'");
    assert.deepEqual(job, { status: 'failed', error_kind: 'receipt-offline' });
    // The card's follower may still be sending the payment receipt: the store stays open till it is done.
    await eventually(async () => !orders.busy(), 'the card follower done');
    orders.close();
    await db.close();
  });

  it('a reprint needs a reason, prints one more card, and the audit log keeps why', async () => {
    const { db, dir, orders, member } = await desk();
    const card = await drawnCard(dir, 3);
    assert.ok((await orders.request(card, card.pdf)).ok);
    const orderId = (await db.get<{ id: number }>('SELECT id FROM pvc_orders'))?.id ?? 0;
    assert.ok((await orders.pay(orderId, 'cash', member)).ok);
    await eventually(async () => (await orderState(db, orderId)) === 'printed', 'first card');
    const before = cards();
    const noReason = await orders.reprint(orderId, '  ', member);
    assert.equal(!noReason.ok && noReason.error.code, 'REASON_REQUIRED');
    assert.ok((await orders.reprint(orderId, 'carte rayée', member)).ok);
    await eventually(async () => (await orderState(db, orderId)) === 'printed' && cards() - before === 1, 'the reprint');
    const entry = await db.get<{ actor: string; details: string }>("SELECT actor, details FROM audit_log WHERE action = 'pvc-reprint'");
    assert.equal(entry?.actor, 'staff:1');
    assert.match(entry?.details ?? '', /carte rayée/);
    assert.equal(await countOf(db, 'SELECT count(*) AS n FROM pvc_payments'), 1, 'a reprint takes no payment');
    // The card's follower may still be sending the payment receipt: the store stays open till it is done.
    await eventually(async () => !orders.busy(), 'the card follower done');
    orders.close();
    await db.close();
  });

  it('the kiosk stopped after the spooler took the card but before writing it down: the restart finds the job and prints nothing more', async () => {
    const dir = tempDir();
    // The first kiosk freezes right after lp returns, as if killed before recording the job.
    const freezing: Spooler = {
      ...cupsSpooler,
      submit: async (...args) => {
        await cupsSpooler.submit(...args);
        return new Promise<string>(() => undefined);
      },
    };
    const first = await desk(dir, freezing);
    const card = await drawnCard(dir, 4);
    assert.ok((await first.orders.request(card, card.pdf)).ok);
    const orderId = (await first.db.get<{ id: number }>('SELECT id FROM pvc_orders'))?.id ?? 0;
    const before = cards();
    void first.orders.pay(orderId, 'card', first.member);
    await eventually(async () => (await first.db.get<{ n: number }>("SELECT count(*) AS n FROM print_jobs WHERE role = 'card'"))?.n === 1, 'job recorded');
    await eventually(async () => cards() - before === 1, 'the spooler printed the card');
    first.orders.close();
    assert.deepEqual(
      await first.db.get("SELECT status, spooler_id FROM print_jobs WHERE role = 'card'"),
      { status: 'recorded', spooler_id: null },
      'the store never learnt of it',
    );

    const db = await openStore(dir, memoryLogger());
    const print = createPrintService({ db, clock: () => new Date(), log: memoryLogger() });
    const restarted = createPvcOrderService({
      db,
      print,
      printers: () => readPrinters(db),
      cardState: async () => cardPrinterState(await readPrinters(db), cupsSpooler, memoryLogger()),
      clock: () => new Date(),
      log: memoryLogger(),
      pollMs: 200,
    });
    await restarted.resume();
    await eventually(async () => (await orderState(db, orderId)) === 'printed', 'printed after the restart');
    assert.equal(cards() - before, 1, 'still one card');
    assert.match((await db.get<{ spooler_id: string }>("SELECT spooler_id FROM print_jobs WHERE role = 'card'"))?.spooler_id ?? '', /^KioskPvc/);
    restarted.close();
    await db.close();
    await first.db.close();
  });
});
