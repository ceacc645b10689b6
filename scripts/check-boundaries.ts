import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findSqlViolations } from './sql-boundary.ts';

/**
 * The layers Biome cannot express (its noRestrictedImports keeps `electron` in the shell):
 *
 * - what crosses the contract lives in main/shared/ (result and error codes, the views the
 *   screens show, the enums, the pure rules both sides run), a leaf: it imports only itself
 *   and zod, so the renderer can take it whole without dragging Node into the page;
 * - the renderer takes from main/ only main/shared/ and, as types, the contract
 *   (main/api/contract.ts) and the type of `window.kiosk` (main/api/kiosk-api.ts, which also
 *   declares that global); the contract itself imports only main/shared/, zod and the channel
 *   list, so importing its types stays free of Node too;
 * - core services know nothing of the contract: only the composition root and the transports
 *   (CORE_MAY_USE_API) import main/api/;
 * - no module imports itself back through others (an import cycle: under ESM, one of its
 *   modules runs before what it imports is defined, and fails at start or, worse, later);
 *   a few cycles once found stay broken (CUT), and main/ never imports the renderer.
 *
 * SQL stays in main/store, and the store imports only itself, the logger and main/shared (so
 * neither a service, nor registry/wire.ts, nor printing/print-errors.ts): scripts/sql-boundary.ts.
 */
export type SourceFile = { path: string; text: string };

const IMPORT = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;

const SHARED = 'main/shared/';
/** The packages main/shared/ may use: zod only (no Node, no DOM, nothing with a native part). */
const SHARED_PACKAGES = ['zod'];
/** What the renderer may import as types only (never values: that would bundle main's code). */
const RENDERER_TYPES_FROM = ['main/api/contract.ts', 'main/api/kiosk-api.ts'];
/** What the contract may import besides main/shared/ and zod: the channel names, which import nothing. */
const CONTRACT_MAY_IMPORT = ['main/api/channels.ts'];
/**
 * The files of main/ that may import main/api/: the api itself, the composition root that
 * builds the handlers, the preload and the two transports. Every other file is a core service.
 */
const CORE_MAY_USE_API = ['main/api/', 'main/kiosk.ts', 'main/preload.ts', 'main/shell/', 'main/browser/'];
/** Files once held to the leaf rule of main/shared/ because they sat on a cycle (the error codes once imported identity back). */
const LEAVES_OUTSIDE_SHARED = ['main/api/errors.ts'];
/**
 * Import edges that closed a cycle, cut for good: [importer, imported]. The Windows spooler
 * implements the port spooler.ts names; the choice of one by platform is system-spooler.ts's.
 */
const CUT: readonly [string, string][] = [['main/printing/spooler.ts', 'main/printing/windows-spooler.ts']];

const under = (file: string, prefixes: readonly string[]) => prefixes.some((p) => (p.endsWith('/') ? file.startsWith(p) : file === p));

/** The problems of one import of `file`: `spec` as written, `target` resolved (null for a package). */
function importProblems(file: string, spec: string, target: string | null, isType: boolean): string[] {
  const problems: string[] = [];
  const leaf = file.startsWith(SHARED) || under(file, LEAVES_OUTSIDE_SHARED);
  if (leaf && (target === null ? !SHARED_PACKAGES.includes(spec) : !target.startsWith(SHARED))) {
    problems.push(`${file}: imports ${spec}; main/shared/ is shared with the renderer and imports only itself and zod`);
  }
  if (
    file === 'main/api/contract.ts' &&
    (target === null ? !SHARED_PACKAGES.includes(spec) : !target.startsWith(SHARED) && !under(target, CONTRACT_MAY_IMPORT))
  ) {
    problems.push(`${file}: imports ${spec}; the contract takes its output types from main/shared/ (the renderer reads its types)`);
  }
  if (target === null) return problems;
  if (file.startsWith('renderer/') && target.startsWith('main/') && !target.startsWith(SHARED)) {
    if (!under(target, RENDERER_TYPES_FROM)) {
      problems.push(`${file}: imports ${spec}; the renderer takes from main/ only main/shared/ and the contract's types (move the view to main/shared/)`);
    } else if (!isType) {
      problems.push(`${file}: imports ${spec} as a value; the renderer may import only types from main/api/ (use "import type")`);
    }
  }
  if (file.startsWith('main/') && !under(file, CORE_MAY_USE_API) && target.startsWith('main/api/')) {
    problems.push(`${file}: imports ${spec}; core services know nothing of the contract (take Result and the views from main/shared/)`);
  }
  if (CUT.some(([from, to]) => from === file && to === target)) problems.push(`${file}: imports ${spec}; this import closed a cycle, cut for good`);
  if (file.startsWith('main/') && target.startsWith('renderer/')) problems.push(`${file}: imports ${spec}; main/ must not depend on the renderer`);
  return problems;
}

export function findViolations(files: SourceFile[]): string[] {
  const problems: string[] = [];
  // What each file loads when it runs: its imports but `import type` ones (erased). An import of
  // named types only (`import { type A }`) stays, empty: verbatimModuleSyntax keeps it.
  const runs = new Map<string, string[]>();
  for (const file of files) {
    const loads: string[] = [];
    for (const m of file.text.matchAll(IMPORT)) {
      const isType = Boolean(m[2]);
      const spec = m[3] ?? m[4] ?? '';
      const target = spec.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(file.path), spec)) : null;
      problems.push(...importProblems(file.path, spec, target, isType));
      if (target !== null && !isType) loads.push(target);
    }
    runs.set(file.path, loads);
  }
  for (const cycle of importCycles(runs)) problems.push(`${cycle[0]}: import cycle ${[...cycle, cycle[0]].join(' -> ')}; cut one of its imports`);
  return [...problems, ...findSqlViolations(files)];
}

/**
 * The import cycles of a graph, one path around each (Tarjan's strongly connected components,
 * then a path from the component's first file back to itself).
 */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string) => {
    order.set(v, order.size);
    low.set(v, order.get(v) ?? 0);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, order.get(w) ?? 0));
    }
    if (low.get(v) !== order.get(v)) return;
    const component = new Set<string>();
    for (let w = stack.pop(); w !== undefined; w = w === v ? undefined : stack.pop()) {
      onStack.delete(w);
      component.add(w);
    }
    const selfLoop = graph.get(v)?.includes(v) ?? false;
    if (component.size > 1 || selfLoop) components.push(pathAround(graph, v, component));
  };
  for (const v of graph.keys()) if (!order.has(v)) visit(v);
  return components;
}

/** A shortest path from `start` back to itself inside `within` (breadth first). */
function pathAround(graph: ReadonlyMap<string, readonly string[]>, start: string, within: ReadonlySet<string>): string[] {
  const from = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i] as string;
    for (const w of graph.get(v) ?? []) {
      if (!within.has(w)) continue;
      if (w === start) {
        const path = [v];
        for (let u = from.get(v); u !== undefined; u = from.get(u)) path.unshift(u);
        return path;
      }
      if (!from.has(w) && w !== start) {
        from.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}

function sources(root: string, dir: string): SourceFile[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return sources(root, rel);
    return /\.(ts|tsx)$/.test(e.name) ? [{ path: rel, text: readFileSync(path.join(root, rel), 'utf8') }] : [];
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  // A folder given on the command line is checked instead of this checkout (an older tree, for comparison).
  const root = process.argv[2] ? path.resolve(process.argv[2]) : fileURLToPath(new URL('..', import.meta.url));
  const problems = findViolations([...sources(root, 'main'), ...sources(root, 'renderer')]);
  for (const p of problems) console.error(p);
  if (problems.length > 0) process.exit(1);
}
