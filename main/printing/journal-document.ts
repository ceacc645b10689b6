import { PDFDocument, type PDFFont, rgb } from 'pdf-lib';
import { embedCardFont } from '../cards/card-pdf.ts';
import { cardFonts } from '../cards/fonts.ts';

/** One entry of the printed journal: its time of day and its sentence. */
export type JournalPrintLine = { time: string; text: string };

/**
 * What the printed journal holds: the chamber, the heading lines (title, day, filters, who
 * printed it, in the console's language) and the entries. `empty` is said when there are none.
 */
export type JournalDocument = { chamber: string; heading: string[]; lines: JournalPrintLine[]; empty: string };

// A4 in points, 18 mm margins.
const [W, H] = [595.28, 841.89];
const MARGIN = 51;
const SIZE = 10;
const LEADING = SIZE * 1.35;
const TIME_WIDTH = 40;

/** Words laid on lines no wider than `width`; a word wider than a line is cut where it must be. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const tried = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(tried, size) <= width) {
      line = tried;
      continue;
    }
    if (line) out.push(line);
    line = word;
    while (font.widthOfTextAtSize(line, size) > width && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
      out.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) out.push(line);
  return out.length ? out : [''];
}

/**
 * The day's journal on A4 sheets, for the office printer: the chamber and the heading on the
 * first page, then one entry per paragraph, its time in a column of its own, an entry never
 * split across two pages; each page numbered "n / N". The font is the card's (Liberation Sans,
 * embedded), so every name prints as written.
 */
export async function renderJournalPdf({ chamber, heading, lines, empty }: JournalDocument): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(heading[0] ?? 'Journal');
  // Embedded the card's way (upstream fontkit, checked glyph by glyph by the card tests):
  // @pdf-lib/fontkit's subsetting can print blank glyphs while pdftotext reads every word.
  const bytes = await cardFonts();
  const regular = await embedCardFont(doc, bytes.regular);
  const bold = await embedCardFont(doc, bytes.bold);
  const textWidth = W - 2 * MARGIN - TIME_WIDTH;
  let page = doc.addPage([W, H]);
  let y = H - MARGIN;
  const text = (s: string, x: number, font: PDFFont, size: number) => page.drawText(s, { x, y, size, font, color: rgb(0, 0, 0) });

  text(chamber, MARGIN, bold, 12);
  y -= 20;
  for (const [i, h] of heading.entries()) {
    const size = i === 0 ? 16 : 11;
    for (const part of wrap(h, i === 0 ? bold : regular, size, W - 2 * MARGIN)) {
      text(part, MARGIN, i === 0 ? bold : regular, size);
      y -= size * 1.4;
    }
  }
  y -= 4;
  page.drawLine({ start: { x: MARGIN, y }, end: { x: W - MARGIN, y }, thickness: 0.8, color: rgb(0, 0, 0) });
  y -= LEADING + 4;

  if (lines.length === 0) text(empty, MARGIN, regular, SIZE + 1);
  for (const line of lines) {
    const parts = wrap(line.text, regular, SIZE, textWidth);
    if (y - (parts.length - 1) * LEADING < MARGIN + 20) {
      page = doc.addPage([W, H]);
      y = H - MARGIN;
    }
    text(line.time, MARGIN, bold, SIZE);
    for (const part of parts) {
      text(part, MARGIN + TIME_WIDTH, regular, SIZE);
      y -= LEADING;
    }
    y -= 3;
  }

  const pages = doc.getPages();
  for (const [i, p] of pages.entries()) {
    const label = `${i + 1} / ${pages.length}`;
    p.drawText(label, { x: W - MARGIN - regular.widthOfTextAtSize(label, 9), y: MARGIN / 2, size: 9, font: regular, color: rgb(0.2, 0.2, 0.2) });
  }
  return doc.save();
}
