import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { PrintRole } from '../store/print-jobs-repo.ts';

const run = promisify(execFile);

/**
 * The operating system's print spooler on Linux and macOS: CUPS, through its commands
 * (lp, lpstat, cancel). PDFs go as they are: a card printer gets the CR80 page untouched
 * (`-o raw`: its own driver knows the card), an office printer gets the A4 sheet at 100 %.
 */
export class SpoolerError extends Error {
  override name = 'SpoolerError';
}

export type SpoolState = 'pending' | 'completed' | 'failed';

/** lp options for each role: never scaled, the card passed through as drawn. */
export function lpOptions(role: PrintRole): string[] {
  if (role === 'card') return ['-o', 'raw'];
  if (role === 'paper') return ['-o', 'media=iso_a4_210x297mm', '-o', 'print-scaling=none', '-o', 'fit-to-page=false'];
  throw new SpoolerError('receipts go to the thermal printer, not to the spooler');
}

function words(error: unknown): string {
  const e = error as { stderr?: string; message?: string; code?: string };
  if (e.code === 'ENOENT') return 'the CUPS commands (lp, lpstat) are not installed on this machine';
  return (e.stderr || e.message || String(error)).trim().split('\n')[0] ?? 'unknown error';
}

export async function listQueues(): Promise<{ name: string; state: string }[]> {
  try {
    const { stdout } = await run('lpstat', ['-p']);
    return [...stdout.matchAll(/^printer (\S+) (?:is |now )?(.*?)\.\s/gm)].map((m) => ({ name: m[1] ?? '', state: m[2] ?? '' }));
  } catch (error) {
    throw new SpoolerError(`cannot list the printers: ${words(error)}`);
  }
}

/** Submits a PDF; resolves with the spooler's job id ("Queue-12"). */
export async function submit(queue: string, file: string, role: PrintRole, title: string): Promise<string> {
  try {
    const { stdout } = await run('lp', ['-d', queue, '-t', title, ...lpOptions(role), file]);
    const id = /request id is (\S+)/.exec(stdout)?.[1];
    if (!id) throw new SpoolerError(`the spooler did not say which job it made: ${stdout.trim()}`);
    return id;
  } catch (error) {
    if (error instanceof SpoolerError) throw error;
    throw new SpoolerError(`the printer ${queue} did not take the job: ${words(error)}`);
  }
}

/** Where a job stands: still in the queue, done, or stopped (aborted or canceled). */
export async function jobState(queue: string, spoolId: string): Promise<SpoolState> {
  try {
    const pending = await run('lpstat', ['-W', 'not-completed', '-o', queue]);
    if (pending.stdout.split('\n').some((l) => l.startsWith(`${spoolId} `))) return 'pending';
    const done = await run('lpstat', ['-l', '-W', 'completed', '-o', queue]);
    const block = done.stdout.split(/\n(?=\S)/).find((b) => b.startsWith(`${spoolId} `));
    if (!block) return 'pending';
    return /aborted|canceled|cancelled|job-stopped/i.test(block) ? 'failed' : 'completed';
  } catch (error) {
    throw new SpoolerError(`cannot read the state of ${spoolId}: ${words(error)}`);
  }
}

export async function cancel(spoolId: string): Promise<void> {
  await run('cancel', [spoolId]).catch((error: unknown) => {
    throw new SpoolerError(`cannot cancel ${spoolId}: ${words(error)}`);
  });
}
