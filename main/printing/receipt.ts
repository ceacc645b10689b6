import { CharacterSet, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import { parseReceiptAddress, type ReceiptTimeouts, sendTicket, type TicketOutcome } from './escpos-link.ts';
import { PrintError } from './print-errors.ts';

/**
 * A receipt or ticket from the thermal printer (ESC/POS over TCP, port 9100 as a rule).
 * Code page PC858: the one that prints both é and € on common ESC/POS printers.
 */
export type Receipt = {
  /** "À régler à l'accueil" (order ticket) or "Reçu de paiement". */
  title: string;
  chamber: string;
  /** The order number, printed and as a QR code for staff to scan. */
  orderNumber: string;
  /** In cents. */
  amountCents: number;
  at: Date;
  /** Extra lines (payment method, who took it). */
  lines?: string[];
};

export function formatEuros(cents: number): string {
  return `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')} €`;
}

/**
 * Typography PC858 lacks, replaced by what it has: otherwise the printer driver switches to
 * another code page mid-ticket, and the € that follows prints as some other sign.
 */
export function printable(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/[\u00a0\u202f]/g, ' ');
}

export function frenchDateTime(d: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** Composes the ESC/POS bytes of a ticket for `printer` (tcp://host:port); never sends them itself. */
export function receiptPrinter(printer: string): ThermalPrinter {
  if (!parseReceiptAddress(printer)) throw new PrintError('not-configured', `not a network receipt printer address: ${printer}`);
  return new ThermalPrinter({ type: PrinterTypes.EPSON, interface: printer, width: 42, removeSpecialCharacters: false });
}

export function composeReceipt(p: ThermalPrinter, r: Receipt): void {
  p.clear();
  // ESC @ first: a printer left in another mode by someone else starts clean.
  p.append(Buffer.from([0x1b, 0x40]));
  p.setCharacterSet(CharacterSet.PC858_EURO);
  p.alignCenter();
  p.bold(true);
  const line = (text: string) => p.println(printable(text));
  line(r.chamber);
  p.bold(false);
  line(frenchDateTime(r.at));
  p.drawLine();
  p.setTextDoubleHeight();
  line(r.title);
  p.setTextNormal();
  line(`Commande n° ${r.orderNumber}`);
  p.setTextDoubleHeight();
  p.bold(true);
  line(formatEuros(r.amountCents));
  p.bold(false);
  p.setTextNormal();
  for (const extra of r.lines ?? []) line(extra);
  p.newLine();
  p.printQR(r.orderNumber, { cellSize: 6, correction: 'M', model: 2 });
  p.newLine();
  line('Merci et à bientôt !');
  p.cut();
}

/** Prints a receipt: what the printer said became of it, or a PrintError saying why it did not come out. */
export function printReceipt(printer: string, r: Receipt, timeouts?: ReceiptTimeouts): Promise<TicketOutcome> {
  return printTicket(printer, (p) => composeReceipt(p, r), timeouts);
}

/**
 * Prints what `compose` writes (a receipt, the till's ticket). node-thermal-printer composes the
 * bytes; they go out on the kiosk's own connection, which asks the printer how it stands before
 * and after (its `execute` counts bytes written as printed).
 */
export async function printTicket(printer: string, compose: (p: ThermalPrinter) => void, timeouts?: ReceiptTimeouts): Promise<TicketOutcome> {
  const p = receiptPrinter(printer);
  compose(p);
  return sendTicket(printer, p.getBuffer(), timeouts);
}
