import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * The system packages the suite needs, by the command that proves each one is there. The
 * suite installs what is missing (Debian or Ubuntu, as root) or stops with the one command
 * to run.
 */
export const SYSTEM_NEEDS: readonly { check: string; packages: string[] }[] = [
  { check: '/usr/bin/chromium', packages: ['chromium'] },
  { check: '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', packages: ['fonts-liberation'] },
  // Checking the card PDFs as a person would: page size, text, a picture, the QR code.
  { check: '/usr/bin/pdfinfo', packages: ['poppler-utils'] },
  { check: '/usr/bin/zbarimg', packages: ['zbar-tools'] },
  // The sync benchmark's baseline (the shell importing the same rows), which a test starts.
  { check: '/usr/bin/sqlite3', packages: ['sqlite3'] },
  // A real print chain: CUPS, its client commands, a virtual IPP printer, and the D-Bus and
  // Avahi it needs for DNS-SD.
  { check: '/usr/sbin/cupsd', packages: ['cups'] },
  { check: '/usr/bin/lp', packages: ['cups-client'] },
  { check: '/usr/sbin/ippeveprinter', packages: ['cups-ipp-utils'] },
  { check: '/usr/sbin/avahi-daemon', packages: ['avahi-daemon'] },
  { check: '/usr/bin/dbus-daemon', packages: ['dbus'] },
  // The OS keychain: a Secret Service (gnome-keyring) in a session bus, and libsecret's
  // headers, without which keytar's native addon cannot be built.
  { check: '/usr/bin/gnome-keyring-daemon', packages: ['gnome-keyring'] },
  { check: '/usr/bin/dbus-run-session', packages: ['dbus'] },
  { check: '/usr/include/libsecret-1/libsecret/secret.h', packages: ['libsecret-1-dev'] },
  // Audio mode: the Linux speech synthesizer, and sox to check that what it made is speech.
  { check: '/usr/bin/espeak-ng', packages: ['espeak-ng'] },
  { check: '/usr/bin/sox', packages: ['sox'] },
];

export function missingPackages(): string[] {
  return [...new Set(SYSTEM_NEEDS.filter((n) => !existsSync(n.check)).flatMap((n) => n.packages))];
}

function canInstall(): boolean {
  return process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Installs what is missing, or throws with the command a person must run. */
export function ensureSystemPackages(log: (line: string) => void): void {
  const missing = missingPackages();
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (!canInstall()) throw new Error(`The test suite needs these system packages: ${missing.join(', ')}. Run:\n  sudo sh -c '${command}'`);
  log(`Installing system packages for the tests: ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: ['ignore', 'ignore', 'inherit'], env });
  const still = missingPackages();
  if (still.length > 0) throw new Error(`apt-get ran but these are still missing: ${still.join(', ')}`);
}

const KEYTAR_LOADS = ['-e', "require('keytar')"];

/**
 * keytar is an optional dependency: `npm ci` skips it on a machine without libsecret's
 * headers. Once they are installed, the suite builds it (rebuild if npm kept it, else an
 * install that leaves package.json and the lock as they are).
 */
export function ensureKeytar(root: string, log: (line: string) => void): void {
  const loads = () => spawnSync(process.execPath, KEYTAR_LOADS, { cwd: root, stdio: 'ignore' }).status === 0;
  if (loads()) return;
  log('Building keytar (the OS keychain addon) now that libsecret is installed');
  const version = (JSON.parse(execFileSync('npm', ['pkg', 'get', 'optionalDependencies.keytar'], { cwd: root }).toString()) as string) || '7.9.0';
  const args = existsSync(`${root}/node_modules/keytar/package.json`)
    ? ['rebuild', 'keytar']
    : ['install', '--no-save', '--ignore-scripts=false', `keytar@${version}`];
  execFileSync('npm', args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (!loads()) throw new Error('keytar still does not load after building it: see the npm output above.');
}
