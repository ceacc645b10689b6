import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REGISTER = fileURLToPath(new URL('./register.mjs', import.meta.url));

/** The stand-in's answers (electron.mjs, `ops`): what the shell asked of Electron, and what it decided. */
export type ShellState = {
  packaged: boolean;
  sandbox: boolean;
  privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[];
  windows: {
    options: { kiosk?: boolean; fullscreen?: boolean; show?: boolean; webPreferences?: Record<string, unknown> };
    visible: boolean;
    loads: string[];
    /** What the main process pushed to the page: the channel and the event's kind. */
    sent: { channel: string; kind: string | null }[];
  }[];
  protocols: string[];
  ipcChannels: string[];
  permissionHandlers: { request: boolean; check: boolean };
  errorBoxes: { title: string; content: string }[];
  appListeners: string[];
};
export type Served = { status: number; headers: Record<string, string>; body: string };
export type KeyInput = { type: string; key: string; control: boolean; meta: boolean; alt: boolean; shift: boolean };

export type BootedShell = {
  state(): Promise<ShellState>;
  request(url: string): Promise<Served>;
  permissionRequest(name: string, requestingUrl: string, mediaTypes?: string[]): Promise<boolean>;
  permissionCheck(name: string, requestingOrigin: string, mediaType?: string): Promise<boolean>;
  /** Whether the shell prevented the navigation. */
  navigate(event: 'will-navigate' | 'will-redirect', url: string): Promise<boolean>;
  windowOpen(url: string): Promise<string>;
  attachWebview(): Promise<boolean>;
  key(input: KeyInput): Promise<boolean>;
  ipc(channel: string, input: unknown, frameUrl: string | null): Promise<unknown>;
  rendererGone(reason: string): Promise<{ url: string; outcome: string } | null>;
  /** app.quit(), as the window's closing or "Arrêter la borne" would call it. */
  quit(): void;
  /** Resolves once the window is shown: the shell has started. */
  shown: Promise<void>;
  /** The exit code, once the process ends. */
  exited: Promise<number | null>;
  /** What the shell wrote to stdout and stderr (its log lines). */
  output(): string;
  /** Resolves once the shell's output matches `pattern` (a log line it writes). */
  logged(pattern: RegExp): Promise<void>;
  kill(): void;
};

type Answer = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

/**
 * Starts the packed app's main script (package.json `main`) in plain Node, its `electron`
 * the stand-in, as Electron would start it at a desk: `packaged` is app.isPackaged.
 */
export function bootShell(appDir: string, { packaged, env }: { packaged: boolean; env: NodeJS.ProcessEnv }): BootedShell {
  const main = (JSON.parse(readFileSync(path.join(appDir, 'package.json'), 'utf8')) as { main: string }).main;
  const child: ChildProcess = spawn(process.execPath, ['--import', REGISTER, path.join(appDir, main)], {
    cwd: appDir,
    env: { ...env, ELECTRON_STAND_IN_PACKAGED: packaged ? '1' : '0' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let out = '';
  const watchers = new Set<{ pattern: RegExp; resolve: () => void }>();
  const append = (d: Buffer) => {
    out += d.toString();
    for (const w of watchers) {
      if (w.pattern.test(out)) {
        watchers.delete(w);
        w.resolve();
      }
    }
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  // A message sent after the process ended: its exit is what the test will report.
  child.on('error', (error) => {
    out += `\n[stand-in channel] ${error.message}\n`;
  });
  const reap = () => child.kill('SIGKILL');
  process.once('exit', reap);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      process.off('exit', reap);
      resolve(code);
    }),
  );
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let next = 0;
  let onShown = () => {};
  const shown = new Promise<void>((resolve, reject) => {
    onShown = resolve;
    void exited.then((code) => reject(new Error(`the shell exited (${code}) before showing its window:\n${out}`)));
  });
  // A test that expects no window (a start that fails) need not wait for one.
  shown.catch(() => undefined);
  child.on('message', (message: Answer | { event: 'shown' }) => {
    if ('event' in message) return onShown();
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (message.ok) waiting?.resolve(message.value);
    else waiting?.reject(new Error(`the stand-in could not do it: ${message.error}`));
  });
  void exited.then((code) => {
    for (const w of pending.values()) w.reject(new Error(`the shell exited (${code}):\n${out}`));
  });
  const ask = <T>(op: string, args: Record<string, unknown> = {}): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve: (v) => resolve(v as T), reject });
      child.send({ id, op, ...args });
    });
  return {
    state: () => ask('state'),
    request: (url) => ask('request', { url }),
    permissionRequest: (name, requestingUrl, mediaTypes) => ask('permissionRequest', { name, requestingUrl, ...(mediaTypes ? { mediaTypes } : {}) }),
    permissionCheck: (name, requestingOrigin, mediaType) => ask('permissionCheck', { name, requestingOrigin, ...(mediaType ? { mediaType } : {}) }),
    navigate: (event, url) => ask('navigate', { event, url }),
    windowOpen: (url) => ask('windowOpen', { url }),
    attachWebview: () => ask('attachWebview'),
    key: (input) => ask('key', { input }),
    ipc: (channel, input, frameUrl) => ask('ipc', { channel, input, frameUrl }),
    rendererGone: (reason) => ask('rendererGone', { reason }),
    quit: () => child.send({ id: next++, op: 'quit' }),
    shown,
    exited,
    output: () => out,
    logged: (pattern) =>
      new Promise<void>((resolve, reject) => {
        if (pattern.test(out)) return resolve();
        watchers.add({ pattern, resolve });
        void exited.then((code) => reject(new Error(`the shell exited (${code}) before logging ${pattern}:\n${out}`)));
      }),
    kill: reap,
  };
}
