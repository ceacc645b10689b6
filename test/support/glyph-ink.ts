import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * What a printed PDF shows, as opposed to what `pdftotext` reads from it: a font whose glyphs
 * draw nothing keeps a perfect text layer. Pages are rasterised by poppler (`pdftoppm`), the
 * same renderer the other card tests use, and boxes are looked at for ink.
 */

/** A page as gray levels, 0 (black) to 255 (white), one byte a pixel, rows from the top. */
export type Raster = { width: number; height: number; dpi: number; pixels: Uint8Array };

/** A box in PDF points, measured from the page's top-left corner (as `pdftotext -bbox` gives them). */
export type Box = { xMin: number; yMin: number; xMax: number; yMax: number };

/** Page `page` (from 1) of a PDF file, rasterised in gray at `dpi`. */
export function rasterise(file: string, page: number, dpi: number): Raster {
  const prefix = `${file}-p${page}-${dpi}`;
  execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  return readPgm(readFileSync(`${prefix}.pgm`), dpi);
}

/** A binary PGM (P5, 8 bits), what `pdftoppm -gray` writes. */
function readPgm(bytes: Buffer, dpi: number): Raster {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (header?.[3] !== '255') throw new Error('not an 8-bit binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, dpi, pixels: bytes.subarray(header[0].length, header[0].length + width * height) };
}

/**
 * The pixels of a box that stand out from its background, taken as the box's most common
 * gray level, by more than 96 levels: black text on white and white text on the card's blue
 * band alike. A glyph that draws nothing leaves a box of background only: 0.
 */
export function inkIn(r: Raster, box: Box): number {
  const scale = r.dpi / 72;
  const x0 = Math.max(0, Math.floor(box.xMin * scale));
  const x1 = Math.min(r.width, Math.ceil(box.xMax * scale));
  const y0 = Math.max(0, Math.floor(box.yMin * scale));
  const y1 = Math.min(r.height, Math.ceil(box.yMax * scale));
  const histogram = new Uint32Array(256);
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const level = r.pixels[y * r.width + x] ?? 255;
      histogram[level] = (histogram[level] ?? 0) + 1;
    }
  }
  const background = histogram.indexOf(Math.max(...histogram));
  return histogram.reduce((sum, count, level) => (Math.abs(level - background) > 96 ? sum + count : sum), 0);
}

/** The words `pdftotext -bbox` finds on a page, with their boxes. */
export function wordsOf(file: string, page: number): (Box & { text: string })[] {
  const out = `${file}-p${page}-words.html`;
  execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, out]);
  const html = readFileSync(out, 'utf8');
  const words: (Box & { text: string })[] = [];
  for (const m of html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    const [, xMin, yMin, xMax, yMax, text = ''] = m;
    words.push({ xMin: Number(xMin), yMin: Number(yMin), xMax: Number(xMax), yMax: Number(yMax), text: unescapeHtml(text) });
  }
  return words;
}

function unescapeHtml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * A copy of a TrueType font whose glyphs all draw nothing: its `glyf` table zeroed, so every
 * glyph has no contour, while its character map and widths stay. Text set in it measures and
 * extracts exactly as before and prints blank: the failure the glyph test is there to catch.
 */
export function blankFont(ttf: Uint8Array): Uint8Array {
  const font = new Uint8Array(ttf);
  const view = new DataView(font.buffer);
  const tables = view.getUint16(4);
  for (let i = 0; i < tables; i++) {
    const record = 12 + 16 * i;
    if (String.fromCharCode(...font.subarray(record, record + 4)) !== 'glyf') continue;
    const offset = view.getUint32(record + 8);
    font.fill(0, offset, offset + view.getUint32(record + 12));
    return font;
  }
  throw new Error('no glyf table: not a TrueType font');
}

/** The pixels of a box that differ, by more than 96 gray levels, between two rasters of the same size. */
export function differingIn(a: Raster, b: Raster, box: Box): number {
  assert.deepEqual([a.width, a.height, a.dpi], [b.width, b.height, b.dpi], 'rasters of different sizes');
  const scale = a.dpi / 72;
  let n = 0;
  for (let y = Math.max(0, Math.floor(box.yMin * scale)); y < Math.min(a.height, Math.ceil(box.yMax * scale)); y++) {
    for (let x = Math.max(0, Math.floor(box.xMin * scale)); x < Math.min(a.width, Math.ceil(box.xMax * scale)); x++) {
      if (Math.abs((a.pixels[y * a.width + x] ?? 255) - (b.pixels[y * a.width + x] ?? 255)) > 96) n++;
    }
  }
  return n;
}
