import { z } from 'zod';
import {
  type ConsoleOrder,
  HANDED_OVER_AS,
  type HandedOverAs,
  PAYMENT_METHODS,
  type PaymentMethod,
  PVC_ORDER_STATES,
  type PvcOrder,
  type PvcOrderState,
} from '../shared/orders.ts';
import { PRINT_ERROR_KINDS, type PrintErrorKind } from '../shared/print-error-kinds.ts';
import type { ReadDb, TxDb } from './database.ts';
import { checkRow, checkRows, countRow } from './rows.ts';

const SELECT = `
  SELECT o.id, o.number, o.rm_number AS rmNumber, o.year, o.chamber, o.state, o.amount_cents AS amountCents,
         o.card_job_id AS cardJobId, o.receipt_job_id AS receiptJobId, o.error_kind AS errorKind,
         o.created_at AS createdAt, o.updated_at AS updatedAt, o.handed_over_as AS handedOverAs,
         p.method, p.amount_cents AS paidCents, p.staff_id AS staffId, s.name AS staffName, p.at AS paidAt,
         r.method AS refundMethod, r.amount_cents AS refundCents, r.reason AS refundReason, r.staff_id AS refundStaffId,
         rs.name AS refundStaffName, r.at AS refundAt
  FROM pvc_orders o LEFT JOIN pvc_payments p ON p.order_id = o.id LEFT JOIN staff_members s ON s.id = p.staff_id
  LEFT JOIN pvc_refunds r ON r.order_id = o.id LEFT JOIN staff_members rs ON rs.id = r.staff_id`;

const int = z.number().int();
/** One row of SELECT: the order, its payment and its refund (LEFT JOINs: null when there is none). */
const orderRow = z.object({
  id: int,
  number: z.string(),
  rmNumber: z.string(),
  year: int,
  chamber: z.string(),
  state: z.enum(PVC_ORDER_STATES),
  amountCents: int,
  cardJobId: int.nullable(),
  receiptJobId: int.nullable(),
  errorKind: z.enum(PRINT_ERROR_KINDS).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  handedOverAs: z.enum(HANDED_OVER_AS).nullable(),
  method: z.enum(PAYMENT_METHODS).nullable(),
  paidCents: int.nullable(),
  staffId: int.nullable(),
  staffName: z.string().nullable(),
  paidAt: z.string().nullable(),
  refundMethod: z.enum(PAYMENT_METHODS).nullable(),
  refundCents: int.nullable(),
  refundReason: z.string().nullable(),
  refundStaffId: int.nullable(),
  refundStaffName: z.string().nullable(),
  refundAt: z.string().nullable(),
});
type Row = z.infer<typeof orderRow>;
const consoleRow = orderRow.extend({ artisanName: z.string().nullable() });
const refundReceiptRow = z.object({ id: int.nullable() });
const cardPdfRow = z.object({ card_pdf: z.instanceof(Buffer).nullable() });

function toOrder({
  method,
  paidCents,
  staffId,
  staffName,
  paidAt,
  refundMethod,
  refundCents,
  refundReason,
  refundStaffId,
  refundStaffName,
  refundAt,
  ...o
}: Row): PvcOrder {
  return {
    ...o,
    payment: method ? { method, amountCents: paidCents ?? 0, staffId: staffId ?? 0, staffName: staffName ?? '', at: paidAt ?? '' } : null,
    refund: refundMethod
      ? {
          method: refundMethod,
          amountCents: refundCents ?? 0,
          reason: refundReason ?? '',
          staffId: refundStaffId ?? 0,
          staffName: refundStaffName ?? '',
          at: refundAt ?? '',
        }
      : null,
  };
}

export async function getOrder(db: ReadDb, id: number): Promise<PvcOrder | undefined> {
  const row = await db.get(`${SELECT} WHERE o.id = ?`, [id]);
  return row === undefined ? undefined : toOrder(checkRow(orderRow, row, 'PVC order'));
}

/** The artisan's order not yet closed (requested, paid, printing, printed or failed), if any. */
export async function openOrderOf(db: ReadDb, rmNumber: string): Promise<PvcOrder | undefined> {
  const row = await db.get(`${SELECT} WHERE o.rm_number = ? AND o.state IN ('requested', 'paid', 'printing', 'printed', 'failed')`, [rmNumber]);
  return row === undefined ? undefined : toOrder(checkRow(orderRow, row, 'open PVC order'));
}

export async function ordersIn(db: ReadDb, states: readonly PvcOrderState[]): Promise<PvcOrder[]> {
  const rows = await db.all(`${SELECT} WHERE o.state IN (SELECT value FROM json_each(?)) ORDER BY o.id`, [JSON.stringify(states)]);
  return checkRows(orderRow, rows, 'PVC orders by state').map(toOrder);
}

/** An order as the console lists it: with the artisan's name from the replica (null if no longer in it). */

const CONSOLE_SELECT = SELECT.replace(
  'FROM pvc_orders o',
  ", a.first_names || ' ' || coalesce(a.usage_name, a.birth_name) AS artisanName FROM pvc_orders o LEFT JOIN artisans a ON a.rm_number = o.rm_number",
);

/**
 * Every order still to be dealt with (first, however old), then those closed since `since`,
 * newest first. The console asks every 2 s while it is open: names come in the same query.
 */
export async function recentOrders(db: ReadDb, since: string, closedLimit = 50): Promise<ConsoleOrder[]> {
  const open = await db.all(`${CONSOLE_SELECT} WHERE o.state NOT IN ('handed-over', 'cancelled') ORDER BY o.id DESC`);
  const closed = await db.all(`${CONSOLE_SELECT} WHERE o.state IN ('handed-over', 'cancelled') AND o.updated_at >= ? ORDER BY o.id DESC LIMIT ?`, [
    since,
    closedLimit,
  ]);
  return checkRows(consoleRow, [...open, ...closed], 'console orders').map(({ artisanName, ...row }) => ({ ...toOrder(row), artisanName }));
}

export async function cardPdfOf(db: ReadDb, id: number): Promise<Uint8Array | null> {
  const row = await db.get('SELECT card_pdf FROM pvc_orders WHERE id = ?', [id]);
  const pdf = row === undefined ? null : checkRow(cardPdfRow, row, 'PVC order card').card_pdf;
  return pdf ? new Uint8Array(pdf) : null;
}

/** The next order number of the day: P + YYMMDD + a sequence ("P261127-004"). */
export async function nextOrderNumber(tx: TxDb, now: Date): Promise<string> {
  const two = (n: number) => String(n).padStart(2, '0');
  const prefix = `P${two(now.getFullYear() % 100)}${two(now.getMonth() + 1)}${two(now.getDate())}-`;
  const { n } = checkRow(countRow, await tx.get('SELECT count(*) AS n FROM pvc_orders WHERE number LIKE ?', [`${prefix}%`]), 'PVC orders of the day');
  return `${prefix}${String(n + 1).padStart(3, '0')}`;
}

export async function insertOrder(
  tx: TxDb,
  o: { number: string; rmNumber: string; year: number; chamber: string; amountCents: number; cardPdf: Uint8Array },
  now: Date,
): Promise<number> {
  const r = await tx.run(
    "INSERT INTO pvc_orders (number, rm_number, year, chamber, state, amount_cents, card_pdf, created_at, updated_at) VALUES (?, ?, ?, ?, 'requested', ?, ?, ?, ?)",
    [o.number, o.rmNumber, o.year, o.chamber, o.amountCents, Buffer.from(o.cardPdf), now.toISOString(), now.toISOString()],
  );
  return r.lastID;
}

export async function setOrder(
  tx: TxDb,
  id: number,
  patch: {
    state: PvcOrderState;
    cardJobId?: number;
    receiptJobId?: number;
    errorKind?: PrintErrorKind | null;
    erasePdf?: boolean;
    handedOverAs?: HandedOverAs;
  },
  now: Date,
): Promise<void> {
  await tx.run(
    `UPDATE pvc_orders SET state = ?, card_job_id = coalesce(?, card_job_id), receipt_job_id = coalesce(?, receipt_job_id), error_kind = ?,
       card_pdf = CASE WHEN ? THEN NULL ELSE card_pdf END, handed_over_as = coalesce(?, handed_over_as), updated_at = ? WHERE id = ?`,
    [
      patch.state,
      patch.cardJobId ?? null,
      patch.receiptJobId ?? null,
      patch.errorKind ?? null,
      patch.erasePdf ? 1 : 0,
      patch.handedOverAs ?? null,
      now.toISOString(),
      id,
    ],
  );
}

export async function insertPayment(tx: TxDb, orderId: number, p: { method: PaymentMethod; amountCents: number; staffId: number }, now: Date): Promise<void> {
  await tx.run('INSERT INTO pvc_payments (order_id, method, amount_cents, staff_id, at) VALUES (?, ?, ?, ?, ?)', [
    orderId,
    p.method,
    p.amountCents,
    p.staffId,
    now.toISOString(),
  ]);
}

/** The refund of an order (one at most: the order's id is the key), with the receipt job to print. */
export async function insertRefund(
  tx: TxDb,
  orderId: number,
  r: { method: PaymentMethod; amountCents: number; reason: string; staffId: number; receiptJobId: number | null },
  now: Date,
): Promise<void> {
  await tx.run('INSERT INTO pvc_refunds (order_id, method, amount_cents, reason, staff_id, receipt_job_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
    orderId,
    r.method,
    r.amountCents,
    r.reason,
    r.staffId,
    r.receiptJobId,
    now.toISOString(),
  ]);
}

/** The receipt job recorded with an order's refund, if any. */
export async function refundReceiptJob(db: ReadDb, orderId: number): Promise<number | null> {
  const row = await db.get('SELECT receipt_job_id AS id FROM pvc_refunds WHERE order_id = ?', [orderId]);
  return row === undefined ? null : checkRow(refundReceiptRow, row, 'refund receipt').id;
}
