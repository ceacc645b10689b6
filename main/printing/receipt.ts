import net from 'node:net';
import { CharacterSet, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
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

/** The ESC/POS bytes of a receipt, for `printer` (tcp://host:port). */
export function receiptPrinter(printer: string, timeoutMs = 5000): ThermalPrinter {
  if (!/^tcp:\/\/[^/:]+:\d+$/.test(printer)) throw new PrintError('not-configured', `not a network receipt printer address: ${printer}`);
  return new ThermalPrinter({ type: PrinterTypes.EPSON, interface: printer, width: 42, removeSpecialCharacters: false, options: { timeout: timeoutMs } });
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

/** Prints a receipt; rejects with a PrintError ('receipt-offline') when the printer is not there. */
export function printReceipt(printer: string, r: Receipt, timeoutMs = 5000): Promise<void> {
  return printTicket(printer, (p) => composeReceipt(p, r), timeoutMs);
}

/** Prints what `compose` writes (a receipt, the till's ticket); rejects with a PrintError ('receipt-offline') when the printer is not there. */
export async function printTicket(printer: string, compose: (p: ThermalPrinter) => void, timeoutMs = 5000): Promise<void> {
  const p = receiptPrinter(printer, timeoutMs);
  compose(p);
  try {
    await p.execute();
  } catch (error) {
    throw new PrintError(
      'receipt-offline',
      `the receipt printer at ${printer} did not take the ticket (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

/** Whether the thermal printer answers on its port (the console's printer state). */
export function receiptPrinterReachable(printer: string, timeoutMs = 1500): Promise<boolean> {
  const m = /^tcp:\/\/([^/:]+):(\d+)$/.exec(printer);
  if (!m) return Promise.resolve(false);
  return new Promise((resolve) => {
    const socket = net.connect({ host: m[1] ?? '', port: Number(m[2]) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
