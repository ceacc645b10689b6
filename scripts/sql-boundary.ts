import path from 'node:path';
import ts from 'typescript';

/**
 * All SQL lives in main/store (one repo module per table, each function named for what it
 * does), and the store depends on nothing of the kiosk but itself, the logger and the views
 * of main/shared (what its repos map rows to): a service that runs its own queries, or a
 * repo that imports a service's types, blurs the layers every later change builds on. (main/demo-registry/ is the reference registry server, a
 * program of its own with its own database: its SQL is the registry's, not the kiosk's.)
 */
type SourceFile = { path: string; text: string };

/** Where SQL may be written. */
const SQL_HOMES = ['main/store/', 'main/demo-registry/'];
/** What main/store may import, besides itself and packages: the views its repos map rows to live in main/shared. */
const STORE_MAY_IMPORT = ['main/store/', 'main/logging/', 'main/shared/'];

// Statements, not words: "Select", "update" or "from" in a sentence are not SQL.
const SQL =
  /\b(SELECT\b[\s\S]*\bFROM\b|INSERT\s+(OR\s+[A-Z]+\s+)?INTO\b|UPDATE\s+\w+\s+SET\b|DELETE\s+FROM\b|(CREATE|DROP|ALTER)\s+(TABLE|INDEX|TRIGGER|VIEW)\b|PRAGMA\s+\w+|BEGIN\s+(IMMEDIATE|EXCLUSIVE|DEFERRED|TRANSACTION)\b)/;
/** The database handle's statement methods (WriteDb/TxDb/ReadDb in main/store/database.ts). */
const STATEMENT_METHODS = new Set(['run', 'get', 'all', 'exec']);
/** What the code base calls a database handle. */
const HANDLE = /^(db|tx|database|readDb|writeDb)$/;

const inside = (file: string, dirs: readonly string[]) => dirs.some((d) => file.startsWith(d));

function line(source: ts.SourceFile, node: ts.Node): number {
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}

/** SQL written outside main/store: in a string or template, or run on a database handle. */
function sqlOutsideStore(file: SourceFile): string[] {
  if (!file.path.startsWith('main/') || inside(file.path, SQL_HOMES)) return [];
  const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, file.path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const problems: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      if (SQL.test(node.text))
        problems.push(`${file.path}:${line(source, node)}: SQL in a string; queries live in main/store (a repo function named for what it does)`);
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && STATEMENT_METHODS.has(node.expression.name.text)) {
      const receiver = node.expression.expression;
      const name = ts.isIdentifier(receiver) ? receiver.text : ts.isPropertyAccessExpression(receiver) ? receiver.name.text : '';
      if (HANDLE.test(name))
        problems.push(`${file.path}:${line(source, node)}: ${name}.${node.expression.name.text}() runs SQL outside main/store; call a repo function instead`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return problems;
}

const IMPORT = /^\s*(?:import|export)\s+(?:type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;

/** The store imports only itself, the logger and packages; sqlite3 is imported only by the store. */
function storeImports(file: SourceFile): string[] {
  const problems: string[] = [];
  for (const m of file.text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? '';
    if (spec === 'sqlite3' && file.path.startsWith('main/') && !file.path.startsWith('main/store/'))
      problems.push(`${file.path}: imports sqlite3; only main/store opens the database`);
    if (!file.path.startsWith('main/store/') || !spec.startsWith('.')) continue;
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file.path), spec));
    if (!inside(target, STORE_MAY_IMPORT))
      problems.push(`${file.path}: imports ${spec}; the store depends on no service (move the type it needs into main/store)`);
  }
  return problems;
}

export function findSqlViolations(files: readonly SourceFile[]): string[] {
  return files.flatMap((f) => [...sqlOutsideStore(f), ...storeImports(f)]);
}
