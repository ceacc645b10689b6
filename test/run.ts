import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './support/browser-mode.ts';
import { ensureKeytar, ensureSystemPackages } from './support/system.ts';

/**
 * `npm test`: sets up what the suite needs (system packages, the built renderer), runs
 * every test file with node:test, and ends with one plain line: `N passed, N failed`.
 * `npm test -- test/unit` runs a part of it.
 */
const say = (line: string) => process.stdout.write(`${line}\n`);
const GROUPS = ['test/unit', 'test/integration', 'test/e2e'];

function testFiles(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (statSync(abs, { throwIfNoEntry: false })?.isFile()) return [dir];
  if (!statSync(abs, { throwIfNoEntry: false })?.isDirectory()) return [];
  return readdirSync(abs, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? testFiles(`${dir}/${e.name}`) : /\.test\.tsx?$/.test(e.name) ? [`${dir}/${e.name}`] : []))
    .sort();
}

function finish(passed: number, failed: number, skipped: number): never {
  say(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
  process.exit(failed > 0 ? 1 : 0);
}

try {
  ensureSystemPackages(say);
  ensureKeytar(ROOT, say);
} catch (error) {
  console.error((error as Error).message);
  finish(0, 1, 0);
}

const wanted = process.argv.slice(2);
const files = (wanted.length > 0 ? wanted : GROUPS).flatMap(testFiles);
if (files.length === 0) {
  console.error(`No test files found in ${(wanted.length > 0 ? wanted : GROUPS).join(', ')}`);
  finish(0, 1, 0);
}

// The renderer is built for the tests (browser mode, the shell, the bundle's size). A run of
// fixtures alone (test-run.test.ts runs one inside the suite) needs none, and must not
// rebuild it under the tests running beside it.
const build = files.every((f) => f.startsWith('test/fixtures/'))
  ? null
  : spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
if (build && build.status !== 0) {
  console.error('The renderer does not build; the end-to-end tests cannot run.');
  finish(0, 1, 0);
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'kiosk-test-run-'));
const countsFile = path.join(scratch, 'counts.json');
// The whole suite runs in its own D-Bus session with an unlocked gnome-keyring (its files in
// the scratch folder): every kiosk and command keeps its secrets in a real keychain.
const keyringHome = path.join(scratch, 'keyring');
const run = spawnSync(
  'dbus-run-session',
  [
    '--',
    'sh',
    '-c',
    'echo -n kiosk-tests | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"',
    'sh',
    process.execPath,
    '--import',
    'tsx',
    '--test',
    // A test, or a file that never exits (a timer or server left open), fails by its name
    // after this long instead of holding the run, and CI with it, for ever. The longest file
    // takes about two minutes.
    `--test-timeout=${Number(process.env.KIOSK_TEST_TIMEOUT_MS) || 15 * 60_000}`,
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    `--test-reporter=${path.join(ROOT, 'test/support/count-reporter.mjs')}`,
    `--test-reporter-destination=${countsFile}`,
    ...files,
  ],
  { cwd: ROOT, stdio: 'inherit', env: { ...process.env, XDG_DATA_HOME: keyringHome, KIOSK_LOG_LEVEL: process.env.KIOSK_LOG_LEVEL ?? 'warn' } },
);

let counts = { passed: 0, failed: 0, skipped: 0, failures: [] as string[] };
try {
  counts = JSON.parse(readFileSync(countsFile, 'utf8')) as typeof counts;
} catch {
  console.error('The test runner ended without counting its tests.');
  counts.failed++;
}
rmSync(scratch, { recursive: true, force: true });
if (run.status !== 0 && counts.failed === 0) {
  // A crash outside any test (the runner itself) must not read as green.
  console.error(`node --test exited with ${run.status ?? run.signal}.`);
  counts.failed++;
}
if (counts.failures.length > 0)
  say(`\nFailed:\n${counts.failures.map((f) => `  ${path.relative(ROOT, f.split(' › ')[0] ?? '')} › ${f.split(' › ').slice(1).join(' › ')}`).join('\n')}`);
finish(counts.passed, counts.failed, counts.skipped);
