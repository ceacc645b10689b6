import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../support/browser-mode.ts';
import { packApp, readFuses, standInElectronDist } from '../support/electron-dist.ts';

/**
 * What a chamber's IT installs: electron-builder's package, built here with a stand-in for
 * Electron's binary (which cannot be downloaded here; shared/ENVIRONMENT.md). The Linux
 * `dir` target is enough to check what the app archive holds.
 */
/**
 * Packs the built app for `platform` with a stand-in for Electron's binary (`binary`), and
 * lists the archive. Resolves even if electron-builder stops before the end (Windows: see below).
 */
function pack(platform: 'linux' | 'win', binary: string, content: string): { appOutDir: string; resources: string; listing: string[] } {
  const { appOutDir } = packApp(platform, standInElectronDist(binary, content));
  const resources = path.join(appOutDir, 'resources');
  const listing = execFileSync('npx', ['@electron/asar', 'list', path.join(resources, 'app.asar')], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 })
    .toString()
    .split('\n');
  return { appOutDir, resources, listing };
}

let linux: ReturnType<typeof pack> | undefined;
/** The Linux package, built and packed once for the checks that read it. */
function linuxPackage(): ReturnType<typeof pack> {
  if (!linux) {
    execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'ignore' });
    linux = pack('linux', 'electron', '#!/bin/sh\necho stand-in\n');
  }
  return linux;
}

describe('the installable package', () => {
  it('holds the built main, preload, renderer, migrations and fonts, no sources or tests, sqlite3 and keytar outside the archive', { timeout: 240_000 }, () => {
    const { resources, listing } = linuxPackage();
    for (const f of [
      '/dist/main/index.mjs',
      '/dist/main/preload.cjs',
      '/dist/main/migrations/0001_artisans.sql',
      '/dist/renderer/index.html',
      '/assets/fonts/LiberationSans-Regular.ttf',
      '/package.json',
    ]) {
      assert.ok(listing.includes(f), `${f} is in the package`);
    }
    assert.ok(!listing.some((f) => f.startsWith('/test/') || f.startsWith('/main/') || f.startsWith('/renderer/')), 'no sources, no tests');
    assert.ok(existsSync(path.join(resources, 'app.asar.unpacked', 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node')), 'sqlite3 is unpacked');
    assert.ok(existsSync(path.join(resources, 'app.asar.unpacked', 'node_modules', 'keytar', 'build', 'Release', 'keytar.node')), 'keytar is unpacked');
    // electron-builder leaves Windows executables out of a Linux package: SumatraPDF (12 MB,
    // the Windows spooler's) ships only in the Windows ones, unpacked (electron-builder.yml).
    assert.ok(!listing.some((f) => f.endsWith('.exe')), 'no Windows executable in a Linux package');
    // A native addon inside the archive could not be loaded.
    assert.equal(
      listing.filter((f) => f.endsWith('.node')).length,
      listing.filter((f) => f.endsWith('.node')).filter((f) => existsSync(path.join(resources, 'app.asar.unpacked', f))).length,
      'every .node file is unpacked',
    );
  });

  it('has Electron fuses burnt in: no run-as-node, NODE_OPTIONS or --inspect, the app only from its checked archive', { timeout: 240_000 }, () => {
    // The stand-in binary carries Electron's fuse wire at its defaults; electron-builder flips it.
    const fuses = readFuses(path.join(linuxPackage().appOutDir, 'cma-card-kiosk'));
    assert.deepEqual(
      {
        runAsNode: fuses.runAsNode,
        enableNodeOptionsEnvironmentVariable: fuses.enableNodeOptionsEnvironmentVariable,
        enableNodeCliInspectArguments: fuses.enableNodeCliInspectArguments,
        enableEmbeddedAsarIntegrityValidation: fuses.enableEmbeddedAsarIntegrityValidation,
        onlyLoadAppFromAsar: fuses.onlyLoadAppFromAsar,
        grantFileProtocolExtraPrivileges: fuses.grantFileProtocolExtraPrivileges,
      },
      {
        runAsNode: false,
        enableNodeOptionsEnvironmentVariable: false,
        enableNodeCliInspectArguments: false,
        enableEmbeddedAsarIntegrityValidation: true,
        onlyLoadAppFromAsar: true,
        grantFileProtocolExtraPrivileges: false,
      },
    );
  });

  it('for Windows: the same archive, with SumatraPDF (the Windows spooler) unpacked beside it', { timeout: 240_000 }, () => {
    execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'ignore' });
    // Not a real electron.exe: electron-builder packs the app, then stops where it would write
    // the archive's checksum into the executable's resources. What a chamber installs is
    // built on a machine with the real one (README, "Packages").
    const { resources, listing } = pack('win', 'electron.exe', 'stand-in');
    assert.ok(listing.includes('/dist/main/index.mjs') && listing.includes('/dist/renderer/index.html'), 'the built app is in the archive');
    assert.ok(
      existsSync(path.join(resources, 'app.asar.unpacked', 'node_modules', 'pdf-to-printer', 'dist', 'SumatraPDF-3.4.6-32.exe')),
      'SumatraPDF is outside the archive, where Windows can run it',
    );
  });
});
