import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './browser-mode.ts';
import { tempDir } from './temp.ts';

/**
 * Where @electron/fuses finds the fuse wire in an Electron binary: this sentinel, then the
 * wire's version (1), its length, and one byte per fuse ('0' off, '1' on).
 */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * The fuses in the order of their wire (@electron/fuses' FuseV1Options), with Electron's
 * defaults: run as node on, cookie encryption off, NODE_OPTIONS on, --inspect on, asar
 * integrity off, app only from asar off, browser V8 snapshot off, file:// privileges on,
 * wasm trap handlers on (docs/tutorial/fuses.md of Electron).
 */
export const FUSES = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
  'wasmTrapHandlers',
] as const;
const DEFAULT_WIRE = '101100011';

export type Fuse = (typeof FUSES)[number];

/**
 * A stand-in for Electron's unpacked distribution (its binary cannot be downloaded here;
 * shared/ENVIRONMENT.md), for electron-builder's `-c.electronDist`. The "binary" is `content`
 * followed by a fuse wire at Electron's defaults, so that electron-builder's fuses step
 * (electron-builder.yml, electronFuses) has a wire to flip and the test can read it back.
 */
export function standInElectronDist(binary: string, content: string): string {
  const dir = tempDir('electron-stand-in-');
  const wire = Buffer.concat([Buffer.from(`${content}\n# ${FUSE_SENTINEL}`), Buffer.from([1, DEFAULT_WIRE.length]), Buffer.from(`${DEFAULT_WIRE}\n`)]);
  writeFileSync(path.join(dir, binary), wire);
  chmodSync(path.join(dir, binary), 0o755);
  writeFileSync(path.join(dir, 'LICENSE'), 'stand-in');
  writeFileSync(path.join(dir, 'version'), '41.7.1');
  return dir;
}

/** The fuses as a packaged binary holds them: true on, false off. */
export function readFuses(binaryPath: string): Record<Fuse, boolean> {
  const bytes = readFileSync(binaryPath);
  const at = bytes.indexOf(FUSE_SENTINEL);
  if (at < 0) throw new Error(`no fuse wire in ${binaryPath}`);
  const start = at + FUSE_SENTINEL.length;
  const length = bytes[start + 1] ?? 0;
  const wire = bytes.subarray(start + 2, start + 2 + length).toString('latin1');
  return Object.fromEntries(FUSES.map((f, i) => [f, wire[i] === '1'])) as Record<Fuse, boolean>;
}

/**
 * Packs the built app (`npm run build` first) with electron-builder's `dir` target and a
 * stand-in Electron: the package a chamber's IT would install, unzipped. Resolves even if
 * electron-builder stops before the end (Windows, at the executable's resources), with the
 * folder of the unpacked app and electron-builder's output.
 */
export function packApp(platform: 'linux' | 'win', electronDist: string, extraConfig: string[] = []): { appOutDir: string; output: string } {
  const out = tempDir(`package-${platform}-`);
  const run = spawnSync(
    'npx',
    ['electron-builder', `--${platform}`, 'dir', `-c.electronDist=${electronDist}`, '-c.npmRebuild=false', `-c.directories.output=${out}`, ...extraConfig],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return { appOutDir: path.join(out, `${platform}-unpacked`), output: `${run.stdout}${run.stderr}` };
}
