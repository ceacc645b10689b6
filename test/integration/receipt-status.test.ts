import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { askReceiptPrinter, type ReceiptTimeouts } from '../../main/printing/escpos-link.ts';
import { PrintError } from '../../main/printing/print-errors.ts';
import { printReceipt, type Receipt } from '../../main/printing/receipt.ts';
import type { PrintErrorKind } from '../../main/shared/print-error-kinds.ts';
import { translate } from '../../renderer/i18n/index.tsx';
import { pc858Text } from '../support/pvc.ts';
import { type CaptureOptions, startTcpCapture } from '../support/tcp-capture.ts';

// Short waits: every stand-in here answers at once or not at all, except the slow one, whose
// delay is well inside `answerMs` (its timer and the kiosk's run on this one event loop).
const quick: ReceiptTimeouts = { answerMs: 1000, printMs: 3000, pollMs: 100 };
const receipt: Receipt = {
  title: 'Reçu de paiement',
  chamber: 'CMA Île-de-France',
  orderNumber: 'PVC-2026-000042',
  amountCents: 500,
  at: new Date(2026, 10, 27, 14, 5),
};
const ASKED_BEFORE = ['DLE EOT 1', 'DLE EOT 2', 'DLE EOT 4'];

async function withPrinter<T>(options: CaptureOptions, run: (printer: Awaited<ReturnType<typeof startTcpCapture>>) => Promise<T>): Promise<T> {
  const printer = await startTcpCapture(options);
  try {
    return await run(printer);
  } finally {
    await printer.close();
  }
}

const refusedAs = (kind: PrintErrorKind, words?: RegExp) => (e: unknown) => e instanceof PrintError && e.kind === kind && (!words || words.test(e.message));

describe('a receipt printer asked how it stands, in ESC/POS, over real TCP', () => {
  it('a printer with paper prints the ticket, and says so only after the ticket (GS r after the cut)', async () => {
    await withPrinter({}, async (printer) => {
      const outcome = await printReceipt(printer.address, receipt, quick);
      assert.deepEqual(outcome, { kind: 'printed', after: 'ready' });
      assert.deepEqual(printer.questions(), [...ASKED_BEFORE, 'GS r 1']);
      const out = printer.received();
      assert.deepEqual([...out.subarray(0, 2)], [0x1b, 0x40], 'the ticket starts with ESC @, the questions are not printed');
      assert.match(pc858Text(out), /Reçu de paiement[\s\S]*5,00 €/);
      assert.equal(await askReceiptPrinter(printer.address, quick), 'ready');
    });
  });

  it('out of paper: nothing of the ticket is sent, and the console is told "paper-out"', async () => {
    await withPrinter({ condition: { paper: 'out' } }, async (printer) => {
      await assert.rejects(printReceipt(printer.address, receipt, quick), refusedAs('receipt-paper-out', /before the ticket: nothing sent/));
      assert.equal(printer.received().length, 0, 'no byte of the ticket');
      assert.deepEqual(printer.questions(), ASKED_BEFORE);
      assert.equal(await askReceiptPrinter(printer.address, quick), 'paper-out');
      printer.set({ paper: 'ok' });
      assert.deepEqual(await printReceipt(printer.address, receipt, quick), { kind: 'printed', after: 'ready' }, 'a roll loaded: it prints');
    });
  });

  it('near the end of the roll: the ticket prints, and the roll is said to be nearly done', async () => {
    await withPrinter({ condition: { paper: 'near-end' } }, async (printer) => {
      assert.equal(await askReceiptPrinter(printer.address, quick), 'paper-near-end');
      assert.deepEqual(await printReceipt(printer.address, receipt, quick), { kind: 'printed', after: 'paper-near-end' });
      assert.match(pc858Text(printer.received()), /Reçu de paiement/);
    });
  });

  it('cover open: nothing sent, "cover-open"; a printer stopped on an error: nothing sent, "printer-error"', async () => {
    await withPrinter({ condition: { coverOpen: true } }, async (printer) => {
      await assert.rejects(printReceipt(printer.address, receipt, quick), refusedAs('receipt-cover-open'));
      assert.equal(await askReceiptPrinter(printer.address, quick), 'cover-open');
      printer.set({ coverOpen: false, error: true });
      await assert.rejects(printReceipt(printer.address, receipt, quick), refusedAs('receipt-error'));
      assert.equal(await askReceiptPrinter(printer.address, quick), 'printer-error');
      assert.equal(printer.received().length, 0);
    });
  });

  it('a printer that never answers status: the ticket is sent and called unconfirmed, never printed', async () => {
    await withPrinter({ status: 'silent' }, async (printer) => {
      assert.deepEqual(await printReceipt(printer.address, receipt, quick), { kind: 'unconfirmed', why: 'no-status' });
      assert.match(pc858Text(printer.received()), /Reçu de paiement/, 'the ticket went out all the same');
      assert.deepEqual(printer.questions(), ['DLE EOT 1', 'GS r 1'], 'one silence is enough: not asked twice more');
      assert.equal(await askReceiptPrinter(printer.address, quick), 'no-status');
    });
  });

  it('a printer that answers garbage: unconfirmed, and its garbage is not taken for "printed"', async () => {
    await withPrinter({ status: 'garbage' }, async (printer) => {
      assert.deepEqual(await printReceipt(printer.address, receipt, quick), { kind: 'unconfirmed', why: 'garbled' });
      assert.equal(await askReceiptPrinter(printer.address, quick), 'no-status');
    });
  });

  it('a printer that closes the connection in the middle of the ticket: interrupted, not printed', async () => {
    await withPrinter({ closeAfter: 40 }, async (printer) => {
      await assert.rejects(printReceipt(printer.address, receipt, quick), refusedAs('receipt-interrupted'));
      assert.equal(printer.received().length, 40, 'only the start of the ticket reached it');
    });
  });

  it('paper that runs out in the middle of the ticket: the printer stops, and the kiosk hears it stopped, with the rest still in the printer', async () => {
    await withPrinter({ paperRunsOutAfter: 60 }, async (printer) => {
      await assert.rejects(printReceipt(printer.address, receipt, quick), refusedAs('receipt-paper-out-mid-ticket', /during the ticket/));
      // An Epson finishes the ticket once a roll is loaded: staff are told before they print it again.
      assert.match(
        translate('fr', 'print.error.receipt-paper-out-mid-ticket'),
        /le ticket peut reprendre seul à la remise du papier : vérifiez avant de réimprimer/,
      );
      assert.match(translate('en', 'print.error.receipt-paper-out-mid-ticket'), /may finish by itself once the paper is back: check before printing it again/);
      assert.equal(printer.received().length, 60);
      assert.ok(printer.questions().includes('DLE EOT 2'), 'asked while the ticket was out why the printer had stopped');
    });
  });

  it('a printer that answers slowly is waited for: printed, on its word', async () => {
    await withPrinter({ answerDelayMs: 200 }, async (printer) => {
      assert.deepEqual(await printReceipt(printer.address, receipt, quick), { kind: 'printed', after: 'ready' });
      assert.equal(await askReceiptPrinter(printer.address, quick), 'ready');
    });
  });

  it('a printer not there: "offline", and a ticket for it says the printer does not answer', async () => {
    const gone = await startTcpCapture();
    await gone.close();
    assert.equal(await askReceiptPrinter(gone.address, quick), 'offline');
    await assert.rejects(printReceipt(gone.address, receipt, quick), refusedAs('receipt-offline', /does not answer/));
  });
});
