import { isUtf8 } from 'node:buffer';
import { RegistryError } from './client.ts';
import { type ChangesEnvelope, changesEnvelopeSchema } from './wire.ts';

/**
 * A changes page read from its bytes, its rows left unparsed until asked for one by one.
 *
 * Why not JSON.parse(text): a page is a megabyte of text, and a string that large goes straight
 * to V8's old generation, where it waits for a full collection; in a million-artisan load the
 * kiosk's heap stood at 136 MB when its RSS peaked (README, Performance: RSS). Read from its
 * bytes, a page leaves only small, young garbage: each row's own text and parse.
 * SQLite reads the rows from the same bytes (applyChangesPage), so the two must agree on what
 * they are: the reader accepts strict JSON only (SQLite's reader also takes JSON5, comments
 * and all) and refuses a key named twice (JSON.parse keeps the last, SQLite the first).
 */
export type ChangesPageReading = ChangesEnvelope & {
  /** How many rows `items` holds. */
  rowCount: number;
  /**
   * Row i, parsed from its own text; a row that is not strict JSON is refused here, when read.
   * Not checked against the API: isArtisanTuple is the caller's.
   */
  row(i: number): unknown;
};

const malformed = (why: string) => new RegistryError('malformed', `a changes page ${why}`);
const NOT_JSON = 'is not valid JSON (cut short?)';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

const isSpace = (c: number | undefined) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

export function readChangesPage(bytes: Uint8Array): ChangesPageReading {
  // Not UTF-8: JS would read U+FFFD where SQLite writes the raw bytes.
  if (!isUtf8(bytes)) throw malformed('is not UTF-8 text');
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = (start: number, end: number) => buf.toString('utf8', start, end);
  const parse = (start: number, end: number): unknown => {
    try {
      return JSON.parse(text(start, end));
    } catch {
      throw malformed(NOT_JSON);
    }
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
  let i = expect(skip(0), OPEN_OBJECT);
  i = skip(i);
  if (buf[i] === CLOSE_OBJECT) i++;
  else {
    for (;;) {
      const keyEnd = stringEnd(buf, i);
      const key = parse(i, keyEnd);
      if (typeof key !== 'string') throw malformed(NOT_JSON);
      if (keys.has(key)) throw malformed(key === 'items' ? 'names its list of rows twice' : `names its key "${key.slice(0, 40)}" twice`);
      keys.add(key);
      i = skip(expect(skip(keyEnd), COLON));
      if (key === 'items' && buf[i] === OPEN_ARRAY) {
        i = skip(i + 1);
        if (buf[i] === CLOSE_ARRAY) i++;
        else {
          for (;;) {
            const end = valueEnd(buf, i);
            starts.push(i);
            ends.push(end);
            i = skip(end);
            if (buf[i] === CLOSE_ARRAY) break;
            i = skip(expect(i, COMMA));
          }
          i++;
        }
      } else {
        const end = valueEnd(buf, i);
        members.set(key, parse(i, end));
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
    row: (n) => parse(starts[n] ?? 0, ends[n] ?? 0),
  };
}

/** Where the string opening at `i` ends (just past its closing quote). */
function stringEnd(buf: Buffer, i: number): number {
  if (buf[i] !== QUOTE) throw malformed(NOT_JSON);
  // UTF-8 never uses the bytes of a quote or a backslash inside a longer character.
  for (let j = i + 1; j < buf.length; j++) {
    const c = buf[j];
    if (c === QUOTE) return j + 1;
    if (c === BACKSLASH) j++;
  }
  throw malformed(NOT_JSON);
}

/**
 * Where the JSON value starting at `i` ends. Only its extent is found here: what it holds is
 * checked by JSON.parse when it is read, which refuses a mismatched bracket or a bare word.
 */
function valueEnd(buf: Buffer, i: number): number {
  const first = buf[i];
  if (first === QUOTE) return stringEnd(buf, i);
  if (first === OPEN_OBJECT || first === OPEN_ARRAY) {
    let depth = 0;
    for (let j = i; j < buf.length; j++) {
      const c = buf[j];
      if (c === QUOTE) j = stringEnd(buf, j) - 1;
      else if (c === OPEN_OBJECT || c === OPEN_ARRAY) depth++;
      else if ((c === CLOSE_OBJECT || c === CLOSE_ARRAY) && --depth === 0) return j + 1;
    }
    throw malformed(NOT_JSON);
  }
  // A number, true, false or null: up to what may follow a value.
  let j = i;
  for (let c = buf[j]; c !== undefined && c !== COMMA && c !== CLOSE_ARRAY && c !== CLOSE_OBJECT && c !== COLON && !isSpace(c); c = buf[++j]);
  if (j === i) throw malformed(NOT_JSON);
  return j;
}
