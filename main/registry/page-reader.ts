import { isUtf8 } from 'node:buffer';
import { RegistryError } from './client.ts';
import { type ChangesEnvelope, changesEnvelopeSchema, MAX_PAGE } from './wire.ts';

/**
 * A changes page read from its bytes, its rows left unparsed until asked for one by one.
 *
 * Why not JSON.parse(text): a page is a megabyte of text, and a string that large goes straight
 * to V8's old generation, where it waits for a full collection; in a million-artisan load the
 * kiosk's heap stood at 136 MB when its RSS peaked (README, Performance: RSS). Read from its
 * bytes, a page leaves only small, young garbage: each row's own text and parse.
 * SQLite reads the rows from the same bytes (applyChangesPage), so the two must agree on what
 * they are: the reader accepts strict JSON only (SQLite's reader also takes JSON5, comments
 * and all), and refuses what SQLite would read otherwise than JSON.parse:
 * - a key holding a NUL: SQLite reads "items\u0000", or "items\u0000x", as `$.items`, and
 *   would write its rows, never checked (in a row, "voie\u0000" as voie);
 * - a key named twice, anywhere: JSON.parse keeps the last; SQLite reads the first, and
 *   writes an address with both;
 * - a lone UTF-16 surrogate escape: SQLite writes it as bytes that are not UTF-8;
 * - nesting deeper than SQLite reads: it would refuse the page at the write;
 * - a field of a row that is a number written with a fraction or an exponent: SQLite rounds
 *   some otherwise than JS (it reads 2292249928172244.75 as ...244.5, where JS reads the
 *   integer ...245). Deeper in a row (the address) SQLite writes a number as its text.
 */
export type ChangesPageReading = ChangesEnvelope & {
  /** How many rows `items` holds. */
  rowCount: number;
  /**
   * Row i, parsed from its own text; a row that is not strict JSON is refused here, when read.
   * Not checked against the API: isArtisanTuple is the caller's.
   */
  row(i: number): unknown;
  /** Where row i's text starts and ends in the page's bytes (end exclusive). */
  rowSpan(i: number): [number, number];
};

const malformed = (why: string) => new RegistryError('malformed', `a changes page ${why}`);
const NOT_JSON = 'is not valid JSON (cut short?)';
const NUL_KEY = 'has a key holding a NUL (\\u0000), which SQLite would read as cut there';
/** SQLite's JSON_MAX_DEPTH: the levels it reads, the page object included. */
const MAX_DEPTH = 1000;
const LONE_SURROGATE = /\p{Surrogate}/u;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const DOT = 0x2e;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

const isSpace = (c: number | undefined) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * What the scan of one value saw that JSON.parse's result no longer shows: how many keys its
 * text names (a colon outside strings follows each), whether it escapes a surrogate, and
 * whether a number it holds itself (not in a value inside it) has a fraction or an exponent.
 */
type Seen = { keys: number; surrogates: boolean; fractions: boolean };

export function readChangesPage(bytes: Uint8Array): ChangesPageReading {
  // Not UTF-8: JS would read U+FFFD where SQLite writes the raw bytes.
  if (!isUtf8(bytes)) throw malformed('is not UTF-8 text');
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = (start: number, end: number) => buf.toString('utf8', start, end);
  const parse = (start: number, end: number, seen: Seen): unknown => {
    let value: unknown;
    try {
      value = JSON.parse(text(start, end));
    } catch {
      throw malformed(NOT_JSON);
    }
    if (seen.keys > 0 || seen.surrogates) {
      const found = { keys: 0, lone: false, nul: false };
      tally(value, seen.surrogates, found);
      if (found.nul) throw malformed(NUL_KEY);
      if (found.lone) throw malformed('holds a lone UTF-16 surrogate, which SQLite would write as bytes that are not UTF-8');
      if (found.keys !== seen.keys) throw malformed('names a key twice in one of its objects');
    }
    return value;
  };
  const skip = (i: number) => {
    while (isSpace(buf[i])) i++;
    return i;
  };
  const expect = (i: number, c: number) => {
    if (buf[i] !== c) throw malformed(NOT_JSON);
    return i + 1;
  };

  const members = new Map<string, unknown>();
  const keys = new Set<string>();
  const starts: number[] = [];
  const ends: number[] = [];
  // Row i's keys, and the rows that escape a surrogate: checked when the row is read.
  const rowKeys: number[] = [];
  const surrogateRows = new Set<number>();
  const seen: Seen = { keys: 0, surrogates: false, fractions: false };
  let i = expect(skip(0), OPEN_OBJECT);
  i = skip(i);
  if (buf[i] === CLOSE_OBJECT) i++;
  else {
    for (;;) {
      seen.surrogates = false;
      const keyEnd = stringEnd(buf, i, seen);
      const key = parse(i, keyEnd, { keys: 0, surrogates: seen.surrogates, fractions: false });
      if (typeof key !== 'string') throw malformed(NOT_JSON);
      if (key.includes('\u0000')) throw malformed(NUL_KEY);
      if (keys.has(key)) throw malformed(key === 'items' ? 'names its list of rows twice' : `names its key "${key.slice(0, 40)}" twice`);
      keys.add(key);
      i = skip(expect(skip(keyEnd), COLON));
      if (key === 'items' && buf[i] === OPEN_ARRAY) {
        i = skip(i + 1);
        if (buf[i] === CLOSE_ARRAY) i++;
        else {
          for (;;) {
            // Past the API's rows a page, the rest is not scanned (a hostile page of millions
            // of empty rows would otherwise cost seconds and a gigabyte before its refusal).
            if (starts.length === MAX_PAGE) throw malformed(`holds more than the ${MAX_PAGE} rows the API allows`);
            const end = valueEnd(buf, i, 2, seen);
            if (seen.fractions)
              throw malformed(`writes a number in row ${starts.length} with a fraction or an exponent, which SQLite may round otherwise than JS`);
            if (seen.surrogates) surrogateRows.add(starts.length);
            starts.push(i);
            ends.push(end);
            rowKeys.push(seen.keys);
            i = skip(end);
            if (buf[i] === CLOSE_ARRAY) break;
            i = skip(expect(i, COMMA));
          }
          i++;
        }
      } else {
        const end = valueEnd(buf, i, 1, seen);
        members.set(key, parse(i, end, seen));
        i = end;
      }
      i = skip(i);
      if (buf[i] === CLOSE_OBJECT) {
        i++;
        break;
      }
      i = skip(expect(i, COMMA));
    }
  }
  if (skip(i) !== buf.length) throw malformed(NOT_JSON);
  const envelope = changesEnvelopeSchema.safeParse(Object.fromEntries(members));
  if (!envelope.success || members.has('items') || !keys.has('items')) throw malformed('does not match the API');
  return {
    ...envelope.data,
    rowCount: starts.length,
    row: (n) => parse(starts[n] ?? 0, ends[n] ?? 0, { keys: rowKeys[n] ?? 0, surrogates: surrogateRows.has(n), fractions: false }),
    rowSpan: (n) => [starts[n] ?? 0, ends[n] ?? 0],
  };
}

/** Where the string opening at `i` ends (just past its closing quote); notes in `seen` a \uD800-\uDFFF escape. */
function stringEnd(buf: Buffer, i: number, seen: Seen): number {
  if (buf[i] !== QUOTE) throw malformed(NOT_JSON);
  // UTF-8 never uses the bytes of a quote or a backslash inside a longer character.
  for (let j = i + 1; j < buf.length; j++) {
    const c = buf[j];
    if (c === QUOTE) return j + 1;
    if (c === BACKSLASH) {
      if (buf[j + 1] === 0x75 && ((buf[j + 2] ?? 0) | 0x20) === 0x64 && SURROGATE_DIGIT.has(buf[j + 3] ?? 0)) seen.surrogates = true;
      j++;
    }
  }
  throw malformed(NOT_JSON);
}

/** The third hex digit of a \uD800-\uDFFF escape: 8, 9 or a to f, either case. */
const SURROGATE_DIGIT = new Set([0x38, 0x39, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46]);

/**
 * Where the JSON value starting at `i`, inside `outer` levels, ends; what `seen` says of it.
 * Only its extent is found here: what it holds is checked by JSON.parse when it is read, which
 * refuses a mismatched bracket or a bare word.
 */
function valueEnd(buf: Buffer, i: number, outer: number, seen: Seen): number {
  seen.keys = 0;
  seen.surrogates = false;
  seen.fractions = false;
  const first = buf[i];
  if (first === QUOTE) return stringEnd(buf, i, seen);
  if (first === OPEN_OBJECT || first === OPEN_ARRAY) {
    let depth = outer;
    for (let j = i; j < buf.length; j++) {
      const c = buf[j];
      if (c === QUOTE) j = stringEnd(buf, j, seen) - 1;
      else if (c === COLON) seen.keys++;
      // A number the value holds itself (SQLite reads it with ->>; deeper ones it writes as
      // their text, with ->). Outside strings, a dot is a number's, and so is an e after a
      // digit (true and false have theirs after a letter).
      else if (depth === outer + 1 && (c === DOT || ((c === 0x65 || c === 0x45) && (buf[j - 1] ?? 0) >= 0x30 && (buf[j - 1] ?? 0) <= 0x39)))
        seen.fractions = true;
      else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        if (++depth > MAX_DEPTH) throw malformed(`nests deeper than the ${MAX_DEPTH} levels SQLite reads`);
      } else if ((c === CLOSE_OBJECT || c === CLOSE_ARRAY) && --depth === outer) return j + 1;
    }
    throw malformed(NOT_JSON);
  }
  // A number, true, false or null: up to what may follow a value.
  let j = i;
  for (let c = buf[j]; c !== undefined && c !== COMMA && c !== CLOSE_ARRAY && c !== CLOSE_OBJECT && c !== COLON && !isSpace(c); c = buf[++j]);
  if (j === i) throw malformed(NOT_JSON);
  return j;
}

/**
 * Counts into `found` the keys of every object in `value`, notes a key holding a NUL, and, if
 * `strings`, a string or key holding a lone surrogate. `value` nests at most MAX_DEPTH levels
 * (valueEnd refused deeper).
 */
function tally(value: unknown, strings: boolean, found: { keys: number; lone: boolean; nul: boolean }): void {
  if (typeof value === 'string') {
    if (strings && LONE_SURROGATE.test(value)) found.lone = true;
  } else if (Array.isArray(value)) {
    for (const v of value) tally(v, strings, found);
  } else if (typeof value === 'object' && value !== null) {
    // JSON.parse makes plain objects of own properties only (a key __proto__ too), so for-in
    // sees each key once, and reads each key's own value.
    const object = value as Record<string, unknown>;
    for (const k in object) {
      found.keys++;
      if (k.includes('\u0000')) found.nul = true;
      if (strings && LONE_SURROGATE.test(k)) found.lone = true;
      tally(object[k], strings, found);
    }
  }
}
