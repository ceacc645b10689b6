import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sqlite3 from 'sqlite3';
import { memoryLogger } from '../../main/logging/logger.ts';
import { createPvcOrderService } from '../../main/orders/pvc-order-service.ts';
import type { SpoolState } from '../../main/printing/cups.ts';
import { createPrintService } from '../../main/printing/print-service.ts';
import type { Spooler } from '../../main/printing/spooler.ts';
import { createStaffService } from '../../main/staff/staff-service.ts';
import { openStore } from '../../main/store/open-store.ts';
import { eventually, orderState, pc858Text } from '../support/pvc.ts';
import { startTcpCapture } from '../support/tcp-capture.ts';
import { tempDir } from '../support/temp.ts';

const CAMILLE = '123123127RM078';
const PDF = new Uint8Array(Buffer.from('%PDF-1.7\n%%EOF\n'));

/** A second connection to the same store file, as another process of the kiosk (a CLI, a second kiosk started by mistake) would open. */
function otherConnection(file: string) {
  const raw = new sqlite3.Database(file);
  const exec = (sql: string) => new Promise<void>((res, rej) => raw.exec(sql, (e) => (e ? rej(e) : res())));
  return { exec, close: () => new Promise<void>((res, rej) => raw.close((e) => (e ? rej(e) : res()))) };
}

/**
 * The cases of SQLITE_BUSY while a paid PVC order is followed (main/orders/pvc-order-service.ts,
 * `follow`): another connection holds the store's write lock longer than its busy_timeout (5 s)
 * at the moment the card printer says the card is out.
 *  1. The follower's write (the job completed, the order printed) fails with SQLITE_BUSY: the order
 *     stays "printing" (not failed, not printed), the follower does not give up.
 *  2. The log says the follower failed, with the error's kind and place, never the artisan's RM
 *     number, name, or the agent's name.
 *  3. The lock released, the follower carries on by itself: the order is printed, once.
 *  4. One card sent to the spooler, one payment, one "printed" in the audit log and in the outbox.
 *  5. The lock taken just as the payment receipt goes to the thermal printer (the card is out, the
 *     order printed), before its hand-over or its end can be written: once the lock is released
 *     the receipt comes out, once; a restart of the kiosk does not print it a second time
 *     (a receipt handed over and not seen end is never sent again by itself): one payment, one
 *     receipt.
 */
/**
 * The card printer, a stand-in spooler (the lock, not the printer, is what is tested here): it
 * takes each job, counted (a second card would be a second submit), finds a job by its tag, and
 * answers `state()` for any job.
 */
function cardPrinter(state: () => SpoolState): { spooler: Spooler; submitted: string[] } {
  const submitted: string[] = [];
  const spooler: Spooler = {
    findsByTag: true,
    submit: async (_queue, _file, _role, _title, tag) => {
      submitted.push(tag);
      return `Card-${submitted.length}`;
    },
    findByTag: async (_queue, tag) => (submitted.includes(tag) ? `Card-${submitted.indexOf(tag) + 1}` : null),
    jobState: async () => state(),
    queueState: async () => 'ready',
  };
  return { spooler, submitted };
}

describe('SQLITE_BUSY while a paid PVC order is followed', () => {
  it('another connection holds the write lock past busy_timeout: the order waits "printing", then ends printed once; one card, one payment; the log names no one', async () => {
    const db = await openStore(tempDir(), memoryLogger());
    const log = memoryLogger();
    const clock = () => new Date();
    // It says the card is printing until told the card is out.
    let state: SpoolState = 'pending';
    const { spooler, submitted } = cardPrinter(() => state);
    const print = createPrintService({ db, clock, log, spooler });
    const orders = createPvcOrderService({
      db,
      print,
      printers: async () => ({ card: 'Card', paper: null, receipt: null }),
      cardState: async () => 'ready',
      clock,
      log,
      pollMs: 50,
    });
    const staff = createStaffService({ db, clock, log });
    const setup = await staff.setup({ name: 'Nadia Benali', pin: '482913', confirmation: '482913' });
    assert.ok(setup.ok && setup.value.member);
    const nadia = { id: setup.value.member.id, name: setup.value.member.name };
    const other = otherConnection(db.file);
    try {
      const asked = await orders.request({ rmNumber: CAMILLE, year: 2026, chamber: 'CMA Test' }, PDF, { ticket: false });
      assert.ok(asked.ok);
      const orderId = asked.value.orderId;
      const paid = await orders.pay(orderId, 'cash', nadia);
      assert.ok(paid.ok);
      assert.equal(paid.value.state, 'printing');
      assert.ok(orders.busy(), 'the order is followed');

      // Case 1: the write lock taken elsewhere, then the card comes out.
      await other.exec('BEGIN IMMEDIATE');
      state = 'completed';
      await eventually(async () => log.lines.some((l) => l.includes('"pvc-follow-failed"')), 'the follower meets the lock', 20_000);
      assert.equal(await orderState(db, orderId), 'printing', 'neither failed nor printed while the store is locked');
      assert.ok(orders.busy(), 'still followed: the follower did not give up');

      // Case 2: what the log says of it.
      const failed = log.lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.event === 'pvc-follow-failed');
      assert.equal(failed?.level, 'error');
      assert.equal(failed?.order, orderId);
      for (const personal of [CAMILLE, '123123127', 'Camille', 'DURAND', 'Nadia', 'Benali'])
        assert.ok(!log.lines.some((l) => l.includes(personal)), `the log names no one (${personal})`);

      // Case 3: released, the follower carries on by itself.
      await other.exec('COMMIT');
      await eventually(async () => (await orderState(db, orderId)) === 'printed', 'the order printed once the lock is gone', 20_000);

      // Case 4: nothing doubled, nothing lost.
      assert.equal(submitted.length, 1, 'one card sent to the printer');
      const count = async (sql: string) => (await db.get<{ n: number }>(sql))?.n;
      assert.equal(await count('SELECT count(*) AS n FROM pvc_payments'), 1, 'one payment');
      assert.equal(await count("SELECT count(*) AS n FROM audit_log WHERE action = 'pvc-printed'"), 1);
      assert.equal(await count("SELECT count(*) AS n FROM outbox WHERE type = 'pvc-order-event' AND payload LIKE '%\"printed\"%'"), 1);
      assert.deepEqual(await db.all("SELECT status, attempts FROM print_jobs WHERE role = 'card'"), [{ status: 'completed', attempts: 1 }]);
      await eventually(async () => !orders.busy(), 'the follower ends with the order printed', 5_000);
    } finally {
      orders.close();
      await other.exec('ROLLBACK').catch(() => undefined);
      await other.close();
      await db.close();
    }
  });

  it('the lock taken as the payment receipt prints: printed once, and not again after a restart', async () => {
    const dir = tempDir();
    const db = await openStore(dir, memoryLogger());
    const log = memoryLogger();
    const clock = () => new Date();
    const receipts = await startTcpCapture();
    const { spooler, submitted } = cardPrinter(() => 'completed');
    const other = otherConnection(db.file);
    let locked = false;
    const services = () => {
      const print = createPrintService({ db, clock, log, spooler });
      return createPvcOrderService({
        db,
        print,
        printers: async () => ({ card: 'Card', paper: null, receipt: receipts.address }),
        cardState: async () => 'ready',
        clock,
        log,
        pollMs: 50,
        // The order is printed (committed): the receipt is next. Another connection takes the
        // write lock now, before the receipt's end is written.
        onChange: (orderId) =>
          void orderState(db, orderId).then((state) => {
            if (state === 'printed' && !locked) {
              locked = true;
              void other.exec('BEGIN IMMEDIATE');
            }
          }),
      });
    };
    const orders = services();
    const staff = createStaffService({ db, clock, log });
    const setup = await staff.setup({ name: 'Nadia Benali', pin: '482913', confirmation: '482913' });
    assert.ok(setup.ok && setup.value.member);
    const nadia = { id: setup.value.member.id, name: setup.value.member.name };
    let again: ReturnType<typeof services> | undefined;
    try {
      const asked = await orders.request({ rmNumber: CAMILLE, year: 2026, chamber: 'CMA Test' }, PDF, { ticket: false });
      assert.ok(asked.ok);
      const paid = await orders.pay(asked.value.orderId, 'card', nadia);
      assert.ok(paid.ok);
      await eventually(async () => log.lines.some((l) => l.includes('"pvc-follow-failed"')), 'the receipt’s end meets the lock', 20_000);
      await other.exec('COMMIT');
      const tickets = () => pc858Text(receipts.received()).split('Reçu de paiement').length - 1;
      await eventually(async () => !orders.busy() && tickets() > 0, 'the follower prints the receipt once the lock is gone', 20_000);
      orders.close();
      assert.equal(tickets(), 1, 'the receipt printed, once');

      // The kiosk starts again on the same store: what it left half-done is carried on.
      again = services();
      await again.resume();
      await eventually(async () => !again?.busy(), 'the resumed kiosk settles', 20_000);
      assert.equal(await orderState(db, asked.value.orderId), 'printed');
      assert.equal(tickets(), 1, 'no second receipt for one payment');
      assert.equal(submitted.length, 1, 'one card');
      assert.equal((await db.get<{ n: number }>('SELECT count(*) AS n FROM pvc_payments'))?.n, 1, 'one payment');
    } finally {
      orders.close();
      again?.close();
      await other.exec('ROLLBACK').catch(() => undefined);
      await other.close();
      await receipts.close();
      await db.close();
    }
  });
});
