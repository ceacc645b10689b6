import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PrintError } from '../../main/printing/print-errors.ts';
import { formatEuros, printReceipt } from '../../main/printing/receipt.ts';
import { startTcpCapture } from '../support/tcp-capture.ts';

const ESC = 0x1b;
const GS = 0x1d;

describe('receipts on a network thermal printer (ESC/POS over real TCP)', () => {
  it('sends init, the PC858 code page, é and € as that page encodes them, the QR code and the cut', async () => {
    const printer = await startTcpCapture();
    await printReceipt(printer.address, {
      title: 'À régler à l’accueil',
      chamber: 'CMA Île-de-France',
      orderNumber: 'PVC-2026-000042',
      amountCents: 500,
      at: new Date(2026, 10, 27, 14, 5),
    });
    await new Promise((r) => setTimeout(r, 100));
    const bytes = printer.received();
    await printer.close();
    assert.deepEqual([...bytes.subarray(0, 2)], [ESC, 0x40], 'ESC @ first');
    assert.ok(bytes.includes(Buffer.from([ESC, 0x74, 19])), 'ESC t 19: code page PC858');
    // PC858: é is 0x82, € is 0xD5, î is 0x8C.
    assert.ok(bytes.includes(Buffer.from('5,00 \xd5', 'latin1')), 'the amount with its € sign');
    assert.ok(bytes.includes(Buffer.from('r\x82gler', 'latin1')), 'é of "régler"');
    assert.ok(bytes.includes(Buffer.from('CMA \xd7le', 'latin1')), 'Î of "Île" (0xD7)');
    assert.ok(bytes.includes(Buffer.from("\xb7 r\x82gler \x85 l'accueil", 'latin1')), 'À (0xB7), à (0x85), and the apostrophe made plain');
    assert.ok(bytes.includes(Buffer.from('Commande n\xf8 PVC-2026-000042', 'latin1')), 'the order number (° is 0xF8)');
    assert.ok(bytes.includes(Buffer.from('27/11/2026 14:05')), 'date and time');
    assert.ok(bytes.includes(Buffer.from([GS, 0x28, 0x6b])), 'GS ( k: a QR code');
    assert.ok(bytes.includes(Buffer.from('PVC-2026-000042')), 'the QR carries the order number');
    assert.ok(bytes.includes(Buffer.from([GS, 0x56])), 'GS V: the cut');
  });

  it('says in words when the printer is not there', async () => {
    const gone = await startTcpCapture();
    const address = gone.address;
    await gone.close();
    await assert.rejects(
      printReceipt(
        address,
        { title: 'Reçu', chamber: 'CMA', orderNumber: 'X', amountCents: 500, at: new Date() },
        { answerMs: 1000, printMs: 1000, pollMs: 100 },
      ),
      (e: unknown) => e instanceof PrintError && e.kind === 'receipt-offline' && /does not answer/.test(e.message),
    );
  });

  it('writes amounts the French way', () => {
    assert.deepEqual([formatEuros(500), formatEuros(1234), formatEuros(7)], ['5,00 €', '12,34 €', '0,07 €']);
  });
});
