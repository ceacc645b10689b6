import { type ChangesPage, MAX_PAGE } from './wire.ts';

const RM = /^\d{9}R[ME](\d{3}|02[AB])$/;

/**
 * What is wrong with a changes page as a whole, in a sentence for the sync status, or null.
 * Rows are checked one by one elsewhere (isArtisanTuple); this checks what only the whole
 * page shows, before anything of it is written: a page is refused whole, never half-applied.
 */
export function pageProblem(page: ChangesPage): string | null {
  const rows = page.items.length + page.removed.length;
  if (rows > MAX_PAGE) return `a changes page holds ${rows} rows and removals, more than the ${MAX_PAGE} the API allows`;
  const seen = new Set<string>();
  for (const item of page.items) {
    // Rows were checked already: the RM number is the first field of each.
    const rm = (item as unknown[])[0] as string;
    if (seen.has(rm)) return `a changes page carries the same RM number twice (${maskRm(rm)})`;
    seen.add(rm);
  }
  const removed = new Set<string>();
  for (const rm of page.removed) {
    if (!RM.test(rm)) return 'a changes page lists a removal that is not an RM number';
    if (removed.has(rm) || seen.has(rm)) return `a changes page both keeps and removes, or removes twice, the same RM number (${maskRm(rm)})`;
    removed.add(rm);
  }
  return null;
}

/** An RM number in a log or a status line: enough for IT to find it, not a whole identifier. */
export function maskRm(rm: string): string {
  return `…${rm.slice(-6)}`;
}

/**
 * The keys of a JSON object's text at its top level, decoded, in order, duplicates included
 * (JSON.parse keeps only the last of a duplicate; SQLite reads the first). The text must be
 * valid JSON (JSON.parse read it already). One pass that jumps from quote to quote and
 * allocates nothing but the keys: it runs on every page, on the main thread.
 */
export function topLevelKeys(text: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A string: its end is the next quote not escaped (preceded by an even run of backslashes).
      const start = i;
      let end = text.indexOf('"', i + 1);
      while (end !== -1 && isEscaped(text, end)) end = text.indexOf('"', end + 1);
      if (end === -1) break;
      i = end;
      // A string at depth 1 followed by a colon is one of the top-level object's keys.
      if (depth === 1 && /^\s*:/.test(text.slice(end + 1, end + 9))) {
        const raw = text.slice(start, end + 1);
        keys.push(raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1));
      }
    } else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return keys;
}

function isEscaped(text: string, quote: number): boolean {
  let backslashes = 0;
  for (let j = quote - 1; text.charCodeAt(j) === 0x5c; j--) backslashes++;
  return backslashes % 2 === 1;
}
