import type { Logger } from '../logging/logger.ts';
import { type PrinterSettings, readPrinters, validPrinter, writePrinter } from '../settings/printer-settings.ts';
import type { Result } from '../shared/errors.ts';
import type { PrintJob, PrintRole } from '../shared/print-jobs.ts';
import { type CardPrinterState, type PrinterState, type PrinterStatus, RECEIPT_PRINTER_STATES, type ReceiptPrinterState } from '../shared/printers.ts';
import { appendAudit } from '../store/audit-repo.ts';
import type { WriteDb } from '../store/database.ts';
import { askReceiptPrinter, type ReceiptTimeouts } from './escpos-link.ts';
import type { PrintService } from './print-service.ts';
import { cardPrinterState, paperPrinterState, printerStatuses } from './printer-status.ts';
import type { Spooler } from './spooler.ts';
import { renderTestPage } from './test-pages.ts';

export type PrintersDeps = {
  db: WriteDb;
  print: PrintService;
  spooler: Spooler;
  defaults: Partial<PrinterSettings>;
  chamber: () => Promise<string>;
  clock: () => Date;
  log: Logger;
  /** How long the thermal printer is waited for when asked how it stands (tests shorten them). */
  receiptTimeouts?: ReceiptTimeouts;
  /**
   * Told once staff set a role's printer (written): what the console drew from the printer
   * before (an order's payment offered or held back) is read again now. Nothing else would say
   * it: the printer watch follows only the card printer, and only a change it sees between two
   * of its looks.
   */
  onSet?: (role: PrintRole) => void;
  /**
   * Told each answer the thermal printer gave when the printers panel read it (statuses): the
   * receipt watch compares its own with what the panel shows. Not the answers to the checks
   * before a payment, which the panel never shows.
   */
  onReceiptAnswer?: (printer: string, state: ReceiptPrinterState) => void;
};

const isReceiptState = (state: PrinterState): state is ReceiptPrinterState => (RECEIPT_PRINTER_STATES as readonly string[]).includes(state);

/** The printers of the desk as staff set them in the console: which one plays each role, its state, a test page. */
export function createPrintersService({
  db,
  print,
  spooler,
  defaults,
  chamber,
  clock,
  log,
  receiptTimeouts,
  onSet = () => undefined,
  onReceiptAnswer = () => undefined,
}: PrintersDeps) {
  const settings = () => readPrinters(db, defaults);
  const statuses = async () => {
    const all = await printerStatuses(await settings(), spooler, log, receiptTimeouts);
    const receipt = all.find((s) => s.role === 'receipt');
    // Told only of a printer still set now: a read begun before staff changed it says nothing of the new one.
    if (receipt?.printer && isReceiptState(receipt.state) && (await settings()).receipt === receipt.printer) onReceiptAnswer(receipt.printer, receipt.state);
    return all;
  };
  return {
    settings,
    statuses,
    /** The card printer as it stands now: asked just before a payment is offered or taken. */
    cardState: async (): Promise<CardPrinterState> => cardPrinterState(await settings(), spooler, log),
    /** The office printer as the spooler says it stands now (the console's watch). */
    paperState: async (): Promise<CardPrinterState> => paperPrinterState(await settings(), spooler, log),
    /** The receipt printer as it says it stands now: asked before a payment is offered or taken. */
    receiptState: async (): Promise<PrinterState> => {
      const printer = (await settings()).receipt;
      return printer ? askReceiptPrinter(printer, receiptTimeouts) : 'not-configured';
    },

    async set(role: PrintRole, printer: string | null, staffId: number): Promise<Result<PrinterStatus[]>> {
      const value = printer?.trim() || null;
      if (value !== null && !validPrinter(role, value))
        return { ok: false, error: { code: 'PRINTER_INVALID', message: `not a ${role} printer name`, params: { role } } };
      await db.transaction(async (tx) => {
        await writePrinter(tx, role, value);
        await appendAudit(tx, { actor: `staff:${staffId}`, action: 'printer-set', details: { role, printer: value } }, clock());
      });
      log.info('printer-set', { role });
      onSet(role);
      return { ok: true, value: await statuses() };
    },

    /** A test page on the role's printer; the card and A4 pages are followed for a few seconds. */
    async test(role: PrintRole, staffId: number): Promise<Result<PrintJob>> {
      const printer = (await settings())[role];
      if (!printer) return { ok: false, error: { code: 'PRINTER_NOT_SET', message: `no ${role} printer`, params: { role } } };
      await db.transaction((tx) => appendAudit(tx, { actor: `staff:${staffId}`, action: 'printer-test', details: { role } }, clock()));
      if (role === 'receipt') {
        const job = await print.printReceipt(printer, {
          title: 'Ticket de test',
          chamber: await chamber(),
          orderNumber: 'TEST',
          amountCents: 0,
          at: clock(),
          lines: ['é è à ç € : tout s’imprime.'],
        });
        return { ok: true, value: job };
      }
      const job = await print.printPdf(role, printer, await renderTestPage(role, printer, clock()), `test page ${role}`);
      return { ok: true, value: job.status === 'sent' ? await print.follow(job.id, 5000) : job };
    },
  };
}

export type PrintersService = ReturnType<typeof createPrintersService>;
