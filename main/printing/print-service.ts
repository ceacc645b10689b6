import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ThermalPrinter } from 'node-thermal-printer';
import { errorKind, type LogFields, type Logger } from '../logging/logger.ts';
import type { PrintJob, PrintRole } from '../shared/print-jobs.ts';
import type { WriteDb } from '../store/database.ts';
import { getMeta, setMeta } from '../store/meta-repo.ts';
import { getJob, markSubmitted, recordJob, unfinishedJobs, updateJob } from '../store/print-jobs-repo.ts';
import type { SpoolState } from './cups.ts';
import { RECEIPT_TIMEOUTS, type ReceiptTimeouts, type TicketOutcome } from './escpos-link.ts';
import { PrintError, type PrintErrorKind } from './print-errors.ts';
import { printReceipt, printTicket, type Receipt } from './receipt.ts';
import type { Spooler } from './spooler.ts';
import { systemSpooler } from './system-spooler.ts';

export type PrintDeps = {
  db: WriteDb;
  clock: () => Date;
  log: Logger;
  spooler?: Spooler;
  /** Told after each change of a job's state is written (the console hears it as an event). */
  onChange?: (jobId: number) => void;
  /**
   * How long a sent job waits before the spooler is first asked about it again in the
   * background, doubling up to a minute: a page the printer holds may take hours to come out.
   */
  watchMs?: number;
  /** How long the thermal printer is waited for (tests shorten them). */
  receiptTimeouts?: ReceiptTimeouts;
};
/** The longest wait between two looks at a sent job, in the background. */
const WATCH_MAX_MS = 60_000;
type PdfRole = Exclude<PrintRole, 'receipt'>;

/** Still something to ask the spooler about: a job handed over and not yet seen end. */
function outstanding(job: PrintJob | undefined): job is PrintJob & { spoolerId: string } {
  return !!job?.spoolerId && job.status !== 'completed' && job.status !== 'failed';
}

const STORE_TAG_KEY = 'print.store-tag';

/** What cancelling a job did (PrintService.cancel). */
export type JobCancel =
  | { kind: 'cancelled'; job: PrintJob }
  | { kind: 'ended'; job: PrintJob }
  | { kind: 'not-sent'; job: PrintJob }
  | { kind: 'unreachable'; job: PrintJob; errorKind: PrintErrorKind }
  | { kind: 'missing' };

/**
 * Prints, with every job written to the store before it is sent and followed to its end.
 * Each job goes to the spooler under a tag unique to this store and job; sending a job again
 * (a retry, a restart after a crash) first asks the spooler for that tag, so a job the
 * spooler already has is followed, never sent twice.
 */
export function createPrintService({
  db,
  clock,
  log,
  spooler = systemSpooler(),
  onChange = () => undefined,
  watchMs = 2000,
  receiptTimeouts = RECEIPT_TIMEOUTS,
}: PrintDeps) {
  const mark = async (id: number, patch: Parameters<typeof updateJob>[2]) => {
    await db.transaction((tx) => updateJob(tx, id, patch, clock()));
    onChange(id);
  };
  const failed = (error: unknown) =>
    error instanceof PrintError ? { errorKind: error.kind, error: error.message } : { errorKind: 'other' as const, error: String(error) };
  // A print that did not happen is in its job, which the console says in words. The log says
  // its kind: a printer's or spooler's trouble is a warning (with the spooler's words, which
  // name queues and order numbers); a bug (not a PrintError) is an error, its kind only.
  const logFailure = (event: string, fields: LogFields, error: unknown) =>
    error instanceof PrintError
      ? log.warn(event, { ...fields, kind: error.kind, error: error.message })
      : log.error(event, { ...fields, kind: errorKind(error) });

  let storeTag: string | undefined;
  async function tagOf(id: number): Promise<string> {
    // Another data directory on the same spooler numbers its jobs from 1 too.
    storeTag ??= await db.transaction(async (tx) => {
      const existing = await getMeta(tx, STORE_TAG_KEY);
      if (existing) return existing;
      const made = randomBytes(4).toString('hex');
      await setMeta(tx, STORE_TAG_KEY, made);
      return made;
    });
    return `kiosk-${storeTag}-${id}`;
  }

  /**
   * Sends a recorded job's PDF, unless the spooler already has it. A job the spooler took is
   * never sent again: one with a spooler id is only followed; one begun before a crash is
   * looked up by its tag, and if the spooler cannot be asked, nothing is sent. Where the
   * spooler cannot look jobs up (Windows), a job begun and never confirmed waits for staff
   * (`staffConfirmed`: they looked at the printer and asked for a retry).
   */
  async function send(id: number, pdf: Uint8Array, { staffConfirmed = false }: { staffConfirmed?: boolean } = {}): Promise<PrintJob> {
    const job = await getJob(db, id);
    if (!job) throw new Error(`no print job ${id}`);
    if (job.role === 'receipt') throw new Error('receipts are sent with sendReceipt');
    if (job.spoolerId) return job;
    const tag = await tagOf(id);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-print-'));
    try {
      if (spooler.findsByTag) {
        const known = await spooler.findByTag(job.printer, tag);
        if (known) {
          await mark(id, { status: 'sent', spoolerId: known });
          log.info('print-adopted', { role: job.role, job: id });
          watch(id);
          return (await getJob(db, id)) as PrintJob;
        }
      } else if (job.submittedAt && !staffConfirmed) {
        await mark(id, { status: 'failed', errorKind: 'uncertain', error: 'the kiosk stopped while handing this job to the spooler' });
        return (await getJob(db, id)) as PrintJob;
      }
      const file = path.join(dir, `${job.document.replace(/[^\w.-]/g, '_')}.pdf`);
      await writeFile(file, pdf, { mode: 0o600 });
      await db.transaction((tx) => markSubmitted(tx, id, clock()));
      const spoolId = await spooler.submit(job.printer, file, job.role, job.document, tag);
      await mark(id, { status: 'sent', spoolerId: spoolId, attempt: true });
      log.info('print-sent', { role: job.role, job: id });
      watch(id);
    } catch (error) {
      await mark(id, { status: 'failed', ...failed(error), attempt: true });
      logFailure('print-failed', { role: job.role, job: id }, error);
    } finally {
      // The spooler has its own copy once lp returns: nothing of the card stays here.
      await rm(dir, { recursive: true, force: true });
    }
    return (await getJob(db, id)) as PrintJob;
  }

  /**
   * Asks the spooler once about a sent job, and records the answer if it is final. One look at a
   * time per job: the background watcher, the order follower and a screen may ask together, and
   * each must read what the previous look wrote (a reason logged once, a job settled once).
   */
  const looking = new Map<number, Promise<unknown>>();
  /** Runs `work` on job `id` after every look or cancel of that job asked before it has ended. */
  function inTurn<T>(id: number, work: () => Promise<T>): Promise<T> {
    const next = (looking.get(id) ?? Promise.resolve(undefined)).then(work, work);
    looking.set(id, next);
    const forget = () => {
      if (looking.get(id) === next) looking.delete(id);
    };
    next.then(forget, forget);
    return next;
  }
  const check = (id: number): Promise<PrintJob> => inTurn(id, () => checkOnce(id));

  async function checkOnce(id: number): Promise<PrintJob> {
    const job = await getJob(db, id);
    if (!outstanding(job)) return job as PrintJob;
    let state: SpoolState;
    try {
      state = await spooler.jobState(job.printer, job.spoolerId);
    } catch (error) {
      return stateUnknown(job, error);
    }
    if (state === 'lost') {
      // "Completed" by a spooler that could not see the page come out: never called printed.
      await mark(id, {
        status: 'failed',
        errorKind: 'printer-lost',
        error: 'the printer stopped answering while it held this job, and no longer knew it once back (switched off?)',
      });
      log.warn('print-lost', { role: job.role, job: id });
      return (await getJob(db, id)) as PrintJob;
    }
    if (state === 'pending') {
      // The spooler answers again: the job waits, its state no longer unknown.
      if (job.errorKind) await mark(id, { status: job.status });
      return (await getJob(db, id)) as PrintJob;
    }
    await mark(
      id,
      state === 'completed' ? { status: 'completed' } : { status: 'failed', errorKind: 'aborted', error: 'the printer stopped the job (aborted or canceled)' },
    );
    // Its end recorded, the spooler's copy of the document goes: a card PDF must not wait a day
    // in CUPS's spool. A failure leaves the job as recorded and says so in the log.
    await spooler.purge?.(job.spoolerId).catch((error: unknown) => logFailure('print-purge-failed', { role: job.role, job: id }, error));
    return (await getJob(db, id)) as PrintJob;
  }

  /**
   * The spooler could not say where a sent job stands. The job is not "pending" for ever, nor
   * failed (the spooler may still hold it and print it once it is back; it is never sent
   * twice): it keeps its status with why its state is unknown, which the console says in words
   * (printers.job.unknown). A stopped spooler is the expected case; any other PrintError is
   * logged with its kind; a bug (not a PrintError) is recorded the same way, logged as an error
   * with its kind (never its message) and thrown. Logged when the reason changes, not on every
   * look: the order follower asks every few seconds.
   */
  async function stateUnknown(job: PrintJob, error: unknown): Promise<PrintJob> {
    const kind = error instanceof PrintError ? error.kind : 'other';
    const changed = job.errorKind !== kind;
    if (changed)
      await mark(job.id, { status: job.status, errorKind: kind, error: `state unknown: ${error instanceof PrintError ? error.message : String(error)}` });
    if (!(error instanceof PrintError)) {
      log.error('print-check-failed', { role: job.role, job: job.id, kind: error instanceof Error ? error.name : typeof error });
      throw error;
    }
    if (changed) log.warn('print-state-unknown', { role: job.role, job: job.id, kind });
    return (await getJob(db, job.id)) as PrintJob;
  }

  /**
   * Staff cancel a job that waits (a printer switched off for good): the spooler drops it first,
   * so it cannot come out when the printer is back, and only then is it recorded failed
   * ('cancelled'). In turn with the looks at the job: a job that ended meanwhile (printed a moment
   * before, or failed) is recorded as it ended and nothing is cancelled ('ended'). A spooler that
   * cannot be asked cancels nothing and changes nothing ('unreachable', with why): the job may
   * still print, and the console says so. A job never handed over is 'not-sent'.
   */
  function cancel(id: number): Promise<JobCancel> {
    return inTurn(id, async (): Promise<JobCancel> => {
      const job = await getJob(db, id);
      if (!job) return { kind: 'missing' };
      if (!outstanding(job)) return job.spoolerId || job.status === 'completed' || job.status === 'failed' ? { kind: 'ended', job } : { kind: 'not-sent', job };
      let answer: 'cancelled' | 'ended';
      try {
        answer = spooler.cancel ? await spooler.cancel(job.printer, job.spoolerId) : 'ended';
      } catch (error) {
        if (!(error instanceof PrintError)) throw error;
        log.warn('print-cancel-failed', { role: job.role, job: id, kind: error.kind, error: error.message });
        return { kind: 'unreachable', job, errorKind: error.kind };
      }
      if (answer === 'ended') {
        // Refused because it had ended: how it ended is recorded as any look would.
        const ended = await checkOnce(id);
        return outstanding(ended) ? { kind: 'unreachable', job: ended, errorKind: ended.errorKind ?? 'other' } : { kind: 'ended', job: ended };
      }
      await mark(id, { status: 'failed', errorKind: 'cancelled', error: 'cancelled by staff at the console while it waited; the spooler dropped it' });
      log.info('print-cancelled', { role: job.role, job: id });
      await spooler.purge?.(job.spoolerId).catch((error: unknown) => logFailure('print-purge-failed', { role: job.role, job: id }, error));
      return { kind: 'cancelled', job: (await getJob(db, id)) as PrintJob };
    });
  }

  /**
   * Follows a sent job in the background until the spooler says it is done, stopped or lost,
   * whoever sent it and however long the printer holds it (switched off with the page, it holds
   * it until switched on again): the console never keeps "sent" for a job that ended. One
   * watcher per job; the timers do not keep the process alive, and `close()` ends them.
   */
  const watched = new Set<number>();
  const stopping = new AbortController();
  function watch(id: number): void {
    if (watched.has(id) || stopping.signal.aborted) return;
    watched.add(id);
    void (async () => {
      try {
        for (let wait = watchMs; ; wait = Math.min(wait * 2, WATCH_MAX_MS)) {
          await sleep(wait, undefined, { signal: stopping.signal, ref: false });
          try {
            const job = await check(id);
            if (!outstanding(job)) return;
          } catch (error) {
            // The store closed under a watcher that was not told (a test, a shutdown): it stops.
            if ((error as { code?: string }).code === 'SQLITE_MISUSE') return;
            log.error('print-watch-failed', { job: id, kind: errorKind(error) });
          }
        }
      } catch {
        // Aborted: the service is closing.
      } finally {
        watched.delete(id);
      }
    })();
  }

  /**
   * A recorded receipt to the thermal printer. Its hand-over is written first (submitted_at): a
   * ticket that printed but whose end could not be written (the store locked by another
   * connection past its busy timeout) is then never printed again by itself, at a restart
   * included; the failure to write is thrown to the caller, the ticket is not called failed.
   */
  async function sendReceipt(id: number, receipt: Receipt): Promise<PrintJob> {
    const job = await getJob(db, id);
    if (!job) throw new Error(`no print job ${id}`);
    await db.transaction((tx) => markSubmitted(tx, id, clock()));
    return sendTicketJob(id, () => printReceipt(job.printer, receipt, receiptTimeouts));
  }

  /**
   * A ticket's job follows what the printer said: completed only on its word; sent, with
   * 'receipt-unconfirmed', when it says nothing of itself; failed with why otherwise.
   */
  async function sendTicketJob(id: number, send: () => Promise<TicketOutcome>): Promise<PrintJob> {
    let outcome: TicketOutcome;
    try {
      outcome = await send();
    } catch (error) {
      await mark(id, { status: 'failed', ...failed(error), attempt: true });
      logFailure('receipt-failed', { job: id }, error);
      return (await getJob(db, id)) as PrintJob;
    }
    if (outcome.kind === 'printed') {
      await mark(id, { status: 'completed', attempt: true });
      if (outcome.after !== 'ready') log.warn('receipt-paper-low', { job: id, after: outcome.after });
    } else {
      await mark(id, { status: 'sent', errorKind: 'receipt-unconfirmed', error: `the printer did not confirm the ticket (${outcome.why})`, attempt: true });
      log.warn('receipt-unconfirmed', { job: id, why: outcome.why });
    }
    return (await getJob(db, id)) as PrintJob;
  }

  return {
    send,
    check,
    cancel,
    sendReceipt,

    /** A PDF to a queue (card or paper role): recorded, then sent. */
    async printPdf(role: PdfRole, queue: string, pdf: Uint8Array, document: string): Promise<PrintJob> {
      const id = await db.transaction((tx) => recordJob(tx, { role, printer: queue, document }, clock()));
      return send(id, pdf);
    },

    /** Follows a sent job until the spooler says it is done or stopped, or `timeoutMs` passes. */
    async follow(id: number, timeoutMs = 60_000, everyMs = 500): Promise<PrintJob> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const job = await check(id);
        if (!outstanding(job) || Date.now() > deadline) return job;
        await new Promise((r) => setTimeout(r, everyMs));
      }
    },

    /** A receipt or ticket to the thermal printer: recorded, then sent. */
    async printReceipt(printer: string, receipt: Receipt): Promise<PrintJob> {
      const id = await db.transaction((tx) => recordJob(tx, { role: 'receipt', printer, document: `receipt ${receipt.orderNumber}` }, clock()));
      return sendReceipt(id, receipt);
    },

    /** Any other ticket for the thermal printer (the till's): recorded under `document`, then sent; a failure is in the job. */
    async printTicket(printer: string, document: string, compose: (p: ThermalPrinter) => void): Promise<PrintJob> {
      const id = await db.transaction((tx) => recordJob(tx, { role: 'receipt', printer, document }, clock()));
      return sendTicketJob(id, () => printTicket(printer, compose, receiptTimeouts));
    },

    queueState: (queue: string) => spooler.queueState(queue),

    /** At start: every job a stopped kiosk had handed to the spooler and not seen end is followed again. */
    async resume(): Promise<void> {
      for (const job of await unfinishedJobs(db)) watch(job.id);
    },

    /** For shutdown and tests: the background watchers stop (the jobs stay as the store has them). */
    close(): void {
      stopping.abort();
    },
  };
}

export type PrintService = ReturnType<typeof createPrintService>;
