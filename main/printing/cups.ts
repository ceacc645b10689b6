import { execFile } from 'node:child_process';
import net from 'node:net';
import { promisify } from 'node:util';
import type { PrintRole } from '../shared/print-jobs.ts';
import type { QueueState } from '../shared/printers.ts';
import { deviceCompletedJobs, ippCancelJob, ippJob, ippJobs, ippPurgeJob } from './ipp-job-state.ts';
import { PrintError, spoolerErrorKind } from './print-errors.ts';

const exec = promisify(execFile);
/**
 * CUPS commands in the C locale (their output is parsed: a French CUPS says "n'accepte
 * plus de requêtes"), and never longer than 15 s: a stuck scheduler must not stall the kiosk.
 */
const run = (cmd: string, args: string[]) => exec(cmd, args, { env: { ...process.env, LC_ALL: 'C', LANG: 'C' }, timeout: 15_000 });

/**
 * The operating system's print spooler on Linux and macOS: CUPS, through its commands
 * (lp, lpstat) and IPP. PDFs go as they are: a card printer gets the CR80 page untouched
 * (`-o raw`: its own driver knows the card), an office printer gets the A4 sheet at 100 %.
 */
export type SpoolState = 'pending' | 'completed' | 'failed' | 'lost';

/** lp options for each role: never scaled, the card passed through as drawn. */
export function lpOptions(role: PrintRole): string[] {
  if (role === 'card') return ['-o', 'raw'];
  if (role === 'paper') return ['-o', 'media=iso_a4_210x297mm', '-o', 'print-scaling=none', '-o', 'fit-to-page=false'];
  throw new PrintError('other', 'receipts go to the thermal printer, not to the spooler');
}

/** Whether the CUPS scheduler answers at all. */
async function schedulerRunning(): Promise<boolean> {
  // lpstat missing, failing or timing out: the scheduler cannot be asked, which is what
  // 'spooler-down' means to staff (the caller names the failure it was asked about).
  const r = await run('lpstat', ['-r']).catch(() => ({ stdout: '' }));
  return /scheduler is running/.test(r.stdout);
}

async function failure(what: string, error: unknown): Promise<PrintError> {
  const e = error as { stderr?: string; message?: string; code?: string };
  const text = e.code === 'ENOENT' ? 'the CUPS commands (lp, lpstat) are not installed on this machine' : (e.stderr || e.message || String(error)).trim();
  let kind = spoolerErrorKind(text, e.code);
  // With the scheduler down, lp says the printer "does not exist" or "Bad file descriptor":
  // whatever it said, ask the scheduler itself.
  if (kind !== 'spooler-down' && !(await schedulerRunning())) kind = 'spooler-down';
  return new PrintError(kind, `${what}: ${text.split('\n')[0] ?? 'unknown error'}`);
}

export async function listQueues(): Promise<{ name: string; state: string }[]> {
  try {
    const { stdout } = await run('lpstat', ['-p']);
    return [...stdout.matchAll(/^printer (\S+) (?:is |now )?(.*?)\.\s/gm)].map((m) => ({ name: m[1] ?? '', state: m[2] ?? '' }));
  } catch (error) {
    throw await failure('cannot list the printers', error);
  }
}

/**
 * How a queue stands: ready, printing, paused (cupsdisable), refusing jobs (cupsreject), or
 * unreachable: CUPS says "printing" as long as a job waits for its backend, a printer switched
 * off included, so "printing" is believed only while the printer answers (see printerAway).
 */
export async function queueState(queue: string): Promise<QueueState> {
  try {
    const [printer, accepting] = await Promise.all([run('lpstat', ['-l', '-p', queue]), run('lpstat', ['-a', queue])]);
    if (/not accepting/.test(accepting.stdout)) return 'not-accepting';
    if (/disabled/.test(printer.stdout)) return 'paused';
    if (!/now printing/.test(printer.stdout)) return 'ready';
    return (await printerAway(queue, printer.stdout)) ? 'unreachable' : 'printing';
  } catch (error) {
    throw await failure(`cannot read the state of ${queue}`, error);
  }
}

/**
 * What the backend says of a printer it cannot reach: IPP reasons (RFC 8011 §5.4.12, CUPS's
 * `offline-report`, `connecting-to-device`, `timed-out`), or its message, which CUPS writes in
 * the scheduler's language (the C locale of lpstat does not translate it): English and French.
 */
const AWAY_REASONS = /\b(offline-report|offline|connecting-to-device|timed-out)\b/;
const AWAY_MESSAGES =
  /may not exist or is unavailable|unavailable at this time|not responding|unreachable|waiting for printer|unable to locate printer|unable to connect|injoignable|ne répond pas|indisponible|en attente de l.imprimante|impossible de se connecter/i;

/**
 * Whether the printer behind a "printing" queue is away: the backend says so (its reasons or its
 * message), or, for a network IPP printer, the printer itself does not take a connection (the
 * same printer the kiosk asks for its own jobs when CUPS cannot confirm one). A raw-socket
 * printer (socket://) is not probed: it serves one connection at a time, CUPS's own.
 */
async function printerAway(queue: string, long: string): Promise<boolean> {
  const alerts = /^\s*Alerts:(.*)$/m.exec(long)?.[1] ?? '';
  // The line after "printer Q now printing…" is the backend's message, if it has one.
  const message = /^printer .*\n\t(?!Form mounted:)(.+)$/m.exec(long)?.[1] ?? '';
  if (AWAY_REASONS.test(alerts) || AWAY_MESSAGES.test(message)) return true;
  const device = /device for \S+: (\S+)/.exec((await run('lpstat', ['-v', queue]).catch(() => ({ stdout: '' }))).stdout)?.[1] ?? '';
  const at = /^(ipps?|https?):\/\/([^/:]+|\[[^\]]+\])(?::(\d+))?/.exec(device);
  if (!at) return false;
  const host = (at[2] ?? '').replace(/^\[|\]$/g, '');
  const port = Number(at[3] ?? (at[1] === 'http' ? 80 : at[1] === 'https' ? 443 : 631));
  return !(await answers(host, port, 2000));
}

/** Whether something takes a TCP connection at host:port within `ms`. */
function answers(host: string, port: number, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(ms, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** How many jobs wait in the queue (not yet ended). */
export async function waitingJobs(queue: string): Promise<number> {
  try {
    const { stdout } = await run('lpstat', ['-o', queue]);
    return stdout.split('\n').filter((l) => l.startsWith(`${queue}-`)).length;
  } catch (error) {
    throw await failure(`cannot list the jobs of ${queue}`, error);
  }
}

/** The job's name as the spooler keeps it: its title, then the kiosk's tag in brackets. */
export const taggedTitle = (title: string, tag: string) => `${title} [${tag}]`;

/**
 * Submits a PDF; resolves with the spooler's job id ("Queue-12"). `tag` goes into the job's
 * name, so that after a crash the kiosk can find a job it sent but never recorded. (Not as
 * the job's user name with `lp -U`: CUPS 2.4.2-3+deb12u10, Debian's current security
 * release, crashes on a job from a user the system does not know.)
 */
export async function submit(queue: string, file: string, role: PrintRole, title: string, tag: string): Promise<string> {
  try {
    const { stdout } = await run('lp', ['-d', queue, '-t', taggedTitle(title, tag), ...lpOptions(role), file]);
    const id = /request id is (\S+)/.exec(stdout)?.[1];
    if (!id) throw new PrintError('other', `the spooler did not say which job it made: ${stdout.trim()}`);
    return id;
  } catch (error) {
    if (error instanceof PrintError) throw error;
    throw await failure(`the printer ${queue} did not take the job`, error);
  }
}

/** The spooler's id of the job sent with `tag`, whatever its state, or null if none was. */
export async function findByTag(queue: string, tag: string): Promise<string | null> {
  try {
    const job = (await ippJobs(queue)).find((j) => j.name.endsWith(`[${tag}]`));
    return job ? `${queue}-${job.id}` : null;
  } catch (error) {
    throw new PrintError((await schedulerRunning()) ? 'other' : 'spooler-down', `cannot list the jobs of ${queue}: ${String(error)}`);
  }
}

/**
 * Where a job stands: still in the queue, done, stopped (aborted or canceled), or lost (the
 * printer was switched off while it held the page, and CUPS could not see it come out), asked
 * over IPP.
 */
export async function jobState(queue: string, spoolId: string): Promise<SpoolState> {
  const jobId = Number(/-(\d+)$/.exec(spoolId)?.[1]);
  if (!Number.isInteger(jobId)) throw new PrintError('other', `not a CUPS job id: ${spoolId}`);
  try {
    const job = await ippJob(jobId);
    if (job.unconfirmed) return (await printerHas(queue, job.name)) ? 'completed' : 'lost';
    const state = job.state;
    // A job the scheduler no longer knows (purged, `cancel -x`) did not print as far as anyone can tell.
    if (state === 'completed') return state;
    return state === 'canceled' || state === 'aborted' || state === 'not-found' ? 'failed' : 'pending';
  } catch (error) {
    throw new PrintError((await schedulerRunning()) ? 'other' : 'spooler-down', `cannot read the state of ${spoolId}: ${String(error)}`);
  }
}

/**
 * Whether the printer behind `queue` itself completed a job of this name (the kiosk's tag is in
 * it, so no other job has it). Asked only where CUPS could not confirm the end; a printer that
 * cannot be asked, or no longer has the job (switched off with the page, or its history
 * purged since), does not confirm: the page is not said printed.
 */
async function printerHas(queue: string, jobName: string): Promise<boolean> {
  if (!jobName) return false;
  const device = /device for \S+: (\S+)/.exec((await run('lpstat', ['-v', queue]).catch(() => ({ stdout: '' }))).stdout)?.[1];
  const jobs = device ? await deviceCompletedJobs(device)?.catch(() => null) : null;
  return jobs?.some((j) => j.name === jobName && (j.state ?? 'completed') === 'completed') ?? false;
}

/**
 * Deletes a finished job's documents from the spooler. CUPS keeps the files of a printed job
 * for a day by default (cupsd.conf `PreserveJobFiles 86400`), readable by root and `lp`: for a
 * card, the artisan's photo, name and RM number. The job's history entry goes too; the kiosk
 * has already recorded how the job ended.
 */
export async function purge(spoolId: string): Promise<void> {
  const jobId = Number(/-(\d+)$/.exec(spoolId)?.[1]);
  if (!Number.isInteger(jobId)) throw new PrintError('other', `not a CUPS job id: ${spoolId}`);
  try {
    await ippPurgeJob(jobId);
  } catch (error) {
    throw new PrintError((await schedulerRunning()) ? 'other' : 'spooler-down', `cannot delete the files of ${spoolId}: ${String(error)}`);
  }
}

/**
 * Cancels a job that waits (for a printer switched off, say) over IPP: 'cancelled' once the
 * scheduler dropped it, so it will not print when the printer comes back; 'ended' when it had
 * ended before (printed, stopped or gone), which the caller then asks about. A scheduler that
 * cannot be asked is a PrintError ('spooler-down' when it is stopped): nothing was cancelled.
 */
export async function cancelJob(spoolId: string): Promise<'cancelled' | 'ended'> {
  const jobId = Number(/-(\d+)$/.exec(spoolId)?.[1]);
  if (!Number.isInteger(jobId)) throw new PrintError('other', `not a CUPS job id: ${spoolId}`);
  try {
    return await ippCancelJob(jobId);
  } catch (error) {
    throw new PrintError((await schedulerRunning()) ? 'other' : 'spooler-down', `cannot cancel ${spoolId}: ${String(error)}`);
  }
}
