import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { tempDir } from './temp.ts';

// Whether each daemon answers (a process list would also show dead, unreaped ones).
const dbusUp = () =>
  existsSync('/run/dbus/system_bus_socket') &&
  spawnSync('dbus-send', ['--system', '--print-reply', '--dest=org.freedesktop.DBus', '/', 'org.freedesktop.DBus.GetId']).status === 0;
// Avahi is up when it answers on the system bus: one left running on a bus that has gone
// (a killed test run) still passes `--check`, and every virtual printer then fails on DNS-SD.
const avahiUp = () =>
  spawnSync('dbus-send', ['--system', '--print-reply', '--dest=org.freedesktop.Avahi', '/', 'org.freedesktop.Avahi.Server.GetVersionString']).status === 0;
const avahiRunning = () => spawnSync('avahi-daemon', ['--check']).status === 0;
const cupsUp = () => spawnSync('lpstat', ['-r']).stdout?.toString().includes('is running') ?? false;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`${what} did not come up in ${ms} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * A real print chain for tests: CUPS, with a virtual IPP printer (ippeveprinter) that keeps
 * every file it receives in `spoolDir`. ippeveprinter wants DNS-SD, so D-Bus and Avahi come
 * first. Daemons already running (a developer's machine) are used as they are; those started
 * here are stopped by `stop()`.
 */
export type PrintChain = {
  queue: string;
  spoolDir: string;
  /**
   * The printer itself (the virtual IPP printer behind the queue): `off()` kills it at once,
   * as a printer switched off mid-job (what it was printing never comes out; CUPS keeps the
   * queue and its jobs); `on()` starts it again on the same address, empty, taking
   * `jobSeconds` over each job (none: at once).
   */
  printer: { off(): Promise<void>; on(options?: { jobSeconds?: number }): Promise<void> };
  stop(): Promise<void>;
};

export async function startPrintChain(queue: string, { jobSeconds = 0 } = {}): Promise<PrintChain> {
  const started: ChildProcess[] = [];
  const child = (cmd: string, args: string[]) => {
    const c = spawn(cmd, args, { stdio: 'ignore' });
    started.push(c);
    return c;
  };
  // A daemon that did not come up must not outlive the failure: the test file would wait on it
  // for ever (and hold the suite's lock), as happened with an Avahi left on a dead bus.
  const failing = async (step: () => Promise<void> | void) => {
    try {
      await step();
    } catch (error) {
      for (const c of started.reverse()) c.kill('SIGKILL');
      throw error;
    }
  };
  await failing(() => startDaemons(child));
  const spoolDir = tempDir('ipp-spool-');
  const port = await freePort();
  // A command makes each job complete once received: without one, ippeveprinter simulates printing with
  // a wait of several seconds per job, and two cards queued behind a sheet outlasted a test's 30 s on CI.
  // The document is kept (-k) beside the command's empty output (.prn), which receivedFiles leaves out.
  // `jobSeconds`: a printer that takes that long over each job, for a test that must act while
  // a card is at the printer (a jam cancelled there); a job done at once would win that race.
  // The printer's slowness is read at each job, so that a printer switched on again (printer.on)
  // can be another: slow while a test acts mid-job, then quick for the pages printed after.
  const commandDir = tempDir('ipp-command-');
  const seconds = path.join(commandDir, 'seconds');
  const command = path.join(commandDir, 'slow-printer.sh');
  writeFileSync(seconds, String(jobSeconds));
  writeFileSync(command, `#!/bin/sh\nsleep "$(cat '${seconds}')"\n`, { mode: 0o755 });
  const printerUp = () => spawnSync('ipptool', ['-q', `ipp://localhost:${port}/ipp/print`, 'get-printer-attributes.test']).status === 0;
  const startPrinter = () => child('ippeveprinter', ['-c', command, '-k', '-d', spoolDir, '-f', 'application/pdf,image/pwg-raster', '-p', String(port), queue]);
  let printer = startPrinter();
  await failing(() => until(printerUp, 15_000, 'the virtual printer'));
  execFileSync('lpadmin', ['-p', queue, '-E', '-v', `ipp://localhost:${port}/ipp/print`, '-m', 'everywhere']);
  return {
    queue,
    spoolDir,
    printer: {
      off: async () => {
        if (printer.exitCode !== null || printer.signalCode !== null) return;
        const exited = new Promise<void>((resolve) => printer.once('exit', () => resolve()));
        printer.kill('SIGKILL');
        await exited;
      },
      on: async ({ jobSeconds: slow = 0 } = {}) => {
        writeFileSync(seconds, String(slow));
        printer = startPrinter();
        await until(printerUp, 15_000, 'the virtual printer, started again');
      },
    },
    stop: async () => {
      spawnSync('lpadmin', ['-x', queue]);
      // One after the other, the last started first, each gone before the next: Avahi told to
      // stop while the bus it is on goes away spins at full CPU and never exits, which kept a
      // test file (and the suite's lock) alive in a CI rehearsal. What does not stop is killed.
      for (const c of started.reverse()) await stopChild(c);
    },
  };
}

/** SIGTERM, then SIGKILL if the process has not exited within 3 s; resolves once it has. */
async function stopChild(c: ChildProcess): Promise<void> {
  if (c.exitCode !== null || c.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => c.once('exit', () => resolve()));
  c.kill('SIGTERM');
  const timer = setTimeout(() => c.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

/** D-Bus, Avahi and CUPS, each started unless already running. */
async function startDaemons(child: (cmd: string, args: string[]) => ChildProcess): Promise<void> {
  if (!dbusUp()) {
    mkdirSync('/run/dbus', { recursive: true });
    rmSync('/run/dbus/system_bus_socket', { force: true });
    rmSync('/run/dbus/pid', { force: true });
    child('dbus-daemon', ['--system', '--nofork']);
    await until(dbusUp, 10_000, 'D-Bus');
  }
  if (!avahiUp()) {
    if (avahiRunning()) spawnSync('pkill', ['-KILL', '-x', 'avahi-daemon']);
    rmSync('/run/avahi-daemon/pid', { force: true });
    child('avahi-daemon', ['--no-chroot', '--no-drop-root']);
    await until(avahiUp, 10_000, 'Avahi');
  }
  if (!cupsUp()) {
    child('cupsd', ['-f']);
    await until(cupsUp, 15_000, 'CUPS');
  }
}

/** The files the virtual printer received, by name. */
export function receivedFiles(spoolDir: string): string[] {
  const names = execFileSync('ls', [spoolDir]).toString().split('\n').filter(Boolean) as string[];
  return names.filter((f) => !f.endsWith('.prn')).map((f) => path.join(spoolDir, f));
}
