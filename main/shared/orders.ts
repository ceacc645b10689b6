import type { PrintErrorKind } from './print-error-kinds.ts';
import type { PrinterBlockedState, ReceiptBlockedState } from './printers.ts';

/** A PVC order's life: asked for, paid, printing, printed or failed, then handed over or cancelled. */
export const PVC_ORDER_STATES = ['requested', 'paid', 'printing', 'printed', 'failed', 'handed-over', 'cancelled'] as const;
export type PvcOrderState = (typeof PVC_ORDER_STATES)[number];
export const PAYMENT_METHODS = ['cash', 'card'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
/** How a handed-over order reached the artisan: the PVC card, or the card on paper or by e-mail when it could not be printed. */
export const HANDED_OVER_AS = ['card', 'paper', 'email'] as const;
export type HandedOverAs = (typeof HANDED_OVER_AS)[number];
export type Refund = { method: PaymentMethod; amountCents: number; reason: string; staffId: number; staffName: string; at: string };

/** A PVC order with its payment and refund, as the services and the console see it (the store maps its rows to this). */
export type PvcOrder = {
  id: number;
  number: string;
  rmNumber: string;
  year: number;
  chamber: string;
  state: PvcOrderState;
  amountCents: number;
  cardJobId: number | null;
  receiptJobId: number | null;
  errorKind: PrintErrorKind | null;
  createdAt: string;
  updatedAt: string;
  payment: { method: PaymentMethod; amountCents: number; staffId: number; staffName: string; at: string } | null;
  /** Set on a paid order cancelled because its card could not be printed. */
  refund: Refund | null;
  handedOverAs: HandedOverAs | null;
};

/** An order of the console's list: with the artisan's name when the replica has them. */
export type ConsoleOrder = PvcOrder & { artisanName: string | null };

/** An order as the console shows it, with the reasons of this moment. */
export type OrderView = ConsoleOrder & {
  /**
   * Set on an order waiting for payment or failed when the card printer is not ready now:
   * payment (or a retry) is not offered, and the console says this state in words.
   */
  cardPrinter: PrinterBlockedState | null;
  /**
   * Set on an order waiting for payment when the receipt printer says it cannot print now (no
   * paper, cover open, error): the console says what to do, and payment waits for staff to choose
   * to go on without a receipt.
   */
  receiptPrinter: ReceiptBlockedState | null;
};

/** What the artisan's screen says once the order is taken. */
export type OrderTicket = {
  orderId: number;
  number: string;
  amountCents: number;
  state: PvcOrderState;
  /** `printed` on the printer's word only; `unconfirmed`: sent to a printer that says nothing of itself. */
  ticket: 'printed' | 'unconfirmed' | 'not-printed';
  /** Why a ticket did not come out, when the printer said so. */
  ticketWhy: ReceiptBlockedState | null;
};

/** A PVC order's card handed over by e-mail: the registry took it (it sends the mail), or the outbox keeps it for when it answers; to the address shown, masked. */
export type HandedOverByEmail = { mail: 'sent' | 'queued'; maskedEmail: string };
