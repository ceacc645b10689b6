import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { memoryLogger } from '../../main/logging/logger.ts';
import { createPvcOrderService } from '../../main/orders/pvc-order-service.ts';
import { createTillService } from '../../main/orders/till-service.ts';
import type { ReceiptTimeouts } from '../../main/printing/escpos-link.ts';
import { createPrintService } from '../../main/printing/print-service.ts';
import { createPrintersService } from '../../main/printing/printers-service.ts';
import { cupsSpooler } from '../../main/printing/spooler.ts';
import { writePrinter } from '../../main/settings/printer-settings.ts';
import { createStaffService } from '../../main/staff/staff-service.ts';
import { openStore } from '../../main/store/open-store.ts';
import { eventually, orderState, pc858Text } from '../support/pvc.ts';
import { socketCardPrinter } from '../support/socket-printer.ts';
import { type CaptureOptions, startTcpCapture, type TcpCapture } from '../support/tcp-capture.ts';
import { tempDir } from '../support/temp.ts';

const PDF = new Uint8Array(Buffer.from('%PDF-1.7\n%%EOF\n'));
const quick: ReceiptTimeouts = { answerMs: 1000, printMs: 3000, pollMs: 100 };

/**
 * The receipt printer's word, through the services: the artisan's ticket, the console's orders,
 * the payment, the payment receipt and the till's ticket. The card printer is a real CUPS queue
 * on a raw socket; the receipt printer a TCP stand-in that answers ESC/POS status.
 */
describe('money and tickets with a receipt printer that says how it stands', () => {
  let card: Awaited<ReturnType<typeof socketCardPrinter>>;
  before(async () => {
    card = await socketCardPrinter(`KioskReceiptGate${process.pid}`);
  });
  after(async () => {
    await card?.stop();
  });

  async function desk(receipts: TcpCapture) {
    const db = await openStore(tempDir(), memoryLogger());
    const clock = () => new Date();
    const log = memoryLogger();
    const staff = createStaffService({ db, clock, log });
    const setup = await staff.setup({ name: 'Nadia', pin: '482913', confirmation: '482913' });
    assert.ok(setup.ok && setup.value.member);
    const nadia = { id: setup.value.member.id, name: setup.value.member.name };
    await db.transaction(async (tx) => {
      await writePrinter(tx, 'card', card.queue);
      await writePrinter(tx, 'receipt', receipts.address);
    });
    const print = createPrintService({ db, clock, log, spooler: cupsSpooler, receiptTimeouts: quick });
    const printers = createPrintersService({
      db,
      print,
      spooler: cupsSpooler,
      defaults: {},
      chamber: async () => 'CMA Test',
      clock,
      log,
      receiptTimeouts: quick,
    });
    const orders = createPvcOrderService({
      db,
      print,
      printers: printers.settings,
      cardState: printers.cardState,
      receiptState: printers.receiptState,
      clock,
      log,
      pollMs: 200,
    });
    const till = createTillService({ db, print, printers: printers.settings, chamber: async () => 'CMA Test', clock, log });
    const close = async () => {
      orders.close();
      print.close();
      await db.close();
    };
    return { db, orders, printers, till, nadia, close };
  }

  async function withDesk(options: CaptureOptions, run: (d: Awaited<ReturnType<typeof desk>>, receipts: TcpCapture) => Promise<void>) {
    const receipts = await startTcpCapture(options);
    const d = await desk(receipts);
    try {
      await run(d, receipts);
    } finally {
      await d.close();
      await receipts.close();
    }
  }

  const count = async (d: Awaited<ReturnType<typeof desk>>, sql: string) => (await d.db.get<{ n: number }>(sql))?.n;

  it('out of paper: the artisan is told why there is no ticket; no payment is taken until staff choose to go on without a receipt', async () => {
    await withDesk({ condition: { paper: 'out' } }, async (d, receipts) => {
      const asked = await d.orders.request({ rmNumber: '123123127RM078', year: 2026, chamber: 'CMA Test' }, PDF);
      assert.ok(asked.ok);
      assert.deepEqual([asked.value.ticket, asked.value.ticketWhy], ['not-printed', 'paper-out'], 'the order screen says no ticket, and why');
      assert.equal(receipts.received().length, 0, 'not a byte of ticket sent to a printer without paper');

      const [view] = await d.orders.list();
      assert.equal(view?.receiptPrinter, 'paper-out', 'the console says under the order what is wrong');
      assert.equal((await d.printers.statuses()).find((p) => p.role === 'receipt')?.state, 'paper-out', 'and in "Imprimantes"');

      const refused = await d.orders.pay(asked.value.orderId, 'cash', d.nadia);
      assert.deepEqual(refused.ok ? 'taken' : [refused.error.code, refused.error.params], ['RECEIPT_PRINTER_NOT_READY', { state: 'paper-out' }]);
      assert.equal(await orderState(d.db, asked.value.orderId), 'requested');
      assert.equal(await count(d, 'SELECT count(*) AS n FROM pvc_payments'), 0, 'no money taken');

      // Staff choose to go on without a receipt: the payment is taken once, the card printed.
      const paid = await d.orders.pay(asked.value.orderId, 'cash', d.nadia, { withoutReceipt: true });
      assert.ok(paid.ok);
      await eventually(async () => (await orderState(d.db, asked.value.orderId)) === 'printed', 'the card out');
      assert.equal(await count(d, 'SELECT count(*) AS n FROM pvc_payments'), 1);
      // The receipt is still tried once the card is out: the printer said no paper, nothing was sent.
      const receipt = await d.db.get<{ status: string; error_kind: string }>(
        "SELECT status, error_kind FROM print_jobs WHERE document LIKE 'receipt %' ORDER BY id DESC LIMIT 1",
      );
      assert.deepEqual({ ...receipt }, { status: 'failed', error_kind: 'receipt-paper-out' });
      assert.equal(receipts.received().length, 0);
    });
  });

  it('the cover closed: the console no longer holds the payment (a roll nearly done does not), and the payment receipt prints on the printer’s word', async () => {
    await withDesk({ condition: { coverOpen: true } }, async (d, receipts) => {
      const asked = await d.orders.request({ rmNumber: '401234562RE067', year: 2026, chamber: 'CMA Test' }, PDF);
      assert.ok(asked.ok);
      assert.equal(asked.value.ticketWhy, 'cover-open');
      assert.equal((await d.orders.list())[0]?.receiptPrinter, 'cover-open');
      receipts.set({ coverOpen: false, paper: 'near-end' });
      assert.equal((await d.orders.list())[0]?.receiptPrinter, null, 'a roll nearly done does not hold the payment');
      const paid = await d.orders.pay(asked.value.orderId, 'card', d.nadia);
      assert.ok(paid.ok);
      await eventually(async () => pc858Text(receipts.received()).includes('Reçu de paiement'), 'the payment receipt');
      await eventually(
        async () =>
          (await d.db.get<{ status: string }>("SELECT status FROM print_jobs WHERE document LIKE 'receipt %' ORDER BY id DESC LIMIT 1"))?.status ===
          'completed',
        'the receipt job completed',
      );
    });
  });

  it('a printer that never answers status: the ticket is "unconfirmed" on screen and "sent" in the jobs, never "printed"; payment is not held', async () => {
    await withDesk({ status: 'silent' }, async (d, receipts) => {
      const asked = await d.orders.request({ rmNumber: '123123127RM078', year: 2026, chamber: 'CMA Test' }, PDF);
      assert.ok(asked.ok);
      assert.deepEqual([asked.value.ticket, asked.value.ticketWhy], ['unconfirmed', null]);
      assert.match(pc858Text(receipts.received()), /À régler à l'accueil/, 'the ticket was sent');
      const job = await d.db.get<{ status: string; error_kind: string }>('SELECT status, error_kind FROM print_jobs ORDER BY id DESC LIMIT 1');
      assert.deepEqual({ ...job }, { status: 'sent', error_kind: 'receipt-unconfirmed' });
      assert.equal((await d.orders.list())[0]?.receiptPrinter, null, 'unknown is not "out of paper": the payment is offered');
      assert.equal((await d.printers.statuses()).find((p) => p.role === 'receipt')?.state, 'no-status');
    });
  });

  it('"Caisse du jour": the till ticket on a printer whose paper runs out mid-ticket is failed, with why (it may finish by itself); a printer that closes mid-ticket too', async () => {
    await withDesk({ paperRunsOutAfter: 80 }, async (d, receipts) => {
      const printed = await d.till.print(d.nadia);
      assert.ok(printed.ok);
      assert.deepEqual([printed.value.job.status, printed.value.job.errorKind], ['failed', 'receipt-paper-out-mid-ticket']);
      assert.equal(receipts.received().length, 80);
    });
    await withDesk({ closeAfter: 30 }, async (d) => {
      const printed = await d.till.print(d.nadia);
      assert.ok(printed.ok);
      assert.deepEqual([printed.value.job.status, printed.value.job.errorKind], ['failed', 'receipt-interrupted']);
    });
  });
});
