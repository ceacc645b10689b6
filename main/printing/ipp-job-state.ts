import http from 'node:http';

/**
 * The state of one CUPS job, asked over IPP (Get-Job-Attributes, RFC 8011 §4.3.4). lpstat
 * shows a cancelled and a completed job alike ("processing-to-stop-point"): only IPP's
 * `job-state` tells a card that came out from one that was stopped.
 */
export type IppJobState = 'pending' | 'held' | 'processing' | 'stopped' | 'canceled' | 'aborted' | 'completed' | 'not-found';
const STATES: Record<number, IppJobState> = { 3: 'pending', 4: 'held', 5: 'processing', 6: 'stopped', 7: 'canceled', 8: 'aborted', 9: 'completed' };

const TAG = { operation: 0x01, end: 0x03, enum: 0x23, uri: 0x45, charset: 0x47, language: 0x48, name: 0x42, keyword: 0x44 } as const;

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

export function getJobAttributesRequest(jobId: number, requestId = 1): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt16BE(0x0200, 0); // IPP 2.0
  header.writeUInt16BE(0x0009, 2); // Get-Job-Attributes
  header.writeUInt32BE(requestId, 4);
  return Buffer.concat([
    header,
    Buffer.from([TAG.operation]),
    attribute(TAG.charset, 'attributes-charset', 'utf-8'),
    attribute(TAG.language, 'attributes-natural-language', 'en'),
    attribute(TAG.uri, 'job-uri', `ipp://localhost/jobs/${jobId}`),
    attribute(TAG.name, 'requesting-user-name', 'kiosk'),
    attribute(TAG.keyword, 'requested-attributes', 'job-state'),
    Buffer.from([TAG.end]),
  ]);
}

/** Reads `job-state` out of an IPP response; null if the answer has none (an error status). */
export function parseJobState(body: Buffer): IppJobState | null {
  if (body.length < 9) return null;
  const status = body.readUInt16BE(2);
  if (status === 0x0406) return 'not-found';
  if (status >= 0x0100) return null;
  // A reply cut short runs past its end: that says nothing of the job.
  try {
    let i = 8;
    while (i < body.length) {
      const tag = body.readUInt8(i);
      i += 1;
      if (tag === TAG.end) break;
      if (tag < 0x10) continue; // a group delimiter
      const nameLength = body.readUInt16BE(i);
      const name = body.toString('utf8', i + 2, i + 2 + nameLength);
      i += 2 + nameLength;
      const valueLength = body.readUInt16BE(i);
      if (name === 'job-state' && tag === TAG.enum && valueLength === 4) return STATES[body.readInt32BE(i + 2)] ?? null;
      i += 2 + valueLength;
    }
  } catch {
    return null;
  }
  return null;
}

/** Where the CUPS scheduler listens: CUPS_SERVER (host[:port] or a socket path), else localhost:631. */
function server(env: NodeJS.ProcessEnv): { socketPath: string } | { host: string; port: number } {
  const s = env.CUPS_SERVER;
  if (s?.startsWith('/')) return { socketPath: s };
  const [host = 'localhost', port = '631'] = (s ?? 'localhost:631').split(':');
  return { host, port: Number(port) };
}

export function ippJobState(jobId: number, env: NodeJS.ProcessEnv = process.env, timeoutMs = 5000): Promise<IppJobState> {
  const body = getJobAttributesRequest(jobId);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { ...server(env), method: 'POST', path: '/jobs/', headers: { 'content-type': 'application/ipp', 'content-length': body.length }, timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const state = parseJobState(Buffer.concat(chunks));
          if (state) resolve(state);
          else reject(new Error(`the scheduler gave no state for job ${jobId} (HTTP ${res.statusCode})`));
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
