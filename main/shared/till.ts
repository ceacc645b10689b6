import type { PaymentMethod } from './orders.ts';
import type { PrintJob } from './print-jobs.ts';

/** How many and how much, in cents. */
export type TillCount = { count: number; cents: number };
/** Money in, money out and what stays, for one slice of the day. */
export type TillLine = { paid: TillCount; refunded: TillCount; netCents: number };

/**
 * The day's takings of the desk, as the till is closed: payments taken and refunds made on
 * the kiosk's local day. Money is counted on the day it moved: a refund made today of an
 * order paid on an earlier day counts today (the drawer gives the money back today), and
 * `refundedFromEarlierDays` says how many such refunds there are, so the ticket can say it.
 */
export type TillDay = {
  /** The kiosk's local day, YYYY-MM-DD. */
  day: string;
  total: TillLine;
  /** Refunds counted today whose payment was taken on an earlier day. */
  refundedFromEarlierDays: number;
  /** Both means, always (a means with nothing is zeros, not missing). */
  byMethod: (TillLine & { method: PaymentMethod })[];
  /** Each agent who took or gave back money that day, by name. */
  byAgent: (TillLine & { staffId: number; name: string })[];
};

/** The till of a day, and the job that printed its ticket. */
export type TillPrint = { till: TillDay; job: PrintJob };
