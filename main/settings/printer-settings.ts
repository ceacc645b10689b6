import { PRINT_ROLES, type PrintRole } from '../shared/print-jobs.ts';
import type { ReadDb, TxDb } from '../store/database.ts';
import { deleteMeta, getMeta, setMeta } from '../store/meta-repo.ts';

/** Which printer plays each role: a spooler queue for card and paper, tcp://host:port for receipts. */
export type PrinterSettings = Record<PrintRole, string | null>;

const key = (role: PrintRole) => `setting.printer.${role}`;

// A queue name as CUPS and Windows allow it: printable, no slash, hash or backslash.
const QUEUE = /^[^/#\\]{1,127}$/;
const printable = (s: string) => [...s].every((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f);
const TCP = /^tcp:\/\/([A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:]+\]):(\d{1,5})$/;

/** Whether `value` can name a printer for `role`. */
export function validPrinter(role: PrintRole, value: string): boolean {
  if (role !== 'receipt') return QUEUE.test(value) && printable(value) && value.trim() === value;
  const port = Number(TCP.exec(value)?.[2] ?? 0);
  return port >= 1 && port <= 65535;
}

/**
 * The printers set by staff in the console; where staff set none, the defaults the kiosk
 * was started with (browser mode: KIOSK_PRINTER_CARD, _PAPER, _RECEIPT).
 */
export async function readPrinters(db: ReadDb, defaults: Partial<PrinterSettings> = {}): Promise<PrinterSettings> {
  const out = { card: null, paper: null, receipt: null } as PrinterSettings;
  for (const role of PRINT_ROLES) out[role] = (await getMeta(db, key(role))) ?? defaults[role] ?? null;
  return out;
}

export async function writePrinter(tx: TxDb, role: PrintRole, value: string | null): Promise<void> {
  if (value === null) await deleteMeta(tx, key(role));
  else await setMeta(tx, key(role), value);
}
