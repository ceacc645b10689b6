import net from 'node:net';
import type { ReceiptPrinterState } from '../shared/printers.ts';
import {
  ASK_AFTER_TICKET,
  ASK_OFFLINE_CAUSE,
  ASK_PAPER,
  ASK_PRINTER,
  conditionOf,
  isQueuedStatus,
  isRealTimeStatus,
  type ReceiptCondition,
  stateOf,
} from './escpos-status.ts';
import { PrintError } from './print-errors.ts';

/** How long the kiosk waits on the thermal printer, in milliseconds. */
export type ReceiptTimeouts = {
  /** To connect, and for each real-time status answer (a printer gives it at once). */
  answerMs: number;
  /** For the ticket to be printed and cut (mechanical: seconds), before it is called unconfirmed. */
  printMs: number;
  /** While the ticket prints, how often the printer is asked whether it stopped. */
  pollMs: number;
};
export const RECEIPT_TIMEOUTS: ReceiptTimeouts = { answerMs: 1500, printMs: 15_000, pollMs: 500 };

/**
 * What became of a ticket. `printed` only on the printer's word (its GS r answer, which comes
 * after the cut), with how it stands after it (a roll near its end, or just ended). A printer
 * that gives no status, or none the kiosk can read, leaves the ticket `unconfirmed`: sent, never
 * called printed. A ticket that did not come out is a PrintError instead.
 */
export type TicketOutcome =
  | { kind: 'printed'; after: Extract<ReceiptPrinterState, 'ready' | 'paper-near-end' | 'paper-out'> }
  | { kind: 'unconfirmed'; why: 'no-status' | 'garbled' | 'no-confirmation' };

type Answer = number | 'timeout' | 'closed';

/** One TCP connection to the printer's raw port, read byte by byte (its answers are single bytes). */
type Link = {
  write(bytes: Buffer): Promise<void>;
  next(ms: number): Promise<Answer>;
  end(): void;
};

export function parseReceiptAddress(printer: string): { host: string; port: number } | null {
  const m = /^tcp:\/\/([^/:]+):(\d+)$/.exec(printer);
  return m ? { host: m[1] ?? '', port: Number(m[2]) } : null;
}

function open(printer: string, ms: number): Promise<Link> {
  const at = parseReceiptAddress(printer);
  if (!at) return Promise.reject(new PrintError('not-configured', `not a network receipt printer address: ${printer}`));
  return new Promise((resolve, reject) => {
    const socket = net.connect(at);
    const received: number[] = [];
    let closed = false;
    let waiter: (() => void) | null = null;
    const wake = () => {
      const w = waiter;
      waiter = null;
      w?.();
    };
    socket.on('data', (d: Buffer) => {
      received.push(...d);
      wake();
    });
    // An error after connecting is a closed link for the reader; before, it is "offline".
    socket.on('close', () => {
      closed = true;
      wake();
    });
    const refuse = (why: string) => {
      socket.destroy();
      reject(new PrintError('receipt-offline', `the receipt printer at ${printer} does not answer (${why})`));
    };
    socket.once('error', (e) => refuse(e.message));
    socket.setTimeout(ms, () => refuse('connection timed out'));
    socket.once('connect', () => {
      socket.setTimeout(0);
      socket.removeAllListeners('error');
      socket.on('error', () => undefined);
      resolve({
        write: (bytes) =>
          new Promise((ok, ko) => {
            if (closed || socket.destroyed) return ko(new Error('connection closed'));
            socket.write(bytes, (e) => (e ? ko(e) : ok()));
          }),
        next: (wait) =>
          new Promise((answer) => {
            const take = () => {
              clearTimeout(timer);
              const b = received.shift();
              answer(b !== undefined ? b : closed ? 'closed' : 'timeout');
            };
            const timer = setTimeout(take, wait);
            if (received.length > 0 || closed) take();
            else waiter = take;
          }),
        end: () => socket.destroy(),
      });
    });
  });
}

/** One real-time question; a byte that is not a real-time answer is garbage. */
async function ask(link: Link, question: Buffer, ms: number): Promise<Answer | 'garbled'> {
  await link.write(question);
  const b = await link.next(ms);
  return typeof b === 'number' && !isRealTimeStatus(b) ? 'garbled' : b;
}

/** The three real-time answers; the first silence or garbage stops the questions (the rest would be the same). */
async function condition(link: Link, ms: number): Promise<ReceiptCondition | 'timeout' | 'closed' | 'garbled'> {
  const answers: number[] = [];
  for (const question of [ASK_PRINTER, ASK_OFFLINE_CAUSE, ASK_PAPER]) {
    const a = await ask(link, question, ms);
    if (typeof a !== 'number') return a;
    answers.push(a);
  }
  const [printer = 0, cause = 0, paper = 0] = answers;
  return conditionOf(printer, cause, paper);
}

const BLOCKED_KINDS = { 'paper-out': 'receipt-paper-out', 'cover-open': 'receipt-cover-open', 'printer-error': 'receipt-error' } as const;

/**
 * One conversation at a time with each printer. A network thermal printer serves one connection
 * on its raw port at a time, as a rule: a status question opened while a ticket prints would
 * wait behind it, or take the port the ticket needs. So the questions and the tickets of this
 * process queue here, each on its own turn.
 */
const lines = new Map<string, Promise<void>>();

function onLine<T>(printer: string, talk: () => Promise<T>): Promise<T> {
  const before = lines.get(printer) ?? Promise.resolve();
  let release: () => void = () => undefined;
  const done = new Promise<void>((r) => {
    release = r;
  });
  const mine = before.then(() => done);
  lines.set(printer, mine);
  return before.then(talk).finally(() => {
    release();
    if (lines.get(printer) === mine) lines.delete(printer);
  });
}

/** Whether a ticket (or a question) is on its way to this printer now. */
export function receiptLineBusy(printer: string): boolean {
  return lines.has(printer);
}

/** How the printer stands now, asked of it (the console's state, and the check before a payment). */
export function askReceiptPrinter(printer: string, timeouts: ReceiptTimeouts = RECEIPT_TIMEOUTS): Promise<ReceiptPrinterState> {
  return onLine(printer, () => askNow(printer, timeouts));
}

/**
 * The background watch's question: asked only while nothing else talks to the printer (a
 * ticket printing is never interrupted nor delayed by it), else null: not asked this time.
 */
export function askReceiptPrinterIfIdle(printer: string, timeouts: ReceiptTimeouts = RECEIPT_TIMEOUTS): Promise<ReceiptPrinterState> | null {
  return receiptLineBusy(printer) ? null : askReceiptPrinter(printer, timeouts);
}

async function askNow(printer: string, timeouts: ReceiptTimeouts): Promise<ReceiptPrinterState> {
  let link: Link;
  try {
    link = await open(printer, timeouts.answerMs);
  } catch {
    return 'offline';
  }
  try {
    const c = await condition(link, timeouts.answerMs).catch(() => 'closed' as const);
    if (c === 'closed') return 'offline';
    return typeof c === 'string' ? 'no-status' : stateOf(c);
  } finally {
    link.end();
  }
}

/**
 * Sends a ticket's bytes on one connection, with the printer asked before (a printer known out of
 * paper, its cover open or in error gets nothing: PrintError) and followed after, until it says
 * the ticket is out or that it stopped (paper ended, cover opened, error: PrintError), or
 * `printMs` passes (unconfirmed). A printer that closes the connection before it has said the
 * ticket is out has cut it off: 'receipt-interrupted'.
 */
export function sendTicket(printer: string, ticket: Buffer, timeouts: ReceiptTimeouts = RECEIPT_TIMEOUTS): Promise<TicketOutcome> {
  return onLine(printer, () => sendNow(printer, ticket, timeouts));
}

async function sendNow(printer: string, ticket: Buffer, timeouts: ReceiptTimeouts): Promise<TicketOutcome> {
  const link = await open(printer, timeouts.answerMs);
  const cutOff = (why: string) => new PrintError('receipt-interrupted', `the receipt printer at ${printer} ${why}`);
  try {
    const before = await condition(link, timeouts.answerMs).catch(() => 'closed' as const);
    if (before === 'closed') throw new PrintError('receipt-offline', `the receipt printer at ${printer} closed the connection before the ticket`);
    if (typeof before !== 'string') {
      const state = stateOf(before);
      if (state === 'paper-out' || state === 'cover-open' || state === 'printer-error')
        throw new PrintError(BLOCKED_KINDS[state], `the receipt printer at ${printer} said ${state} before the ticket: nothing sent`);
    }
    try {
      await link.write(Buffer.concat([ticket, ASK_AFTER_TICKET]));
    } catch {
      throw cutOff('closed the connection during the ticket');
    }
    if (typeof before === 'string') {
      // Nothing it says can be believed: only a connection closed on the ticket is news.
      if ((await link.next(timeouts.answerMs)) === 'closed') throw cutOff('closed the connection during the ticket');
      return { kind: 'unconfirmed', why: before === 'garbled' ? 'garbled' : 'no-status' };
    }
    return await followTicket(link, timeouts, cutOff);
  } finally {
    link.end();
  }
}

/** Waits for GS r's answer (the ticket is out), asking in between whether the printer stopped. */
async function followTicket(link: Link, timeouts: ReceiptTimeouts, cutOff: (why: string) => PrintError): Promise<TicketOutcome> {
  const deadline = Date.now() + timeouts.printMs;
  let asked = false;
  while (Date.now() < deadline) {
    const b = await link.next(asked ? timeouts.answerMs : timeouts.pollMs);
    if (b === 'closed') throw cutOff('closed the connection before the ticket was out');
    if (typeof b === 'number' && isQueuedStatus(b)) {
      // GS r 1: bits 0-1 the near-end sensor, bits 2-3 the end sensor, as the roll is after this ticket.
      return { kind: 'printed', after: (b & 0x0c) === 0x0c ? 'paper-out' : (b & 0x03) === 0x03 ? 'paper-near-end' : 'ready' };
    }
    if (typeof b === 'number' && isRealTimeStatus(b) && asked) {
      asked = false;
      const stopped = conditionOf(0, b, 0);
      const state = stopped.coverOpen ? 'cover-open' : stopped.paperOut ? 'paper-out' : stopped.error ? 'printer-error' : null;
      // Out of paper mid-ticket, what is left waits in the printer for the next roll: not "sent nothing".
      const kind = state === 'paper-out' ? 'receipt-paper-out-mid-ticket' : state && BLOCKED_KINDS[state];
      if (state && kind) throw new PrintError(kind, `the receipt printer stopped during the ticket: ${state}`);
      continue;
    }
    if (b === 'timeout' && !asked) {
      await link.write(ASK_OFFLINE_CAUSE).catch(() => undefined);
      asked = true;
    } else if (b === 'timeout') {
      // It answered before the ticket and no longer does: nothing more can be learnt.
      break;
    }
  }
  return { kind: 'unconfirmed', why: 'no-confirmation' };
}
