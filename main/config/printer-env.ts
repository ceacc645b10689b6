import type { PrinterSettings } from '../settings/printer-settings.ts';

/**
 * Printers named by the environment (KIOSK_PRINTER_CARD, _PAPER, _RECEIPT): the defaults
 * where staff have set none in the console. Handy for a first start and for tests.
 */
export function printersFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<PrinterSettings> {
  const out: Partial<PrinterSettings> = {};
  if (env.KIOSK_PRINTER_CARD) out.card = env.KIOSK_PRINTER_CARD;
  if (env.KIOSK_PRINTER_PAPER) out.paper = env.KIOSK_PRINTER_PAPER;
  if (env.KIOSK_PRINTER_RECEIPT) out.receipt = env.KIOSK_PRINTER_RECEIPT;
  return out;
}
