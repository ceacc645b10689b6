import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { memoryLogger } from '../../main/logging/logger.ts';
import { createPvcOrderService } from '../../main/orders/pvc-order-service.ts';
import { createTillService } from '../../main/orders/till-service.ts';
import { createPrintService } from '../../main/printing/print-service.ts';
import { cupsSpooler } from '../../main/printing/spooler.ts';
import { readPrinters, writePrinter } from '../../main/settings/printer-settings.ts';
import type { TillDay } from '../../main/shared/till.ts';
import { createStaffService } from '../../main/staff/staff-service.ts';
import { openStore } from '../../main/store/open-store.ts';
import { tillOf } from '../../main/store/till-repo.ts';
import { eventually, pc858Text } from '../support/pvc.ts';
import { startTcpCapture } from '../support/tcp-capture.ts';
import { tempDir } from '../support/temp.ts';

// The kiosk's local day is Paris's here, so that a day's edge is not UTC's midnight.
process.env.TZ = 'Europe/Paris';

/** A port nothing listens on: a receipt printer switched off. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** The ticket's words: ESC/POS commands (ESC x n, GS x n) taken out, then the text as PC858 prints it. */
function ticketText(bytes: Buffer): string {
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0x1b) i += bytes[i + 1] === 0x40 ? 1 : 2;
    else if (b === 0x1d) i += 2;
    else out.push(b);
  }
  return pc858Text(Buffer.from(out));
}

const money = (till: TillDay) => ({
  total: till.total,
  byMethod: till.byMethod,
  byAgent: till.byAgent.map(({ staffId: _id, ...a }) => a),
  refundedFromEarlierDays: till.refundedFromEarlierDays,
});
const line = (paid: [number, number], refunded: [number, number]) => ({
  paid: { count: paid[0], cents: paid[1] },
  refunded: { count: refunded[0], cents: refunded[1] },
  netCents: paid[1] - refunded[1],
});

describe('"Caisse du jour": the day’s takings from the store, and the till’s ticket', () => {
  let receipts: Awaited<ReturnType<typeof startTcpCapture>>;
  before(async () => {
    receipts = await startTcpCapture();
  });
  after(async () => {
    await receipts?.close();
  });

  /** A desk with two agents; the clock is the test's. Card jobs go to a queue CUPS does not have, so a paid card fails and can be refunded. */
  async function desk(receiptPrinter: string | null) {
    let now = new Date('2026-11-30T16:00:00Z');
    const clock = () => now;
    const db = await openStore(tempDir(), memoryLogger());
    const staff = createStaffService({ db, clock, log: memoryLogger() });
    const setup = await staff.setup({ name: 'Nadia', pin: '482913', confirmation: '482913' });
    assert.ok(setup.ok && setup.value.member);
    const nadia = setup.value.member;
    const added = await staff.addMember({ name: 'Sophie Martin', pin: '730418', confirmation: '730418' }, nadia);
    const sophie = added.ok ? added.value.find((m) => m.name === 'Sophie Martin') : undefined;
    assert.ok(sophie);
    await db.transaction(async (tx) => {
      await writePrinter(tx, 'card', `KioskTillNoSuchQueue${process.pid}`);
      if (receiptPrinter) await writePrinter(tx, 'receipt', receiptPrinter);
    });
    const print = createPrintService({ db, clock, log: memoryLogger(), spooler: cupsSpooler });
    const orders = createPvcOrderService({
      db,
      print,
      printers: () => readPrinters(db),
      // Ready when asked, gone when the card is sent (as a printer unplugged in between): the
      // card fails, which is what lets these tests refund; the till is about the money only.
      cardState: async () => 'ready',
      clock,
      log: memoryLogger(),
      pollMs: 100,
    });
    const till = createTillService({ db, print, printers: () => readPrinters(db), chamber: async () => 'CMA Test', clock, log: memoryLogger() });
    let n = 0;
    /** An order asked for and paid at `at`, by `who`; its card fails at once. */
    const paid = async (at: string, method: 'cash' | 'card', who: { id: number; name: string }) => {
      now = new Date(at);
      n += 1;
      const asked = await orders.request({ rmNumber: `40123456${n}RE067`, year: 2026, chamber: 'CMA Test' }, new Uint8Array([37, 80, 68, 70]), {
        ticket: false,
      });
      assert.ok(asked.ok);
      const done = await orders.pay(asked.value.orderId, method, who);
      assert.ok(done.ok, 'payment taken');
      await eventually(
        async () => (await db.get<{ state: string }>('SELECT state FROM pvc_orders WHERE id = ?', [asked.value.orderId]))?.state === 'failed',
        'the card failed',
      );
      return asked.value.orderId;
    };
    const refund = async (orderId: number, at: string, method: 'cash' | 'card', who: { id: number; name: string }) => {
      now = new Date(at);
      const r = await orders.refund(orderId, method, 'Imprimante à cartes en panne', who);
      assert.ok(r.ok, 'refunded');
    };
    return { db, till, paid, refund, nadia, sophie, setNow: (at: string) => (now = new Date(at)) };
  }

  it('a day with no orders gives zeros for both means and no agent (not an empty answer), and its ticket prints the zeros', async () => {
    const d = await desk(receipts.address);
    d.setNow('2026-12-01T09:00:00Z');
    const today = await d.till.day();
    assert.ok(today.ok);
    assert.equal(today.value.day, '2026-12-01');
    assert.deepEqual(money(today.value), {
      total: line([0, 0], [0, 0]),
      byMethod: [
        { method: 'cash', ...line([0, 0], [0, 0]) },
        { method: 'card', ...line([0, 0], [0, 0]) },
      ],
      byAgent: [],
      refundedFromEarlierDays: 0,
    });
    const before = receipts.received().length;
    const printed = await d.till.print(d.nadia);
    assert.equal(printed.ok && printed.value.job.status, 'completed');
    const ticket = ticketText(receipts.received().subarray(before));
    assert.match(ticket, /Caisse du jour[\s\S]*Journée du 01\/12\/2026/);
    assert.match(ticket, /Encaissé \(0 commande\)\s+0,00 €/);
    assert.match(ticket, /Aucun encaissement ni remboursement/);
    assert.match(ticket, /Imprimé par Nadia/);
    await d.db.close();
  });

  it('two agents, cash and card; a refund today of yesterday’s order counts today, and the ticket says which day refunds count in', async () => {
    const d = await desk(receipts.address);
    // Yesterday, 17:00 in Paris: Nadia takes 5 € in cash.
    const yesterdays = await d.paid('2026-11-30T16:00:00Z', 'cash', d.nadia);
    // Today: Nadia takes one in cash, Sophie one by card; Sophie gives yesterday's back in cash.
    await d.paid('2026-12-01T08:00:00Z', 'cash', d.nadia);
    const todays = await d.paid('2026-12-01T09:30:00Z', 'card', d.sophie);
    await d.refund(yesterdays, '2026-12-01T10:00:00Z', 'cash', d.sophie);
    // 23:30 UTC is already 00:30 tomorrow at the kiosk: not today's.
    await d.paid('2026-12-01T23:30:00Z', 'card', d.nadia);
    d.setNow('2026-12-01T18:00:00Z');

    const today = await d.till.day();
    assert.ok(today.ok);
    assert.deepEqual(money(today.value), {
      total: line([2, 1000], [1, 500]),
      byMethod: [
        { method: 'cash', ...line([1, 500], [1, 500]) },
        { method: 'card', ...line([1, 500], [0, 0]) },
      ],
      byAgent: [
        { name: 'Nadia', ...line([1, 500], [0, 0]) },
        { name: 'Sophie Martin', ...line([1, 500], [1, 500]) },
      ],
      refundedFromEarlierDays: 1,
    });
    // Yesterday keeps its payment: the refund did not move back in time.
    const yesterday = await d.till.day('2026-11-30');
    assert.deepEqual(yesterday.ok && money(yesterday.value).total, line([1, 500], [0, 0]));
    const tomorrow = await tillOf(d.db, '2026-12-02');
    assert.deepEqual(tomorrow.total, line([1, 500], [0, 0]), 'the payment at 00:30 local time counts on its local day');
    const later = await d.till.day('2026-12-02');
    assert.equal(!later.ok && later.error.code, 'TILL_DAY_INVALID', 'no till for a day to come');

    // A refund of today's order made today: in and out the same day, not "from an earlier day".
    await d.refund(todays, '2026-12-01T18:10:00Z', 'card', d.nadia);
    const after = await d.till.day();
    assert.deepEqual(after.ok && [money(after.value).total, after.value.refundedFromEarlierDays], [line([2, 1000], [2, 1000]), 1]);

    const before = receipts.received().length;
    const printed = await d.till.print(d.sophie);
    assert.ok(printed.ok);
    assert.equal(printed.value.job.status, 'completed');
    const ticket = ticketText(receipts.received().subarray(before));
    assert.match(ticket, /CMA Test/);
    assert.match(ticket, /Journée du 01\/12\/2026/);
    assert.match(ticket, /Total\s+Encaissé \(2 commandes\)\s+10,00 €\s+Remboursé \(2 commandes\)\s+-10,00 €\s+Net\s+0,00 €/);
    assert.match(ticket, /Espèces\s+Encaissé \(1 commande\)\s+5,00 €\s+Remboursé \(1 commande\)\s+-5,00 €/);
    assert.match(ticket, /Carte bancaire\s+Encaissé \(1 commande\)\s+5,00 €\s+Remboursé \(1 commande\)\s+-5,00 €/);
    assert.match(ticket, /Par agent\s+Nadia\s+Encaissé \(1 commande\)\s+5,00 €\s+Remboursé \(1 commande\)\s+-5,00 €/);
    assert.match(ticket, /Sophie Martin\s+Encaissé \(1 commande\)\s+5,00 €\s+Remboursé \(1 commande\)\s+-5,00 €/);
    assert.match(ticket, /Un remboursement compte le jour où il est\sfait, même pour une commande payée un\sautre jour/);
    assert.match(ticket, /Dont 1 commande payée un jour précédent/);
    assert.match(ticket, /Imprimé par Sophie Martin/);
    const audit = await d.db.get<{ actor: string; details: string }>("SELECT actor, details FROM audit_log WHERE action = 'till-printed'");
    assert.deepEqual(audit && [audit.actor, JSON.parse(audit.details)], [
      `staff:${d.sophie.id}`,
      { day: '2026-12-01', paidCents: 1000, refundedCents: 1000, printed: true },
    ]);
    await d.db.close();
  });

  it('the receipt printer switched off: the ticket does not print, the job says why, and the figures are still there', async () => {
    const d = await desk(`tcp://127.0.0.1:${await closedPort()}`);
    await d.paid('2026-12-01T08:00:00Z', 'cash', d.nadia);
    const printed = await d.till.print(d.nadia);
    assert.ok(printed.ok, 'a printer that is off is not a refusal: the figures come back with the failed job');
    assert.deepEqual([printed.value.job.status, printed.value.job.errorKind], ['failed', 'receipt-offline']);
    assert.deepEqual(printed.value.till.total, line([1, 500], [0, 0]));
    const again = await d.till.day();
    assert.deepEqual(again.ok && again.value.total, line([1, 500], [0, 0]), 'nothing lost');
    const job = await d.db.get<{ status: string; document: string }>("SELECT status, document FROM print_jobs WHERE role = 'receipt' ORDER BY id DESC");
    assert.deepEqual(job, { status: 'failed', document: 'till 2026-12-01' });
    await d.db.close();
  });

  it('no receipt printer set: refused in words (PRINTER_NOT_SET), the figures still on screen', async () => {
    const d = await desk(null);
    d.setNow('2026-12-01T09:00:00Z');
    const printed = await d.till.print(d.nadia);
    assert.equal(!printed.ok && printed.error.code, 'PRINTER_NOT_SET');
    assert.ok((await d.till.day()).ok);
    await d.db.close();
  });
});
