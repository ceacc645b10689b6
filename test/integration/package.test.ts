import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../support/browser-mode.ts';
import { tempDir } from '../support/temp.ts';

/**
 * What a chamber's IT installs: electron-builder's package, built here with a stand-in for
 * Electron's binary (which cannot be downloaded here; shared/ENVIRONMENT.md). The Linux
 * `dir` target is enough to check what the app archive holds.
 */
/**
 * Packs the built app for `platform` with a stand-in for Electron's binary (`binary`), and
 * lists the archive. Resolves even if electron-builder stops before the end (Windows: see below).
 */
function pack(platform: 'linux' | 'win', binary: string, content: string): { resources: string; listing: string[] } {
  const stand = tempDir('electron-stand-in-');
  writeFileSync(path.join(stand, binary), content);
  chmodSync(path.join(stand, binary), 0o755);
  writeFileSync(path.join(stand, 'LICENSE'), 'stand-in');
  writeFileSync(path.join(stand, 'version'), '41.7.1');
  const out = tempDir(`package-${platform}-`);
  spawnSync('npx', ['electron-builder', `--${platform}`, 'dir', `-c.electronDist=${stand}`, '-c.npmRebuild=false', `-c.directories.output=${out}`], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  const resources = path.join(out, `${platform}-unpacked`, 'resources');
  const listing = execFileSync('npx', ['@electron/asar', 'list', path.join(resources, 'app.asar')], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 })
    .toString()
    .split('\n');
  return { resources, listing };
}

describe('the installable package', () => {
  it('holds the built main, preload, renderer, migrations and fonts, no sources or tests, sqlite3 and keytar outside the archive', { timeout: 240_000 }, () => {
    execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'ignore' });
    const { resources, listing } = pack('linux', 'electron', '#!/bin/sh\necho stand-in\n');
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
