import { create, type Font } from 'fontkit';
import type { PDFDocument } from 'pdf-lib';

/** What pdf-lib 1.17 expects of `registerFontkit` (its own description of fontkit 1). */
type PdfLibFontkit = Parameters<PDFDocument['registerFontkit']>[0];
type PdfLibFont = ReturnType<PdfLibFontkit['create']>;
type PdfLibSubset = ReturnType<PdfLibFont['createSubset']>;
type SubsetStream = ReturnType<PdfLibSubset['encodeStream']>;

/**
 * Upstream fontkit 2 for pdf-lib 1.17, instead of pdf-lib's own fork (`@pdf-lib/fontkit`
 * 1.1.1). The fork predates upstream's fix of TrueType subsets (foliojs/fontkit#191): it
 * writes the subset's `loca` table in the short format without padding odd-length glyph
 * records, so one such glyph shifts every later one and they print blank while the text
 * layer (what `pdftotext` reads) stays right. Liberation Sans happens to have no odd-length
 * record; the next font might.
 *
 * pdf-lib calls fontkit's `create`, the font's `layout` and `createSubset`, and the
 * subset's `encodeStream()`, a stream of the subset's bytes. fontkit 2 kept the first three
 * and replaced the stream with `encode()`, which returns the bytes at once: this module
 * gives each font's subsets the `encodeStream()` pdf-lib asks for, made from `encode()`.
 *
 * Parsing a font is the costly part (two thirds of a card's time when pdf-lib parsed
 * Liberation Sans twice per card, test/bench), so each font buffer is parsed once and the
 * parsed font reused: each document still gets its own subset.
 */
const parsed = new WeakMap<Uint8Array, PdfLibFont>();

export const pdfFontkit: PdfLibFontkit = {
  create(buffer: Uint8Array, postscriptName?: string): PdfLibFont {
    let font = parsed.get(buffer);
    if (!font) {
      font = adapt(parseFont(buffer, postscriptName));
      parsed.set(buffer, font);
    }
    return font;
  },
};

function parseFont(buffer: Uint8Array, postscriptName?: string): Font {
  const bytes = Buffer.isBuffer(buffer) ? buffer : Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const font = create(bytes, postscriptName);
  // A collection (.ttc, .dfont) without a postscript name to pick one of its fonts: a
  // mistake in the assets, not something a card can recover from.
  if (!('createSubset' in font)) throw new Error(`a font collection, not one font (${font.type})`);
  return font;
}

/** The parsed font, its `createSubset` returning subsets that pdf-lib 1.17 can serialise. */
function adapt(font: Font): PdfLibFont {
  const original = font.createSubset.bind(font);
  const createSubset = (): Fontkit2Subset => original() as Fontkit2Subset;
  // pdf-lib's own description of a font is fontkit 1's; fontkit 2's font has every member
  // pdf-lib reads (checked by the card tests, which render and look at every glyph), but the
  // two type descriptions were written apart and differ in detail.
  const adapted = Object.assign(font, { createSubset: () => streamable(font, createSubset()) });
  return adapted as unknown as PdfLibFont;
}

/** fontkit 2's subset: `glyphs`, the glyph ids in subset order, is in its source, not in its types. */
type Fontkit2Subset = ReturnType<Font['createSubset']> & { glyphs: number[] };

function streamable(font: Font, subset: Fontkit2Subset): PdfLibSubset {
  return Object.assign(subset, { encodeStream: () => streamOf(encodeOnce(font, subset)) }) as unknown as PdfLibSubset;
}

/**
 * Encoded subsets, by font and glyph list. Cards embed the same glyphs in the same order as
 * long as their text keeps to the card alphabet (card-pdf.ts), so the subset is the same
 * bytes card after card: it is encoded once (encoding was a fifth of a card's time). The few
 * most recent lists are kept per font: glyph numbers, no text.
 */
const encoded = new WeakMap<Font, Map<string, Uint8Array>>();
const LISTS_KEPT = 4;

function encodeOnce(font: Font, subset: Fontkit2Subset): Uint8Array {
  let byList = encoded.get(font);
  if (!byList) {
    byList = new Map();
    encoded.set(font, byList);
  }
  const key = subset.glyphs.join(',');
  const bytes = byList.get(key) ?? subset.encode();
  // Most recent last; the oldest lists go.
  byList.delete(key);
  byList.set(key, bytes);
  for (const old of byList.keys()) {
    if (byList.size <= LISTS_KEPT) break;
    byList.delete(old);
  }
  return bytes;
}

/**
 * The bytes as a stream of one chunk. pdf-lib attaches its `data` and `end` listeners in one
 * chained expression, so the chunk goes out on the next microtask, once they are there. (An
 * error of `encode()` is thrown before: pdf-lib calls `encodeStream()` inside a promise's
 * executor, which turns it into the rejection it would have had from the stream.)
 */
function streamOf(bytes: Uint8Array): SubsetStream {
  const listeners = new Map<string, ((data: Uint8Array) => unknown)[]>();
  const stream: SubsetStream = {
    on(event: string, callback: (data: Uint8Array) => unknown) {
      listeners.set(event, [...(listeners.get(event) ?? []), callback]);
      return stream;
    },
  };
  queueMicrotask(() => {
    for (const f of listeners.get('data') ?? []) f(bytes);
    for (const f of listeners.get('end') ?? []) f(new Uint8Array(0));
  });
  return stream;
}
