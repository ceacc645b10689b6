import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findSqlViolations } from './sql-boundary.ts';

/**
 * The process boundaries Biome cannot express: the renderer may take only types from
 * main/ (anything else would drag Node code into the page), except from main/shared/, which
 * holds pure checks both sides run and itself imports nothing but other rules; and main/
 * never imports the renderer. (Biome's noRestrictedImports keeps `electron` in the shell.)
 * SQL stays in main/store, and the store imports no service: scripts/sql-boundary.ts.
 */
export type SourceFile = { path: string; text: string };

const IMPORT = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;

export function findViolations(files: SourceFile[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const inRenderer = file.path.startsWith('renderer/');
    const inMain = file.path.startsWith('main/');
    for (const m of file.text.matchAll(IMPORT)) {
      const isType = Boolean(m[2]);
      const spec = m[3] ?? m[4] ?? '';
      if (!spec.startsWith('.')) {
        if (file.path.startsWith('main/shared/') && !isType) problems.push(`${file.path}: imports ${spec}; main/shared/ must stay free of packages and Node`);
        continue;
      }
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file.path), spec));
      if (file.path.startsWith('main/shared/') && !isType && !target.startsWith('main/shared/')) {
        problems.push(`${file.path}: imports ${spec}; main/shared/ is shared with the renderer and may import only other rules`);
      }
      if (inRenderer && target.startsWith('main/') && !target.startsWith('main/shared/') && !isType) {
        problems.push(`${file.path}: imports ${spec} as a value; the renderer may import only types from main/ (use "import type")`);
      }
      if (inMain && target.startsWith('renderer/')) problems.push(`${file.path}: imports ${spec}; main/ must not depend on the renderer`);
    }
  }
  return [...problems, ...findSqlViolations(files)];
}

function sources(root: string, dir: string): SourceFile[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return sources(root, rel);
    return /\.(ts|tsx)$/.test(e.name) ? [{ path: rel, text: readFileSync(path.join(root, rel), 'utf8') }] : [];
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const problems = findViolations([...sources(root, 'main'), ...sources(root, 'renderer')]);
  for (const p of problems) console.error(p);
  if (problems.length > 0) process.exit(1);
}
