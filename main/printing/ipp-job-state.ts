import http from 'node:http';
import { userInfo } from 'node:os';

/**
 * The state of one CUPS job, asked over IPP (Get-Job-Attributes, RFC 8011 §4.3.4). lpstat
 * shows a cancelled and a completed job alike ("processing-to-stop-point"): only IPP's
 * `job-state` tells a card that came out from one that was stopped.
 */
export type IppJobState = 'pending' | 'held' | 'processing' | 'stopped' | 'canceled' | 'aborted' | 'completed' | 'not-found';
const STATES: Record<number, IppJobState> = { 3: 'pending', 4: 'held', 5: 'processing', 6: 'stopped', 7: 'canceled', 8: 'aborted', 9: 'completed' };

const TAG = {
  operation: 0x01,
  job: 0x02,
  end: 0x03,
  integer: 0x21,
  enum: 0x23,
  uri: 0x45,
  charset: 0x47,
  language: 0x48,
  name: 0x42,
  keyword: 0x44,
} as const;

function attribute(tag: number, name: string, value: string): Buffer {
  const n = Buffer.from(name, 'utf8');
  const v = Buffer.from(value, 'utf8');
  const head = Buffer.alloc(3);
  head.writeUInt8(tag, 0);
  head.writeUInt16BE(n.length, 1);
  const len = Buffer.alloc(2);
  len.writeUInt16BE(v.length, 0);
  return Buffer.concat([head, n, len, v]);
}

/** An IPP 2.0 request: operation, then the operation attributes every request starts with, then `rest`. */
function ippRequest(operation: number, requestId: number, rest: Buffer[]): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt16BE(0x0200, 0); // IPP 2.0
  header.writeUInt16BE(operation, 2);
  header.writeUInt32BE(requestId, 4);
  return Buffer.concat([
    header,
    Buffer.from([TAG.operation]),
    attribute(TAG.charset, 'attributes-charset', 'utf-8'),
    attribute(TAG.language, 'attributes-natural-language', 'en'),
    ...rest,
    Buffer.from([TAG.end]),
  ]);
}

export function getJobAttributesRequest(jobId: number, requestId = 1): Buffer {
  return ippRequest(0x0009, requestId, [
    attribute(TAG.uri, 'job-uri', `ipp://localhost/jobs/${jobId}`),
    // CUPS shows a job's name only to its owner (JobPrivateValues): ask as the user lp ran as.
    attribute(TAG.name, 'requesting-user-name', userInfo().username),
    attribute(TAG.keyword, 'requested-attributes', 'job-state'),
    attribute(TAG.keyword, '', 'job-printer-state-reasons'),
    attribute(TAG.keyword, '', 'job-name'),
  ]);
}

/**
 * What CUPS's IPP backend says when the printer no longer knew the job it had handed over
 * (Get-Job-Attributes answered "not found"): a printer switched off while it held the page
 * forgets it, and once it answers again CUPS closes the job as "completed" with this reason.
 * The reason stays on the queue afterwards (the backend never removes it), so every later job
 * carries it too: it says "CUPS could not confirm", never which job was lost.
 */
const MISSING_JOB_HISTORY = 'cups-ipp-missing-job-history';

/** Get-Jobs of the printer itself (its own URI, as CUPS's queue sends to it), completed ones. */
export function getDeviceJobsRequest(deviceUri: string, requestId = 1): Buffer {
  return ippRequest(0x000a, requestId, [
    attribute(TAG.uri, 'printer-uri', deviceUri),
    attribute(TAG.name, 'requesting-user-name', userInfo().username),
    attribute(TAG.keyword, 'which-jobs', 'completed'),
    attribute(TAG.keyword, 'requested-attributes', 'job-id'),
    attribute(TAG.keyword, '', 'job-name'),
    attribute(TAG.keyword, '', 'job-state'),
  ]);
}

/**
 * Cancel-Job (RFC 8011 §4.3.3) with CUPS's `purge-job`: a finished job's documents and history
 * are deleted. (`cancel -x` does not send `purge-job` for one job in CUPS 2.4, and a finished
 * job cannot be cancelled without it: "Job #12 is already completed - can't cancel".)
 */
export function purgeJobRequest(jobId: number, requestId = 1): Buffer {
  const purge = Buffer.concat([Buffer.from([0x22, 0x00, 9]), Buffer.from('purge-job', 'utf8'), Buffer.from([0x00, 0x01, 0x01])]);
  return ippRequest(0x0008, requestId, [
    attribute(TAG.uri, 'job-uri', `ipp://localhost/jobs/${jobId}`),
    // Only the job's owner may: ask as the user lp ran as.
    attribute(TAG.name, 'requesting-user-name', userInfo().username),
    purge,
  ]);
}

/**
 * Cancel-Job (RFC 8011 §4.3.3) of a job still waiting or printing: the scheduler drops it and
 * stops its backend (which cancels what it had handed to the printer), so it cannot come out
 * later. Its documents stay until purged (purgeJobRequest), once the kiosk has recorded the end.
 */
export function cancelJobRequest(jobId: number, requestId = 1): Buffer {
  return ippRequest(0x0008, requestId, [
    attribute(TAG.uri, 'job-uri', `ipp://localhost/jobs/${jobId}`),
    // Only the job's owner may: ask as the user lp ran as.
    attribute(TAG.name, 'requesting-user-name', userInfo().username),
  ]);
}

/**
 * What a Cancel-Job answer says: cancelled; or ended already (client-error-not-possible: "Job #12
 * is already completed - can't cancel", or canceled, or aborted; client-error-not-found: purged),
 * so nothing was cancelled and how it ended is to be asked; null for another refusal.
 */
export function parseCancelled(body: Buffer): 'cancelled' | 'ended' | null {
  if (body.length < 8) return null;
  const status = body.readUInt16BE(2);
  if (status < 0x0100) return 'cancelled';
  return status === 0x0404 || status === 0x0406 ? 'ended' : null;
}

/** Whether a purge was done (or there was nothing left to purge); null for a refusal. */
export function parsePurged(body: Buffer): true | null {
  if (body.length < 8) return null;
  const status = body.readUInt16BE(2);
  return status < 0x0100 || status === 0x0406 ? true : null;
}

/** Get-Jobs (RFC 8011 §4.2.6) of one queue, finished ones included: each job's id and name. */
export function getJobsRequest(queue: string, requestId = 1): Buffer {
  return ippRequest(0x000a, requestId, [
    attribute(TAG.uri, 'printer-uri', `ipp://localhost/printers/${encodeURIComponent(queue)}`),
    // CUPS shows a job's name only to its owner (JobPrivateValues): ask as the user lp ran as.
    attribute(TAG.name, 'requesting-user-name', userInfo().username),
    attribute(TAG.keyword, 'which-jobs', 'all'),
    attribute(TAG.keyword, 'requested-attributes', 'job-id'),
    attribute(TAG.keyword, '', 'job-name'),
  ]);
}

/**
 * The jobs of a Get-Jobs answer (id and name); none for a queue the scheduler does not know
 * (it holds no job of ours: sending will say what is wrong); null for another error status or
 * a reply cut short.
 */
export type IppJob = { id: number; name: string; state?: IppJobState };
export function parseJobs(body: Buffer): IppJob[] | null {
  if (body.length >= 9 && body.readUInt16BE(2) === 0x0406) return [];
  if (body.length < 9 || body.readUInt16BE(2) >= 0x0100) return null;
  const jobs: IppJob[] = [];
  let current: { id?: number; name?: string; state?: IppJobState } | null = null;
  const flush = () => {
    if (current?.id !== undefined) jobs.push({ id: current.id, name: current.name ?? '', ...(current.state ? { state: current.state } : {}) });
  };
  try {
    let i = 8;
    while (i < body.length) {
      const tag = body.readUInt8(i);
      i += 1;
      if (tag === TAG.end) {
        flush();
        return jobs;
      }
      if (tag < 0x10) {
        // A new group: each job-attributes group is one job.
        flush();
        current = tag === TAG.job ? {} : null;
        continue;
      }
      const nameLength = body.readUInt16BE(i);
      const name = body.toString('utf8', i + 2, i + 2 + nameLength);
      i += 2 + nameLength;
      const valueLength = body.readUInt16BE(i);
      if (i + 2 + valueLength > body.length) return null;
      if (current && name === 'job-id' && tag === TAG.integer && valueLength === 4) current.id = body.readInt32BE(i + 2);
      if (current && name === 'job-name') current.name = body.toString('utf8', i + 2, i + 2 + valueLength);
      if (current && name === 'job-state' && tag === TAG.enum && valueLength === 4) current.state = STATES[body.readInt32BE(i + 2)];
      i += 2 + valueLength;
    }
  } catch {
    return null;
  }
  return null;
}

/** Reads `job-state` out of an IPP response; null if the answer has none (an error status). */
export function parseJobState(body: Buffer): IppJobState | null {
  return parseJob(body)?.state ?? null;
}

/**
 * A job as CUPS answers Get-Job-Attributes: its state, its name, and whether CUPS's backend
 * could confirm its end with the printer (`unconfirmed`: "completed" with MISSING_JOB_HISTORY
 * on the queue, this job's or an earlier one's). Null for an error status or a reply cut short.
 */
export function parseJob(body: Buffer): { state: IppJobState; name: string; unconfirmed: boolean } | null {
  if (body.length < 9) return null;
  const status = body.readUInt16BE(2);
  if (status === 0x0406) return { state: 'not-found', name: '', unconfirmed: false };
  if (status >= 0x0100) return null;
  let state: IppJobState | null = null;
  let jobName = '';
  let forgotten = false;
  // A reply cut short runs past its end: that says nothing of the job.
  try {
    let i = 8;
    // The reasons are a set: the values after the first come with an empty name.
    let current = '';
    while (i < body.length) {
      const tag = body.readUInt8(i);
      i += 1;
      if (tag === TAG.end) break;
      if (tag < 0x10) continue; // a group delimiter
      const nameLength = body.readUInt16BE(i);
      const name = body.toString('utf8', i + 2, i + 2 + nameLength);
      if (nameLength > 0) current = name;
      i += 2 + nameLength;
      const valueLength = body.readUInt16BE(i);
      if (i + 2 + valueLength > body.length) return null;
      if (current === 'job-state' && tag === TAG.enum && valueLength === 4) state = STATES[body.readInt32BE(i + 2)] ?? null;
      if (current === 'job-printer-state-reasons' && body.toString('utf8', i + 2, i + 2 + valueLength) === MISSING_JOB_HISTORY) forgotten = true;
      if (current === 'job-name') jobName = body.toString('utf8', i + 2, i + 2 + valueLength);
      i += 2 + valueLength;
    }
  } catch {
    return null;
  }
  return state === null ? null : { state, name: jobName, unconfirmed: state === 'completed' && forgotten };
}

/** Where the CUPS scheduler listens: CUPS_SERVER (host[:port] or a socket path), else localhost:631. */
function server(env: NodeJS.ProcessEnv): { socketPath: string } | { host: string; port: number } {
  const s = env.CUPS_SERVER;
  if (s?.startsWith('/')) return { socketPath: s };
  const [host = 'localhost', port = '631'] = (s ?? 'localhost:631').split(':');
  return { host, port: Number(port) };
}

type Target = { socketPath: string } | { host: string; port: number };

function ippCall<T>(
  path: string,
  body: Buffer,
  parse: (b: Buffer) => T | null,
  what: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
  target: Target = server(env),
): Promise<T> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { ...target, method: 'POST', path, headers: { 'content-type': 'application/ipp', 'content-length': body.length }, timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const value = parse(Buffer.concat(chunks));
          if (value !== null) resolve(value);
          else reject(new Error(`the scheduler gave no answer about ${what} (HTTP ${res.statusCode})`));
        });
        res.on('aborted', () => reject(new Error('the scheduler’s reply was cut off')));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('the scheduler did not answer in time')));
    req.on('error', reject);
    req.end(body);
  });
}

export function ippJobState(jobId: number, env: NodeJS.ProcessEnv = process.env, timeoutMs = 5000): Promise<IppJobState> {
  return ippCall('/jobs/', getJobAttributesRequest(jobId), parseJobState, `job ${jobId}`, env, timeoutMs);
}

/** A CUPS job's state and name, and whether CUPS could confirm its end with the printer. */
export function ippJob(jobId: number, env: NodeJS.ProcessEnv = process.env, timeoutMs = 5000) {
  return ippCall('/jobs/', getJobAttributesRequest(jobId), parseJob, `job ${jobId}`, env, timeoutMs);
}

/**
 * The completed jobs the printer itself still knows (an ipp:// device, asked directly): where
 * CUPS could not confirm a job, the printer that printed it has it; one switched off with the
 * page has forgotten it. An ipps:// or other device cannot be asked here: null.
 */
export function deviceCompletedJobs(deviceUri: string, timeoutMs = 5000): Promise<IppJob[]> | null {
  const url = /^ipp:\/\/([^/:]+|\[[^\]]+\])(?::(\d+))?(\/.*)?$/.exec(deviceUri);
  if (!url) return null;
  const host = (url[1] ?? '').replace(/^\[|\]$/g, '');
  return ippCall(url[3] ?? '/', getDeviceJobsRequest(deviceUri), parseJobs, 'the printer’s jobs', process.env, timeoutMs, {
    host,
    port: Number(url[2] ?? 631),
  });
}

/** The jobs of a queue, finished ones included, with their names (where the kiosk puts its tag). */
export function ippJobs(queue: string, env: NodeJS.ProcessEnv = process.env, timeoutMs = 5000): Promise<{ id: number; name: string }[]> {
  return ippCall(`/printers/${encodeURIComponent(queue)}`, getJobsRequest(queue), parseJobs, `the jobs of ${queue}`, env, timeoutMs);
}

/** Deletes a finished job's documents from the scheduler (see purgeJobRequest). */
export async function ippPurgeJob(jobId: number, env: NodeJS.ProcessEnv = process.env, timeoutMs = 5000): Promise<void> {
  await ippCall('/jobs/', purgeJobRequest(jobId), parsePurged, `purging job ${jobId}`, env, timeoutMs);
}

/** Cancels a job that has not ended (see cancelJobRequest); 'ended' when it had ended already. */
export function ippCancelJob(jobId: number, env: NodeJS.ProcessEnv = process.env, timeoutMs = 5000): Promise<'cancelled' | 'ended'> {
  return ippCall('/jobs/', cancelJobRequest(jobId), parseCancelled, `cancelling job ${jobId}`, env, timeoutMs);
}
