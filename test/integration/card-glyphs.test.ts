import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { PDFDocument, type PDFFont } from 'pdf-lib';
import { embedCardFont } from '../../main/cards/card-pdf.ts';
import { cardFonts } from '../../main/cards/fonts.ts';
import { pdfFontkit } from '../../main/cards/pdf-fontkit.ts';
import { ROOT } from '../support/browser-mode.ts';
import { type Box, blankFont, differingIn, inkIn, type Raster, rasterise } from '../support/glyph-ink.ts';
import { tempDir } from '../support/temp.ts';

/** The letters names need that a plain font lacks, their capitals, and what an RM number prints. */
const GLYPHS = [...'éçœßłğñøåıÉÇŒŁĞÑØÅİ0123456789RMEAN°'];
const SIZE = 20;
const PITCH = 1.6 * SIZE;
const ROW = 2 * SIZE;
const PER_ROW = 12;
const MARGIN = 10;
const DPI = 300;

type Fonts = { regular: Uint8Array; bold: Uint8Array };
type Cell = Box & { glyph: string; font: keyof Fonts };

/**
 * One glyph a cell, in each card font, on a page of its own: `embed` puts a font in the
 * document (the cards' way: subset, through the card code's fontkit; or the whole font, the
 * reference). Each cell's box holds its glyph with room to spare and nothing else.
 */
async function glyphSheet(fonts: Fonts, embed: (doc: PDFDocument, bytes: Uint8Array) => Promise<PDFFont>): Promise<{ pdf: Uint8Array; cells: Cell[] }> {
  const doc = await PDFDocument.create();
  const rows = 2 * Math.ceil(GLYPHS.length / PER_ROW);
  const width = 2 * MARGIN + PER_ROW * PITCH;
  const height = 2 * MARGIN + rows * ROW;
  const page = doc.addPage([width, height]);
  const cells: Cell[] = [];
  for (const [f, name] of (['regular', 'bold'] as const).entries()) {
    const font = await embed(doc, fonts[name]);
    for (const [i, glyph] of GLYPHS.entries()) {
      const left = MARGIN + (i % PER_ROW) * PITCH;
      const top = MARGIN + (f * (rows / 2) + Math.floor(i / PER_ROW)) * ROW;
      const baseline = top + 1.3 * SIZE;
      page.drawText(glyph, { x: left + 0.2 * SIZE, y: height - baseline, size: SIZE, font });
      cells.push({ glyph, font: name, xMin: left, xMax: left + PITCH - 0.05 * SIZE, yMin: top + 0.05 * SIZE, yMax: top + 1.7 * SIZE });
    }
  }
  return { pdf: await doc.save(), cells };
}

async function wholeFont(doc: PDFDocument, bytes: Uint8Array): Promise<PDFFont> {
  doc.registerFontkit(pdfFontkit);
  return doc.embedFont(bytes, { subset: false });
}

/** A sheet printed to a file and rasterised. */
function print(sheet: { pdf: Uint8Array; cells: Cell[] }, file: string): Raster {
  writeFileSync(file, sheet.pdf);
  return rasterise(file, 1, DPI);
}

describe('the card fonts print every glyph', async () => {
  const dir = tempDir('card-glyphs-');
  const fonts = await cardFonts();

  it('é ç œ ß ł ğ ñ ø, their capitals and the RM number draw ink in both card fonts, the same ink as the whole font', async () => {
    for (const name of ['regular', 'bold'] as const) {
      const font = pdfFontkit.create(fonts[name]);
      const missing = GLYPHS.filter((g) => font.glyphForCodePoint(g.codePointAt(0) ?? 0).id === 0);
      assert.deepEqual(missing, [], `${name}: no glyph (the font would print its empty box)`);
    }
    const sheet = await glyphSheet(fonts, embedCardFont);
    const subset = print(sheet, path.join(dir, 'subset.pdf'));
    const whole = print(await glyphSheet(fonts, wholeFont), path.join(dir, 'whole.pdf'));
    const glyphs = sheet.cells.map((c) => ({ glyph: `${c.font} ${c.glyph}`, ink: inkIn(subset, c), differing: differingIn(subset, whole, c) }));
    if (process.env.GLYPH_DEBUG) console.log(glyphs.map((g) => `${g.glyph}:${g.ink}/${g.differing}`).join(' '));
    // Every glyph draws ink, and the ink it draws is the glyph's: pixel for pixel what the
    // whole font (embedded as it is, no subsetting) draws in the same place.
    const wrong = glyphs.filter((g) => g.ink < 40 || g.differing > 0.02 * g.ink + 4);
    assert.deepEqual(wrong, [], 'glyphs printed blank, or unlike the same glyph from the whole font');
    mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '100', path.join(dir, 'subset.pdf'), path.join(ROOT, 'test-output', 'card-glyphs')]);
  });

  it('a font whose glyphs draw nothing fails that check, while pdftotext still reads every letter', async () => {
    const blank = { regular: blankFont(fonts.regular), bold: blankFont(fonts.bold) };
    const file = path.join(dir, 'blank.pdf');
    const sheet = await glyphSheet(blank, embedCardFont);
    const raster = print(sheet, file);
    assert.deepEqual(
      sheet.cells.filter((c) => inkIn(raster, c) > 0).map((c) => `${c.font} ${c.glyph}`),
      [],
    );
    const text = execFileSync('pdftotext', [file, '-']).toString();
    for (const g of GLYPHS) assert.ok(text.includes(g), `${g} in the blank sheet's text: ${text}`);
  });
});
