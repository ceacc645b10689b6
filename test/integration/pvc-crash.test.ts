import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEMO_REGISTRY_FILE } from '../../main/demo-registry/embedded.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import type { StaffOverview } from '../../main/shared/console.ts';
import { openDatabase } from '../../main/store/database.ts';
import { openStore } from '../../main/store/open-store.ts';
import { bridgeClient, ROOT, type RunningKiosk, startBrowserMode } from '../support/browser-mode.ts';
import { receivedFiles, startPrintChain } from '../support/print-services.ts';
import { eventually, pageSizes, pc858Text } from '../support/pvc.ts';
import { startTcpCapture } from '../support/tcp-capture.ts';
import { tempDir } from '../support/temp.ts';

const PIN = '482913';

/**
 * The kiosk process killed (SIGKILL) between "paid" and "printed", then started again on the
 * same data: one order, one payment, and one card, whatever the spooler had when it died.
 */
describe('the kiosk killed between payment and card', () => {
  let chain: Awaited<ReturnType<typeof startPrintChain>>;
  let receipts: Awaited<ReturnType<typeof startTcpCapture>>;
  const kiosks: RunningKiosk[] = [];
  before(async () => {
    chain = await startPrintChain(`KioskCrash${process.pid}`);
    receipts = await startTcpCapture();
  });
  after(async () => {
    for (const k of kiosks) await k.stop();
    await receipts?.close();
    await chain?.stop();
  });

  const start = async (dataDir: string) => {
    const k = await startBrowserMode(dataDir, { KIOSK_PRINTER_CARD: chain.queue, KIOSK_PRINTER_RECEIPT: receipts.address });
    kiosks.push(k);
    return { kiosk: k, invoke: bridgeClient(k) };
  };
  const cards = () => pageSizes(receivedFiles(chain.spoolDir)).filter((s) => s === '242.65 x 153.01').length;

  it('paid, the card on its way to the printer, kiosk killed: after the restart the card prints once and the receipt follows', async () => {
    const dataDir = tempDir('kiosk-crash-');
    const { kiosk, invoke } = await start(dataDir);
    assert.equal((await invoke('identity:identify', { rmNumber: '401234562RE067', birthDate: { day: '02', month: '03', year: '1975' } })).ok, true);
    assert.equal((await invoke('accounts:login', { email: 'jean-pierre.muller@example.com', password: 'Menuiserie-Muller-1975' })).ok, true);
    // No card without a photo: his, as the camera screen sends it.
    const jpeg = readFileSync(path.join(ROOT, 'assets/demo-photos/portrait.jpg')).toString('base64');
    assert.equal((await invoke('photo:set', { jpeg })).ok, true);
    const ordered = await invoke<{ number: string }>('order:request');
    assert.ok(ordered.ok);
    assert.equal((await invoke('session:end')).ok, true);
    assert.equal((await invoke('staff:setup', { name: 'Nadia', pin: PIN, confirmation: PIN })).ok, true);
    const overview = await invoke<StaffOverview>('staff:overview');
    assert.ok(overview.ok);
    const orderId = overview.value.orders[0]?.id ?? 0;

    // Payment is taken only with the card printer ready; the card is on its way (the virtual
    // printer takes a few seconds per job) when the kiosk is killed.
    const paid = await invoke<StaffOverview>('staff:order', { action: 'pay', orderId, method: 'card' });
    assert.ok(paid.ok);
    assert.equal(paid.value.orders[0]?.state, 'printing');
    await kiosk.kill();

    const again = await start(dataDir);
    assert.equal((await again.invoke('staff:login', { pin: PIN })).ok, true);
    await eventually(
      async () => {
        const r = await again.invoke<StaffOverview>('staff:overview');
        return r.ok && r.value.orders[0]?.state === 'printed';
      },
      'the order is printed after the restart',
      90_000,
    );
    assert.equal(cards(), 1, 'one card');
    await eventually(async () => pc858Text(receipts.received()).includes('Reçu de paiement'), 'the payment receipt');
    // The order's steps reach the registry through the outbox.
    await eventually(async () => {
      const r = await again.invoke<StaffOverview>('staff:sync-now');
      return r.ok && r.value.sync.pendingOperations === 0;
    }, 'the outbox is delivered');
    // A second restart finds nothing to do: still one card, one receipt.
    await again.kiosk.stop();
    const third = await start(dataDir);
    await third.kiosk.stop();
    assert.equal(cards(), 1);
    assert.equal(pc858Text(receipts.received()).split('Reçu de paiement').length - 1, 1, 'one payment receipt');

    const db = await openStore(dataDir, memoryLogger());
    const count = async (sql: string) => (await db.get<{ n: number }>(sql))?.n;
    assert.equal(await count('SELECT count(*) AS n FROM pvc_orders'), 1);
    assert.equal(await count('SELECT count(*) AS n FROM pvc_payments'), 1);
    assert.equal(await count("SELECT count(*) AS n FROM print_jobs WHERE role = 'card'"), 1);
    await db.close();
    const registry = await openDatabase(path.join(dataDir, DEMO_REGISTRY_FILE), memoryLogger());
    const events = await registry.all<{ event: string }>(
      "SELECT json_extract(payload, '$.event') AS event FROM operations WHERE type = 'pvc-order-event' ORDER BY at, rowid",
    );
    assert.deepEqual(
      events.map((e) => e.event),
      ['requested', 'paid', 'printed'],
    );
    await registry.close();
  });
});
