import assert from 'node:assert';
import { cardSheet } from '../cards/card-pdf.ts';
import { errorKind, errorWhere, type Logger } from '../logging/logger.ts';
import type { PrintErrorKind } from '../printing/print-errors.ts';
import type { PrintService } from '../printing/print-service.ts';
import type { Receipt } from '../printing/receipt.ts';
import type { PrinterSettings } from '../settings/printer-settings.ts';
import { fail, type Result } from '../shared/errors.ts';
import type { ConsoleOrder, OrderTicket, OrderView, PaymentMethod, PvcOrder, PvcOrderState } from '../shared/orders.ts';
import type { PrintJob } from '../shared/print-jobs.ts';
import { type CardPrinterState, isPrinterReady, isReceiptBlocked, type PrinterBlockedState, type PrinterState } from '../shared/printers.ts';
import { appendAudit } from '../store/audit-repo.ts';
import type { TxDb, WriteDb } from '../store/database.ts';
import { enqueue } from '../store/outbox-repo.ts';
import { getJob, latestJobFor, recordJob, resetForResend } from '../store/print-jobs-repo.ts';
import {
  cardPdfOf,
  getOrder,
  insertOrder,
  insertPayment,
  insertRefund,
  nextOrderNumber,
  openOrderOf,
  ordersIn,
  recentOrders,
  refundReceiptJob,
  setOrder,
} from '../store/pvc-orders-repo.ts';

/** The price of a PVC card printed at the desk (DESIGN.md §7). */
export const PVC_PRICE_CENTS = 500;

export type Staff = { id: number; name: string };

export type PvcOrderDeps = {
  db: WriteDb;
  print: PrintService;
  printers: () => Promise<PrinterSettings>;
  /** The card printer as it stands now (asked of the spooler each time): a payment waits for 'ready'. */
  cardState: () => Promise<CardPrinterState>;
  /** The receipt printer as it says it stands now: a payment waits while it is known not to print, unless staff go on without a receipt. */
  receiptState?: () => Promise<PrinterState>;
  clock: () => Date;
  log: Logger;
  /** How often a job in the spooler is asked about. */
  pollMs?: number;
  /** Told after each step of an order is written (created, paid, printing, printed, failed, refunded, handed over…). */
  onChange?: (orderId: number) => void;
};

/**
 * PVC card orders, from the artisan's request to the card handed over:
 * requested → paid → printing → printed | failed → handed over (or cancelled before payment).
 * Every step is written, with its print job, before anything is sent; the payment is one row
 * keyed by the order, so no retry, double tap or restart can charge twice or print twice.
 */
export function createPvcOrderService({
  db,
  print,
  printers,
  cardState,
  receiptState = async () => 'not-configured',
  clock,
  log,
  pollMs = 1000,
  onChange = () => undefined,
}: PvcOrderDeps) {
  const following = new Set<number>();
  let closed = false;
  /** Writes a step of an order in one transaction, then says the order changed (never before it is committed). */
  const step = async <T>(orderId: number, work: (tx: TxDb) => Promise<T>): Promise<T> => {
    const done = await db.transaction(work);
    onChange(orderId);
    return done;
  };

  async function event(tx: TxDb, order: Pick<PvcOrder, 'number' | 'rmNumber'>, name: string, extra: Record<string, string | number> = {}) {
    await enqueue(tx, 'pvc-order-event', { orderNumber: order.number, rmNumber: order.rmNumber, event: name, ...extra }, clock());
  }

  async function ticket(printer: string | null, receipt: Receipt): Promise<PrintJob | null> {
    return printer ? print.printReceipt(printer, receipt) : null;
  }

  /**
   * Sends the order's recorded card job (the spooler is asked first whether it has it), then
   * follows it. Whatever goes wrong, a paid order ends up followed or failed, never stuck.
   */
  async function sendCard(orderId: number, options: { staffConfirmed?: boolean } = {}): Promise<void> {
    try {
      const order = await getOrder(db, orderId);
      if (!order?.cardJobId || order.state !== 'paid') return;
      const pdf = await cardPdfOf(db, orderId);
      if (!pdf) {
        await step(orderId, (tx) => setOrder(tx, orderId, { state: 'failed', errorKind: 'other' }, clock()));
        return;
      }
      await settle(order, await print.send(order.cardJobId, pdf, options));
    } catch (error) {
      log.error('pvc-send-failed', { order: orderId, kind: errorKind(error) });
      await step(orderId, (tx) => setOrder(tx, orderId, { state: 'failed', errorKind: 'other' }, clock())).catch((e: unknown) =>
        log.error('pvc-mark-failed-failed', { order: orderId, kind: errorKind(e) }),
      );
    }
  }

  /** Moves the order along with its card job: printing while the spooler has it, then printed or failed. */
  async function settle(order: PvcOrder, job: PrintJob): Promise<void> {
    if (job.status === 'sent' || job.status === 'printing') {
      if (order.state !== 'printing') await step(order.id, (tx) => setOrder(tx, order.id, { state: 'printing' }, clock()));
      follow(order.id);
      return;
    }
    if (job.status === 'failed') {
      // Once: the follower and a staff cancel may both see the job end. The order stays open with
      // its card kept and its payment, for a retry, a refund or a hand-over another way.
      const moved = await db.transaction(async (tx) => {
        const now = await getOrder(tx, order.id);
        if (!now || now.cardJobId !== job.id || (now.state !== 'paid' && now.state !== 'printing')) return false;
        await setOrder(tx, order.id, { state: 'failed', errorKind: job.errorKind ?? 'other' }, clock());
        // A job staff cancelled is in the journal by their own entry (print-cancelled), not as the kiosk's failure.
        if (job.errorKind !== 'cancelled')
          await appendAudit(tx, { actor: 'kiosk', action: 'pvc-print-failed', details: { order: order.number, kind: job.errorKind ?? 'other' } }, clock());
        return true;
      });
      if (!moved) return;
      onChange(order.id);
      log.warn('pvc-print-failed', { order: order.id, kind: job.errorKind });
      return;
    }
    if (job.status === 'completed') await printed(order.id);
  }

  /** The card is out: the order is printed, and the payment receipt goes to the thermal printer once. */
  async function printed(orderId: number): Promise<void> {
    const receiptPrinter = (await printers()).receipt;
    const receiptJob = await step(orderId, async (tx) => {
      const order = await getOrder(tx, orderId);
      if (!order || (order.state !== 'printing' && order.state !== 'paid')) return null;
      // One payment, one receipt: a reprinted card does not print another.
      const jobId =
        receiptPrinter && order.receiptJobId === null
          ? await recordJob(tx, { role: 'receipt', printer: receiptPrinter, document: `receipt ${order.number}` }, clock())
          : undefined;
      await setOrder(tx, orderId, { state: 'printed', ...(jobId ? { receiptJobId: jobId } : {}) }, clock());
      await event(tx, order, 'printed');
      await appendAudit(tx, { actor: 'kiosk', action: 'pvc-printed', details: { order: order.number } }, clock());
      return jobId ?? null;
    });
    log.info('pvc-printed', { order: orderId });
    if (receiptJob) await sendPaymentReceipt(orderId, receiptJob);
  }

  /** The payment receipt of a printed order, if it was recorded and never handed to the printer. */
  async function receiptLeftOver(order: PvcOrder): Promise<void> {
    if (!order.receiptJobId) return;
    // A receipt handed to the printer (submittedAt) may have printed: never again by itself.
    const receipt = await getJob(db, order.receiptJobId);
    if (receipt?.status === 'recorded' && !receipt.submittedAt) await sendPaymentReceipt(order.id, order.receiptJobId);
  }

  async function sendPaymentReceipt(orderId: number, jobId: number): Promise<void> {
    const order = await getOrder(db, orderId);
    if (!order?.payment) return;
    const method = order.payment.method === 'cash' ? 'espèces' : 'carte bancaire';
    await print.sendReceipt(jobId, {
      title: 'Reçu de paiement',
      chamber: order.chamber,
      orderNumber: order.number,
      amountCents: order.payment.amountCents,
      at: new Date(order.payment.at),
      lines: [`Carte professionnelle ${order.year} en PVC`, `Réglé en ${method}`, `Encaissé par ${order.payment.staffName}`],
    });
  }

  async function sendRefundReceipt(orderId: number, jobId: number): Promise<void> {
    const order = await getOrder(db, orderId);
    if (!order?.refund) return;
    await print.sendReceipt(jobId, {
      title: 'Reçu de remboursement',
      chamber: order.chamber,
      orderNumber: order.number,
      amountCents: order.refund.amountCents,
      at: new Date(order.refund.at),
      lines: [
        `Carte professionnelle ${order.year} en PVC`,
        'Commande annulée, non imprimée',
        `Remboursé en ${order.refund.method === 'cash' ? 'espèces' : 'carte bancaire'}`,
        `Raison : ${order.refund.reason}`,
        `Remboursé par ${order.refund.staffName}`,
      ],
    });
  }

  /**
   * Asks the spooler about the order's card job until it is done; one follower per order.
   * A look that fails (a bug, the store busy) is logged and tried again, less and less often:
   * giving up would leave a paid card "printing" until the next start of the kiosk.
   */
  // The followers' waits between looks, woken by close(): a wait left running (pollMs grows
  // with failures) kept a closed kiosk's process alive for minutes.
  const sleeping = new Set<() => void>();
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        sleeping.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      sleeping.add(wake);
    });

  function follow(orderId: number): void {
    if (following.has(orderId) || closed) return;
    following.add(orderId);
    void (async () => {
      let failures = 0;
      try {
        while (!closed) {
          try {
            const order = await getOrder(db, orderId);
            // Printed, its receipt not yet handed to the printer (the store was locked then): sent now, once.
            if (order?.state === 'printed') return await receiptLeftOver(order);
            if (!order?.cardJobId || order.state !== 'printing') return;
            const job = await print.check(order.cardJobId);
            if (job.status === 'completed' || job.status === 'failed') return await settle(order, job);
            failures = 0;
          } catch (error) {
            failures += 1;
            if (!closed) log.error('pvc-follow-failed', { order: orderId, failures, kind: errorKind(error), where: errorWhere(error) });
          }
          await pause(pollMs * 2 ** Math.min(failures, 5));
        }
      } finally {
        following.delete(orderId);
      }
    })();
  }

  /**
   * The order's card on an A4 sheet, on the office printer, once: a sheet asked for before that
   * may still come out (at the spooler, or at a printer switched off with it) is followed, never
   * printed again; only a sheet known failed (lost included) is printed anew. Followed a few
   * seconds, as test pages are.
   */
  async function paperSheet(order: PvcOrder, pdf: Uint8Array, printer: string): Promise<PrintJob> {
    const document = `card sheet ${order.number}`;
    const previous = await latestJobFor(db, document);
    const job =
      previous && previous.status !== 'failed'
        ? previous.spoolerId
          ? await print.check(previous.id)
          : await print.send(previous.id, await cardSheet(pdf, order.year))
        : await print.printPdf('paper', printer, await cardSheet(pdf, order.year), document);
    return job.status === 'sent' || job.status === 'printing' ? print.follow(job.id, 5000) : job;
  }

  /** A new card job for the order, in the caller's transaction; null when no card printer is set. */
  async function recordCardJob(tx: TxDb, order: PvcOrder, cardPrinter: string | null): Promise<number | null> {
    if (!cardPrinter) return null;
    return recordJob(tx, { role: 'card', printer: cardPrinter, document: `card ${order.number}` }, clock());
  }

  async function staffStep(orderId: number, allowed: readonly PvcOrderState[], step: (tx: TxDb, order: PvcOrder) => Promise<void>): Promise<Result<PvcOrder>> {
    const outcome = await db.transaction(async (tx) => {
      const order = await getOrder(tx, orderId);
      if (!order) return 'missing' as const;
      if (!allowed.includes(order.state)) return order;
      await step(tx, order);
      return null;
    });
    if (outcome === 'missing') return fail('ORDER_NOT_FOUND', `no order ${orderId}`);
    if (outcome) return fail('ORDER_STATE', `order ${orderId} is ${outcome.state}`);
    onChange(orderId);
    return { ok: true, value: (await getOrder(db, orderId)) as PvcOrder };
  }

  /** A failed order closed as handed over another way, once (a second tap, or a second console, finds it closed). */
  function closeHandedOver(
    orderId: number,
    as: 'paper' | 'email',
    staff: Staff,
    alsoIn: (tx: TxDb, order: PvcOrder) => Promise<void> = async () => undefined,
  ): Promise<Result<PvcOrder>> {
    return staffStep(orderId, ['failed'], async (tx, o) => {
      await alsoIn(tx, o);
      await setOrder(tx, orderId, { state: 'handed-over', handedOverAs: as, erasePdf: true }, clock());
      await event(tx, o, 'handed-over', { as });
      await appendAudit(tx, { actor: `staff:${staff.id}`, action: 'pvc-handed-over', details: { order: o.number, as } }, clock());
    });
  }

  return {
    /**
     * The artisan asks for a PVC card. Asking again while an order is on its way returns that
     * order (and prints its ticket again if it still waits for payment): never a second order.
     */
    async request(
      card: { rmNumber: string; year: number; chamber: string },
      cardPdf: Uint8Array,
      // Staff issuing at the desk take the payment at once: no ticket, and the log names them.
      { actor = 'artisan', ticket: withTicket = true }: { actor?: string; ticket?: boolean } = {},
    ): Promise<Result<OrderTicket>> {
      const { order, created } = await db.transaction(async (tx) => {
        const open = await openOrderOf(tx, card.rmNumber);
        if (open) return { order: open, created: false };
        const number = await nextOrderNumber(tx, clock());
        const id = await insertOrder(
          tx,
          { number, rmNumber: card.rmNumber, year: card.year, chamber: card.chamber, amountCents: PVC_PRICE_CENTS, cardPdf },
          clock(),
        );
        await event(tx, { number, rmNumber: card.rmNumber }, 'requested', { amountCents: PVC_PRICE_CENTS });
        await appendAudit(tx, { actor, action: 'pvc-ordered', details: { order: number, rmNumber: card.rmNumber, year: card.year } }, clock());
        return { order: (await getOrder(tx, id)) as PvcOrder, created: true };
      });
      log.info(created ? 'pvc-ordered' : 'pvc-order-again', { order: order.id });
      if (created) onChange(order.id);
      const job =
        order.state === 'requested' && withTicket
          ? await ticket((await printers()).receipt, {
              title: "À régler à l'accueil",
              chamber: order.chamber,
              orderNumber: order.number,
              amountCents: order.amountCents,
              at: clock(),
              lines: [`Carte professionnelle ${order.year} en PVC`, 'Présentez ce ticket au personnel.'],
            })
          : null;
      return { ok: true, value: { orderId: order.id, number: order.number, amountCents: order.amountCents, state: order.state, ...ticketOf(job) } };
    },

    /** How the card printer stands when it would refuse a payment now, or null when ready: asked before an order is made to be paid at once. */
    async cardPrinterBlocked(): Promise<PrinterBlockedState | null> {
      const state = await cardState();
      return isPrinterReady(state) ? null : state;
    },

    /**
     * Staff took the payment: recorded once, then the card goes to the card printer. Refused while
     * the receipt printer says it cannot print (no paper, cover open, error), unless staff chose to
     * go on without a receipt (`withoutReceipt`): the receipt is still tried once the card is out.
     */
    async pay(orderId: number, method: PaymentMethod, staff: Staff, { withoutReceipt = false }: { withoutReceipt?: boolean } = {}): Promise<Result<PvcOrder>> {
      // No money is taken for a card that cannot come out: the printer is asked just before.
      const state = await cardState();
      if (!isPrinterReady(state)) {
        log.info('pvc-pay-refused', { order: orderId, printer: state });
        return state === 'not-configured'
          ? { ok: false, error: { code: 'PRINTER_NOT_SET', message: 'no card printer', params: { role: 'card' } } }
          : { ok: false, error: { code: 'CARD_PRINTER_NOT_READY', message: `card printer ${state}`, params: { state } } };
      }
      if (!withoutReceipt) {
        const receipt = await receiptState();
        if (isReceiptBlocked(receipt)) {
          log.info('pvc-pay-refused', { order: orderId, receiptPrinter: receipt });
          return { ok: false, error: { code: 'RECEIPT_PRINTER_NOT_READY', message: `receipt printer ${receipt}`, params: { state: receipt } } };
        }
      }
      const cardPrinter = (await printers()).card;
      const result = await staffStep(orderId, ['requested'], async (tx, order) => {
        await insertPayment(tx, orderId, { method, amountCents: order.amountCents, staffId: staff.id }, clock());
        const jobId = await recordCardJob(tx, order, cardPrinter);
        await setOrder(tx, orderId, jobId ? { state: 'paid', cardJobId: jobId } : { state: 'failed', errorKind: 'not-configured' }, clock());
        await event(tx, order, 'paid', { method, amountCents: order.amountCents });
        await appendAudit(
          tx,
          { actor: `staff:${staff.id}`, action: 'pvc-paid', details: { order: order.number, method, amountCents: order.amountCents } },
          clock(),
        );
      });
      if (result.ok) {
        log.info('pvc-paid', { order: orderId, method, withoutReceipt });
        await sendCard(orderId);
      }
      return result.ok ? { ok: true, value: (await getOrder(db, orderId)) as PvcOrder } : result;
    },

    /**
     * After a failure: a job the spooler never took is sent again (under the same tag, so
     * it cannot print twice); a job the printer stopped gets a new one.
     */
    async retry(orderId: number, staff: Staff): Promise<Result<PvcOrder>> {
      const cardPrinter = (await printers()).card;
      const result = await staffStep(orderId, ['failed'], async (tx, order) => {
        const previous = order.cardJobId ? await getJob(tx, order.cardJobId) : undefined;
        const reuse = previous && !previous.spoolerId && previous.printer === cardPrinter;
        const jobId = reuse ? previous.id : await recordCardJob(tx, order, cardPrinter);
        if (!jobId) {
          await setOrder(tx, orderId, { state: 'failed', errorKind: 'not-configured' }, clock());
          return;
        }
        if (reuse) await resetForResend(tx, jobId);
        await setOrder(tx, orderId, { state: 'paid', cardJobId: jobId }, clock());
        await appendAudit(tx, { actor: `staff:${staff.id}`, action: 'pvc-retry', details: { order: order.number } }, clock());
      });
      // Staff asked for it, having looked at the printer: even an uncertain job goes again.
      if (result.ok) await sendCard(orderId, { staffConfirmed: true });
      return result.ok ? { ok: true, value: (await getOrder(db, orderId)) as PvcOrder } : result;
    },

    /** A second card for a printed order (a smudged card): staff says why, the audit log keeps it. */
    async reprint(orderId: number, reason: string, staff: Staff): Promise<Result<PvcOrder>> {
      if (!reason.trim()) return fail('REASON_REQUIRED', 'a reprint needs a reason');
      const cardPrinter = (await printers()).card;
      if (!cardPrinter) return fail('PRINTER_NOT_SET', 'no card printer');
      const result = await staffStep(orderId, ['printed'], async (tx, order) => {
        const jobId = (await recordCardJob(tx, order, cardPrinter)) as number;
        await setOrder(tx, orderId, { state: 'paid', cardJobId: jobId }, clock());
        await event(tx, order, 'reprinted');
        await appendAudit(tx, { actor: `staff:${staff.id}`, action: 'pvc-reprint', details: { order: order.number, reason: reason.trim() } }, clock());
      });
      if (result.ok) await sendCard(orderId);
      return result.ok ? { ok: true, value: (await getOrder(db, orderId)) as PvcOrder } : result;
    },

    /** The artisan has the card: the drawn card kept for printing is erased. */
    handOver(orderId: number, staff: Staff): Promise<Result<PvcOrder>> {
      return staffStep(orderId, ['printed'], async (tx, order) => {
        await setOrder(tx, orderId, { state: 'handed-over', handedOverAs: 'card', erasePdf: true }, clock());
        await event(tx, order, 'handed-over');
        await appendAudit(tx, { actor: `staff:${staff.id}`, action: 'pvc-handed-over', details: { order: order.number } }, clock());
      });
    },

    /**
     * A paid card that cannot be printed: the money goes back (cash or card, staff say why),
     * the order is closed as cancelled, the registry and the audit log are told, and a refund
     * receipt comes out of the thermal printer. One refund per order: a second is refused.
     */
    async refund(orderId: number, method: PaymentMethod, reason: string, staff: Staff): Promise<Result<PvcOrder>> {
      const why = reason.trim();
      if (!why) return fail('REASON_REQUIRED', 'a refund needs a reason');
      const receiptPrinter = (await printers()).receipt;
      const result = await staffStep(orderId, ['failed'], async (tx, order) => {
        const amountCents = order.payment?.amountCents ?? order.amountCents;
        const receiptJobId = receiptPrinter
          ? await recordJob(tx, { role: 'receipt', printer: receiptPrinter, document: `refund ${order.number}` }, clock())
          : null;
        await insertRefund(tx, orderId, { method, amountCents, reason: why, staffId: staff.id, receiptJobId }, clock());
        await setOrder(tx, orderId, { state: 'cancelled', erasePdf: true }, clock());
        await event(tx, order, 'refunded', { method, amountCents, reason: why });
        await appendAudit(
          tx,
          { actor: `staff:${staff.id}`, action: 'pvc-refunded', details: { order: order.number, method, amountCents, reason: why } },
          clock(),
        );
      });
      if (!result.ok) return result;
      log.info('pvc-refunded', { order: orderId, method });
      const jobId = await refundReceiptJob(db, orderId);
      if (jobId) await sendRefundReceipt(orderId, jobId);
      return { ok: true, value: (await getOrder(db, orderId)) as PvcOrder };
    },

    /**
     * A paid card that cannot be printed, given on a sheet of paper (the office printer), once.
     * The order is closed as handed over that way; nothing is charged or refunded.
     */
    async handOverAs(orderId: number, as: 'paper', staff: Staff): Promise<Result<PvcOrder>> {
      const order = await getOrder(db, orderId);
      if (!order) return fail('ORDER_NOT_FOUND', `no order ${orderId}`);
      if (order.state !== 'failed') return fail('ORDER_STATE', `order ${orderId} is ${order.state}`);
      const pdf = await cardPdfOf(db, orderId);
      if (!pdf) return fail('ORDER_STATE', `order ${orderId} has no card kept`);
      const printer = (await printers()).paper;
      if (!printer) return { ok: false, error: { code: 'PRINTER_NOT_SET', message: 'no paper printer', params: { role: 'paper' } } };
      const job = await paperSheet(order, pdf, printer);
      if (job.status === 'failed')
        return {
          ok: false,
          error: { code: 'PAPER_PRINT_FAILED', message: `paper sheet failed: ${job.errorKind}`, params: { kind: job.errorKind ?? 'other' } },
        };
      // Not out yet (the printer slow, or switched off with the sheet): the order stays open
      // with its card, and asking again follows this sheet instead of printing another.
      if (job.status !== 'completed') return fail('PAPER_PRINT_PENDING', `paper sheet ${job.id} is ${job.status}`);
      return closeHandedOver(orderId, as, staff);
    },

    /**
     * A paid card that cannot be printed, sent by e-mail to `email`: the address the registry,
     * asked at this very moment, gave for the account, and the one the artisan was shown
     * (main/orders/hand-over-email.ts checks both). The registry sends it, through the outbox,
     * only while it is still the account's address; `mailKey` is the operation's key.
     */
    async handOverByEmail(orderId: number, email: string, staff: Staff): Promise<Result<{ order: PvcOrder; mailKey: string }>> {
      let mailKey = '';
      const closed = await closeHandedOver(orderId, 'email', staff, async (tx, o) => {
        const pdf = await cardPdfOf(tx, orderId);
        assert(pdf, 'a failed order keeps its card');
        mailKey = await enqueue(
          tx,
          'card-issuance',
          { rmNumber: o.rmNumber, year: o.year, delivery: 'email', email, pdf: Buffer.from(pdf).toString('base64') },
          clock(),
        );
      });
      return closed.ok ? { ok: true, value: { order: closed.value, mailKey } } : closed;
    },

    /** An order never paid (the artisan left): closed, its drawn card erased. */
    cancel(orderId: number, staff: Staff): Promise<Result<PvcOrder>> {
      return staffStep(orderId, ['requested'], async (tx, order) => {
        await setOrder(tx, orderId, { state: 'cancelled', erasePdf: true }, clock());
        await event(tx, order, 'cancelled');
        await appendAudit(tx, { actor: `staff:${staff.id}`, action: 'pvc-cancelled', details: { order: order.number } }, clock());
      });
    },

    /**
     * Orders for the console: all open ones, and those closed in the last 24 hours, each with
     * why it cannot go on now, from the printer's state of this moment (never a stale failure).
     */
    async list(): Promise<OrderView[]> {
      const orders = await recentOrders(db, new Date(clock().getTime() - 86_400_000).toISOString());
      const waiting = orders.some((o) => o.state === 'requested' || o.state === 'failed');
      const toPay = orders.some((o) => o.state === 'requested');
      const [printer, receipt] = await Promise.all([waiting ? cardState() : ('ready' as const), toPay ? receiptState() : ('ready' as const)]);
      return orders.map((o) => viewOf(o, printer, receipt));
    },

    /**
     * At start: whatever a stopped kiosk left half-done is carried on. A paid card whose job
     * the spooler may or may not have is sent under its tag (found, not resent, if it was);
     * a printing card is followed; a payment receipt recorded but not sent is sent.
     */
    async resume(): Promise<void> {
      for (const order of await ordersIn(db, ['paid', 'printing', 'printed'])) {
        // One order that cannot be carried on does not stop the others.
        try {
          if (order.state === 'paid') await sendCard(order.id);
          else if (order.state === 'printing') follow(order.id);
          else await receiptLeftOver(order);
        } catch (error) {
          log.error('pvc-resume-failed', { order: order.id, kind: errorKind(error) });
        }
      }
    },

    /**
     * A card job that ended outside the order's follower (staff cancelled it at the console): its
     * order moves now, as the follower would have moved it (failed, card kept, nothing refunded).
     */
    async cardJobEnded(jobId: number): Promise<void> {
      const order = (await ordersIn(db, ['paid', 'printing'])).find((o) => o.cardJobId === jobId);
      const job = order ? await getJob(db, jobId) : undefined;
      if (order && job) await settle(order, job);
    },

    /** For tests and shutdown: true while a card job is being followed. */
    busy: () => following.size > 0,
    close(): void {
      closed = true;
      for (const wake of [...sleeping]) wake();
    },
  };
}

export type PvcOrderService = ReturnType<typeof createPvcOrderService>;

/** Failures that say how the printer stood then; the printer's state now replaces them. */
const PRINTER_KINDS: readonly PrintErrorKind[] = ['not-configured', 'spooler-down', 'no-such-printer', 'not-accepting'];

export function viewOf(order: ConsoleOrder, printer: CardPrinterState, receipt: PrinterState = 'ready'): OrderView {
  const waiting = order.state === 'requested' || order.state === 'failed';
  const blocked = waiting && !isPrinterReady(printer) ? printer : null;
  // "No printer set" once one is set and ready is no reason any more: only what the job itself met stays.
  const errorKind = order.errorKind && PRINTER_KINDS.includes(order.errorKind) ? null : order.errorKind;
  const receiptPrinter = order.state === 'requested' && isReceiptBlocked(receipt) ? receipt : null;
  return { ...order, errorKind, cardPrinter: blocked, receiptPrinter };
}

/** What the artisan's screen says of the order's ticket: out, sent without the printer's word, or not out and why. */
export function ticketOf(job: PrintJob | null): Pick<OrderTicket, 'ticket' | 'ticketWhy'> {
  if (job?.status === 'completed') return { ticket: 'printed', ticketWhy: null };
  if (job?.status === 'sent') return { ticket: 'unconfirmed', ticketWhy: null };
  const why = job?.errorKind;
  return {
    ticket: 'not-printed',
    ticketWhy:
      why === 'receipt-paper-out' || why === 'receipt-paper-out-mid-ticket'
        ? 'paper-out'
        : why === 'receipt-cover-open'
          ? 'cover-open'
          : why === 'receipt-error' || why === 'receipt-interrupted'
            ? 'printer-error'
            : null,
  };
}
