import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export type RunningKiosk = {
  url: string;
  origin: string;
  token: string;
  stderr: () => string;
  stop(): Promise<void>;
  /** SIGKILL: the process dies at once, as in a power cut, with no chance to tidy up. */
  kill(): Promise<void>;
  /** Resolves with the exit code once the process ends by itself or is stopped. */
  exited: Promise<number | null>;
};

/**
 * Starts browser mode as a person would (`tsx main/browser/cli.ts`), in its own process,
 * and resolves once it prints `Kiosk ready: <url>` and, unless `waitForCopy` is false, once
 * it says its copy of the registry is complete (the kiosk serves before: a test that
 * identifies someone wants the whole list). The renderer must be built (test/run.ts builds
 * it once before the suite). `port` 0 picks a free one; a kiosk restarted on the same data
 * directory and port is what a page left open meets again.
 */
export function startBrowserMode(dataDir: string, extraEnv: NodeJS.ProcessEnv = {}, { waitForCopy = true, port = 0 } = {}): Promise<RunningKiosk> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'main/browser/cli.ts', '--port', String(port), '--data-dir', dataDir], {
    cwd: ROOT,
    env: { ...process.env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Never leave a kiosk running behind a crashed test process.
  const reap = () => child.kill('SIGKILL');
  process.once('exit', reap);
  child.once('exit', () => process.off('exit', reap));
  let err = '';
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const kill = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`browser mode did not start in 30 s; stderr:\n${err}`));
    }, 30_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /Kiosk ready: (\S+)/.exec(out);
      if (match?.[1] && (!waitForCopy || out.includes('Registry copy complete'))) {
        clearTimeout(timer);
        const url = new URL(match[1]);
        resolve({ url: match[1], origin: url.origin, token: url.searchParams.get('token') ?? '', stderr: () => err, stop, kill, exited });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code}; stderr:\n${err}`));
    });
  });
}

/** Calls the running kiosk's contract over its bridge, as its page would. */
export function bridgeClient(kiosk: Pick<RunningKiosk, 'origin' | 'token'>) {
  return async <T = unknown>(channel: string, input: object = {}): Promise<{ ok: true; value: T } | { ok: false; error: { code: string } }> => {
    const r = await fetch(`${kiosk.origin}/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${kiosk.token}`, origin: kiosk.origin },
      body: JSON.stringify(input),
    });
    return (await r.json()) as { ok: true; value: T } | { ok: false; error: { code: string } };
  };
}
