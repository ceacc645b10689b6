import type { Logger } from '../logging/logger.ts';
import type { PrintService } from '../printing/print-service.ts';
import { composeTillTicket } from '../printing/till-ticket.ts';
import type { PrinterSettings } from '../settings/printer-settings.ts';
import { fail, type Result } from '../shared/errors.ts';
import type { TillDay, TillPrint } from '../shared/till.ts';
import { appendAudit } from '../store/audit-repo.ts';
import type { WriteDb } from '../store/database.ts';
import { localDayOf, tillOf } from '../store/till-repo.ts';

export type TillDeps = {
  db: WriteDb;
  print: PrintService;
  printers: () => Promise<PrinterSettings>;
  /** The chamber's name, printed at the top of the ticket. */
  chamber: () => Promise<string>;
  clock: () => Date;
  log: Logger;
};

/** The till's figures, and the ticket's print job when one was asked for. */

/**
 * "Caisse du jour": the desk's takings on the kiosk's local day (the store computes them),
 * and the ticket that closes the till. A day still to come has no till: refused, not zeros.
 */
export function createTillService({ db, print, printers, chamber, clock, log }: TillDeps) {
  const dayOrToday = (day?: string): Result<string> => {
    const today = localDayOf(clock());
    if (day === undefined) return { ok: true, value: today };
    // Compared as text: both are YYYY-MM-DD, checked by the contract.
    return day > today ? fail({ code: 'TILL_DAY_INVALID', message: `${day} is after today (${today})` }) : { ok: true, value: day };
  };
  return {
    async day(day?: string): Promise<Result<TillDay>> {
      const d = dayOrToday(day);
      return d.ok ? { ok: true, value: await tillOf(db, d.value) } : d;
    },

    /**
     * The ticket on the thermal printer. The figures stay in the store whatever the printer
     * does: a printer that is off gives a failed job (its kind in words on screen), nothing else.
     */
    async print(staff: { id: number; name: string }, day?: string): Promise<Result<TillPrint>> {
      const d = dayOrToday(day);
      if (!d.ok) return d;
      const printer = (await printers()).receipt;
      if (!printer) return fail({ code: 'PRINTER_NOT_SET', message: 'no receipt printer', params: { role: 'receipt' } });
      const till = await tillOf(db, d.value);
      const ticket = { till, chamber: await chamber(), at: clock(), printedBy: staff.name };
      const job = await print.printTicket(printer, `till ${d.value}`, (p) => composeTillTicket(p, ticket));
      await db.transaction((tx) =>
        appendAudit(
          tx,
          {
            actor: `staff:${staff.id}`,
            action: 'till-printed',
            details: { day: d.value, paidCents: till.total.paid.cents, refundedCents: till.total.refunded.cents, printed: job.status === 'completed' },
          },
          clock(),
        ),
      );
      log.info('till-printed', { day: d.value, status: job.status });
      return { ok: true, value: { till, job } };
    },
  };
}

export type TillService = ReturnType<typeof createTillService>;
