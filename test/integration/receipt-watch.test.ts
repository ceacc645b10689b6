import assert from 'node:assert/strict';
import net from 'node:net';
import { describe, it } from 'node:test';
import { createEventBus } from '../../main/events/events.ts';
import { createReceiptWatch } from '../../main/events/receipt-watch.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { askReceiptPrinterIfIdle, type ReceiptTimeouts } from '../../main/printing/escpos-link.ts';
import { createPrintService } from '../../main/printing/print-service.ts';
import { createPrintersService } from '../../main/printing/printers-service.ts';
import { printReceipt } from '../../main/printing/receipt.ts';
import { cupsSpooler } from '../../main/printing/spooler.ts';
import { readPrinters, writePrinter } from '../../main/settings/printer-settings.ts';
import type { KioskEvent } from '../../main/shared/events.ts';
import { openStore } from '../../main/store/open-store.ts';
import { eventually } from '../support/pvc.ts';
import { startTcpCapture } from '../support/tcp-capture.ts';
import { tempDir } from '../support/temp.ts';

const quick: ReceiptTimeouts = { answerMs: 1000, printMs: 5000, pollMs: 100 };
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A watch on `address` every `everyMs`, and the events it told the console. */
function watching(address: () => string | null, everyMs: number) {
  const log = memoryLogger();
  const bus = createEventBus(log);
  const heard: KioskEvent[] = [];
  bus.subscribe((e) => heard.push(e));
  const watch = createReceiptWatch({
    bus,
    printer: async () => address(),
    ask: (p) => askReceiptPrinterIfIdle(p, quick),
    everyMs,
    maxBackoffMs: 2000,
    log,
  });
  const told = () => heard.filter((e) => e.kind === 'printer-state' && e.role === 'receipt').length;
  return { watch, told, log };
}

/**
 * The thermal printer watched while no one prints (the real TCP stand-in that answers ESC/POS
 * status as an Epson does): the console hears of a roll run out, a cover open or a printer gone
 * silent before a ticket is due, and a ticket is never interrupted by the watch's questions.
 */
describe('the receipt printer watched while the kiosk is idle', () => {
  it('paper out, cover open, paper back, then switched off: each change is told, with the state it is in', async () => {
    const printer = await startTcpCapture();
    const { watch, told, log } = watching(() => printer.address, 100);
    try {
      await eventually(async () => watch.state() === 'ready', 'the first answer');
      assert.equal(told(), 0, 'the first answer is the baseline the console reads by itself');

      printer.set({ paper: 'out' });
      await eventually(async () => watch.state() === 'paper-out', 'the roll run out, seen with no ticket printing');
      await eventually(async () => told() === 1, 'the console told');

      printer.set({ coverOpen: true });
      await eventually(async () => watch.state() === 'cover-open', 'the cover opened');
      printer.set({ coverOpen: false, paper: 'ok' });
      await eventually(async () => watch.state() === 'ready', 'a roll loaded, the cover closed');
      assert.equal(told(), 3);

      await printer.close();
      await eventually(async () => watch.state() === 'offline', 'the printer switched off: it does not answer');
      assert.equal(told(), 4);
      assert.ok(
        log.lines.some((l) => /receipt-printer-state/.test(l) && /"state":"paper-out"/.test(l)),
        'the log keeps when the roll ran out',
      );
    } finally {
      watch.stop();
      await printer.close().catch(() => undefined);
    }
  });

  it('a console read that disagrees with the watch (its question timed out) is put right at the next look', async () => {
    const printer = await startTcpCapture();
    const { watch, told } = watching(() => printer.address, 100);
    try {
      await eventually(async () => watch.state() === 'ready', 'the first answer');
      printer.set({ paper: 'out' });
      await eventually(async () => told() === 1, 'the roll run out, told');
      // The console re-reads on that event, but its question times out on a loaded machine: it
      // shows "offline". The printer still says paper-out: the console must be told again.
      watch.heard(printer.address, 'offline');
      await eventually(async () => told() === 2, 'told again, so the console reads what the printer says');
      assert.equal(watch.state(), 'paper-out');
    } finally {
      watch.stop();
      await printer.close();
    }
  });

  it('a change between the console’s own read and the watch’s first answer is told', async () => {
    const printer = await startTcpCapture();
    // The console opened and read "ready" before the watch asked anything.
    const { watch, told } = watching(() => printer.address, 300);
    watch.heard(printer.address, 'ready');
    printer.set({ coverOpen: true });
    try {
      await eventually(async () => watch.state() === 'cover-open', 'the watch’s first answer');
      await eventually(async () => told() === 1, 'the console told of the open cover');
    } finally {
      watch.stop();
      await printer.close();
    }
  });

  it('the panel is told of what it never showed: a payment check\u2019s answer does not count as shown; a read of the old printer says nothing of the new', async () => {
    const a = await startTcpCapture({ answerDelayMs: 300 });
    const b = await startTcpCapture();
    const db = await openStore(tempDir(), memoryLogger());
    const log = memoryLogger();
    const bus = createEventBus(log);
    let told = 0;
    bus.subscribe((e) => {
      if (e.kind === 'printer-state' && e.role === 'receipt') told++;
    });
    await db.transaction((tx) => writePrinter(tx, 'receipt', a.address));
    let held = false;
    // Holds the watch's questions, once the one on its way (three answers of 300 ms) is in.
    const hold = async () => {
      held = true;
      await pause(1200);
    };
    // Wired as the kiosk does: the watch asks the printer set now, the panel's reads are heard.
    const watch = createReceiptWatch({
      bus,
      printer: async () => (await readPrinters(db, {})).receipt,
      // The test holds the watch's questions back where the order of events matters.
      ask: (p) => (held ? null : askReceiptPrinterIfIdle(p, quick)),
      everyMs: 100,
      maxBackoffMs: 2000,
      log,
    });
    const printers = createPrintersService({
      db,
      print: createPrintService({ db, clock: () => new Date(), log, spooler: cupsSpooler, receiptTimeouts: quick }),
      spooler: cupsSpooler,
      defaults: {},
      chamber: async () => 'CMA Test',
      clock: () => new Date(),
      log,
      receiptTimeouts: quick,
      onReceiptAnswer: watch.heard,
    });
    try {
      await printers.statuses();
      await eventually(async () => watch.state() === 'ready', 'the watch\u2019s first answer');
      // The roll runs out; the check before a payment sees it first. The panel still says ready.
      await hold();
      a.set({ paper: 'out' });
      assert.equal(await printers.receiptState(), 'paper-out');
      held = false;
      await eventually(async () => told === 1, 'the panel told, though a payment check saw it first');

      // A panel read of printer A still on its way while staff set printer B, and the panel
      // reads B (as it does when a printer is set); then A's late answer comes in.
      await hold();
      const lateRead = printers.statuses();
      await db.transaction((tx) => writePrinter(tx, 'receipt', b.address));
      await printers.statuses();
      await lateRead;
      const before = told;
      b.set({ coverOpen: true });
      held = false;
      await eventually(async () => told > before, 'B\u2019s open cover told: the late read of A did not take the watch back to A');
      assert.equal(watch.state(), 'cover-open');
    } finally {
      watch.stop();
      await a.close();
      await b.close();
      await db.close();
    }
  });

  it('a printer that does not answer is asked less and less often', async () => {
    // Takes the connection and drops it: a printer that cannot be talked to, each attempt counted.
    let attempts = 0;
    const dead = net.createServer((s) => {
      attempts += 1;
      s.destroy();
    });
    await new Promise<void>((r) => dead.listen(0, '127.0.0.1', () => r()));
    const address = `tcp://127.0.0.1:${(dead.address() as net.AddressInfo).port}`;
    const { watch } = watching(() => address, 100);
    try {
      await eventually(async () => watch.state() === 'offline', 'seen as not answering');
      const from = attempts;
      await pause(3000);
      // Every 100 ms that would be about 30; doubling from 200 ms it is 200 + 400 + 800 + 1600 ms: 3 or 4.
      assert.ok(attempts - from <= 5, `asked ${attempts - from} times in 3 s`);
      assert.ok(attempts - from >= 2, `still asked (${attempts - from} times in 3 s): it is seen when it comes back`);
    } finally {
      watch.stop();
      await new Promise<void>((r) => dead.close(() => r()));
    }
  });

  it('a ticket printing is never interleaved with the watch’s questions', async () => {
    // Each answer takes 150 ms: the ticket is on the line for about 600 ms, the watch asks every 20 ms.
    const printer = await startTcpCapture({ answerDelayMs: 150 });
    const { watch } = watching(() => printer.address, 20);
    try {
      await eventually(async () => watch.state() === 'ready', 'the first answer');
      const before = printer.questions().length;
      const outcome = await printReceipt(
        printer.address,
        {
          title: 'Reçu de paiement',
          chamber: 'CMA Test',
          orderNumber: 'PVC-2026-000001',
          amountCents: 500,
          at: new Date(2026, 10, 27, 14, 5),
        },
        quick,
      );
      assert.deepEqual(outcome, { kind: 'printed', after: 'ready' });
      const asked = printer.questions().slice(before);
      const end = asked.indexOf('GS r 1');
      // The ticket's own questions, one after the other, on its turn: no watch's question between.
      assert.deepEqual(asked.slice(0, end + 1).slice(-4), ['DLE EOT 1', 'DLE EOT 2', 'DLE EOT 4', 'GS r 1']);
      const start = asked.lastIndexOf('DLE EOT 1', end);
      assert.equal(end - start, 3, `questions during the ticket: ${asked.slice(start, end + 1).join(', ')}`);
    } finally {
      watch.stop();
      await printer.close();
    }
  });
});
