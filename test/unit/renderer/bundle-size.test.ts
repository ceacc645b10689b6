import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../../support/browser-mode.ts';

/**
 * What the kiosk downloads and parses before the welcome screen appears: the entry chunk
 * index.html loads and every chunk it imports statically. Read from the build's manifest
 * (test/run.ts builds the renderer before the suite), weighed as gzip, as the bridge sends it.
 */
const DIST = path.join(ROOT, 'dist/renderer');
const BUDGET_GZIP_BYTES = 150 * 1024;

type Chunk = { file: string; src?: string; isEntry?: boolean; isDynamicEntry?: boolean; imports?: string[]; dynamicImports?: string[]; css?: string[] };
type Manifest = Record<string, Chunk>;

function readManifest(): Manifest {
  return JSON.parse(readFileSync(path.join(DIST, '.vite/manifest.json'), 'utf8')) as Manifest;
}

/** The manifest keys of the entry and everything it reaches through static imports. */
function initialGraph(manifest: Manifest): Set<string> {
  const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
  assert.equal(entries.length, 1, 'one entry (index.html)');
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of manifest[key]?.imports ?? []) visit(next);
  };
  for (const key of entries) visit(key);
  return seen;
}

const gzipBytes = (file: string) => gzipSync(readFileSync(path.join(DIST, file)), { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe('renderer bundle', () => {
  const manifest = readManifest();
  const initial = initialGraph(manifest);
  const initialJs = [...initial].map((key) => manifest[key]?.file ?? '');

  it('index.html loads the entry chunk the manifest names', () => {
    const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
    const entry = [...initial].find((key) => manifest[key]?.isEntry);
    assert.ok(entry && html.includes(`src="./${manifest[entry]?.file}"`), 'the built index.html and its manifest agree');
  });

  it(`the JavaScript loaded before the welcome screen stays within ${kb(BUDGET_GZIP_BYTES)} gzip`, (t) => {
    const total = initialJs.reduce((sum, file) => sum + gzipBytes(file), 0);
    const css = [...initial].flatMap((key) => manifest[key]?.css ?? []).reduce((sum, file) => sum + gzipBytes(file), 0);
    const lazyTotal = Object.values(manifest)
      .filter((c) => !initialJs.includes(c.file) && c.file.endsWith('.js'))
      .reduce((sum, c) => sum + gzipBytes(c.file), 0);
    t.diagnostic(
      `initial JS ${kb(total)} gzip in ${initialJs.length} chunk(s) (${initialJs.join(', ')}); CSS ${kb(css)} gzip; loaded later ${kb(lazyTotal)} gzip`,
    );
    assert.ok(total <= BUDGET_GZIP_BYTES, `initial JS is ${kb(total)} gzip, over the ${kb(BUDGET_GZIP_BYTES)} budget`);
  });

  it('the staff console, issuance, camera, card check (jsQR) and help screens are loaded only when opened', () => {
    const lazy = [
      'screens/staff/staff-pin-screen.tsx',
      'screens/staff/staff-console-screen.tsx',
      'screens/issue/issue-search-screen.tsx',
      'screens/issue/issue-card-screen.tsx',
      'screens/photo/photo-screen.tsx',
      'screens/verify/verify-screen.tsx',
      'screens/help/help-screens.tsx',
    ];
    for (const src of lazy) {
      assert.ok(manifest[src]?.isDynamicEntry, `${src} is its own chunk`);
      assert.ok(!initial.has(src), `${src} is not loaded with the welcome screen`);
    }
    // jsQR is the largest library: it must travel with the card check, not the entry. Its
    // version table's property name survives minification (and is not in qrcode's code).
    const code = (file: string) => readFileSync(path.join(DIST, file), 'utf8');
    const jsqrMark = 'alignmentPatternCenters';
    assert.ok(code(manifest['screens/verify/verify-screen.tsx']?.file ?? '').includes(jsqrMark), 'the card check chunk carries jsQR');
    assert.ok(!initialJs.some((file) => code(file).includes(jsqrMark)), 'jsQR is not in the initial chunks');
  });
});
