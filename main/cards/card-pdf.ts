import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import type { CardModel } from './card-model.ts';
import { type Fitted, fitText } from './fit-text.ts';
import { cardFonts } from './fonts.ts';
import { compressWithZlib } from './native-flate.ts';
import { pdfFontkit } from './pdf-fontkit.ts';
import { drawQrCode } from './qr-stream.ts';

/** ID-1 / CR80: 85.60 x 53.98 mm in PDF points (1 pt = 1/72 in). */
export const CARD_WIDTH = 242.65;
export const CARD_HEIGHT = 153.01;
export const A4 = { width: 595.28, height: 841.89 };

export type CardLayout = 'card' | 'paper';

const BRAND = rgb(0.078, 0.212, 0.365);
const INK = rgb(0.106, 0.106, 0.122);
const MUTED = rgb(0.29, 0.29, 0.333);
const PLACEHOLDER = rgb(0.9, 0.91, 0.93);

type Fonts = { regular: PDFFont; bold: PDFFont };

/**
 * Fonts are subset (a card holds a few dozen glyphs of each). pdf-lib places glyphs by their
 * advance widths alone and never reads the positions that fontkit's layout computes, so the
 * positioning features (kerning, marks) are turned off: the same glyphs, a quarter less
 * layout work.
 */
const EMBED = { subset: true, features: { kern: false, mark: false, mkmk: false } };

/**
 * The letters of most cards (French and Alsatian names, the card's own wordings), set into
 * each font's subset first and in this order: a card whose text keeps to them embeds the same
 * subset as the card before, which pdf-fontkit.ts encodes once and native-flate.ts
 * compresses once (together a third of a card's time). A name with other letters (ł, ğ, ñ,
 * ø, ß, ...) adds them after these. The price: about 8 KB more per font than a card's own
 * letters would take.
 */
const CARD_ALPHABET = ' "&\'(),-./0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz°ÀÂÄÆÇÈÉÊËÎÏÔÖÙÛÜàâäæçèéêëîïôöùûüÿŒœ’–—';

/** One of the card fonts embedded in a document the way every card embeds it. */
export async function embedCardFont(doc: PDFDocument, bytes: Uint8Array): Promise<PDFFont> {
  doc.registerFontkit(pdfFontkit);
  const font = await doc.embedFont(bytes, EMBED);
  font.encodeText(CARD_ALPHABET);
  return font;
}

function text(page: PDFPage, lines: string[], x: number, top: number, size: number, font: PDFFont, color = INK): number {
  let y = top;
  for (const line of lines) {
    y -= size;
    page.drawText(line, { x, y, size, font, color });
    y -= size * 0.2;
  }
  return y;
}

/** A field of the card: fitted to its width, drawn from `top` down; returns the next top. */
function field(page: PDFPage, value: string, x: number, top: number, width: number, size: number, font: PDFFont, color = INK, maxLines = 2): number {
  const f = fitText(font, value, width, size, Math.max(4.5, size * 0.6), maxLines);
  return text(page, f.lines, x, top, f.size, font, color);
}

/**
 * The card's own wordings (the literals of this file, never an artisan's data) fit the same
 * way on every card: fitted once per font and box, and the fit reused. The back's paragraph
 * alone was more than half of the text a card measured (test/bench).
 */
const fittedWordings = new Map<string, Fitted>();

function wording(page: PDFPage, value: string, x: number, top: number, width: number, size: number, font: PDFFont, color = INK, maxLines = 2): number {
  const key = [font.name, value, width, size, maxLines].join('\u0000');
  let f = fittedWordings.get(key);
  if (!f) {
    f = fitText(font, value, width, size, Math.max(4.5, size * 0.6), maxLines);
    fittedWordings.set(key, f);
  }
  return text(page, f.lines, x, top, f.size, font, color);
}

async function front(page: PDFPage, card: CardModel, fonts: Fonts, doc: PDFDocument): Promise<void> {
  // Band with the chamber.
  page.drawRectangle({ x: 0, y: CARD_HEIGHT - 28, width: CARD_WIDTH, height: 28, color: BRAND });
  wording(page, "Chambre de Métiers et de l'Artisanat", 10, CARD_HEIGHT - 5, 150, 6, fonts.regular, rgb(1, 1, 1), 1);
  field(page, card.chamber, 10, CARD_HEIGHT - 13, 150, 9, fonts.bold, rgb(1, 1, 1), 1);
  field(page, `Carte professionnelle ${card.year}`, 165, CARD_HEIGHT - 9, 70, 7, fonts.bold, rgb(1, 1, 1), 2);

  // Photo, 35:45, or a placeholder that says where it will go.
  const box = { x: 10, y: 18, width: 56, height: 72 };
  if (card.photo) {
    const image = await doc.embedJpg(card.photo);
    page.drawImage(image, box);
  } else {
    page.drawRectangle({ ...box, color: PLACEHOLDER });
    page.drawCircle({ x: box.x + box.width / 2, y: box.y + 46, size: 11, color: rgb(0.75, 0.77, 0.8) });
    page.drawEllipse({ x: box.x + box.width / 2, y: box.y + 14, xScale: 20, yScale: 14, color: rgb(0.75, 0.77, 0.8) });
    wording(page, 'Photo', box.x + 16, box.y + 70, 30, 6, fonts.regular, MUTED, 1);
  }

  // The holder.
  const x = 76;
  const w = CARD_WIDTH - x - 8;
  let top = CARD_HEIGHT - 34;
  top = field(page, card.title.toUpperCase(), x, top, w, 7.5, fonts.bold, BRAND, 1);
  top = field(page, card.firstNames, x, top - 2, w, 10, fonts.regular, INK, 2);
  top = field(page, card.lastName, x, top, w, 12, fonts.bold, INK, 2);
  if (card.company) top = field(page, card.company, x, top - 2, w, 7.5, fonts.regular, INK, 2);
  if (card.activity) top = field(page, card.activity, x, top, w, 6.5, fonts.regular, MUTED, 2);
  const rm = card.rmNumber.replace(/^(\d{3})(\d{3})(\d{3})(R[ME])(.{3})$/, '$1 $2 $3 $4 $5');
  field(page, `N° ${rm}`, x, 26, w, 7.5, fonts.bold, INK, 1);
  const [y, m, d] = card.validUntil.split('-');
  field(page, `Valable jusqu’au ${d}/${m}/${y}`, x, 15, w, 6, fonts.regular, MUTED, 1);
}

function back(page: PDFPage, card: CardModel, fonts: Fonts, doc: PDFDocument): void {
  const side = 104;
  const ox = 10;
  drawQrCode(doc, page, card.qr, { x: ox, y: (CARD_HEIGHT - side) / 2, side });
  const x = ox + side + 10;
  const w = CARD_WIDTH - x - 8;
  let top = CARD_HEIGHT - 22;
  top = wording(page, 'Vérifier cette carte', x, top, w, 9, fonts.bold, BRAND, 2);
  top = wording(
    page,
    'Scannez ce code : sa signature prouve que la carte a été délivrée par la Chambre de Métiers et de l’Artisanat.',
    x,
    top - 3,
    w,
    6.5,
    fonts.regular,
    INK,
    5,
  );
  top = wording(page, 'La vérification fonctionne sans connexion.', x, top - 3, w, 6, fonts.regular, MUTED, 3);
  field(page, `Carte ${card.year}`, x, 20, w, 7, fonts.bold, INK, 1);
}

/** The card's two faces as a two-page CR80 PDF: the PVC printer's document, and the download. */
async function cardDocument(card: CardModel): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  compressWithZlib(doc);
  const bytes = await cardFonts();
  const fonts = { regular: await embedCardFont(doc, bytes.regular), bold: await embedCardFont(doc, bytes.bold) };
  doc.setTitle(`Carte professionnelle ${card.year}`);
  doc.setAuthor(card.chamber);
  doc.setCreator('CMA card kiosk');
  await front(doc.addPage([CARD_WIDTH, CARD_HEIGHT]), card, fonts, doc);
  back(doc.addPage([CARD_WIDTH, CARD_HEIGHT]), card, fonts, doc);
  return doc;
}

/** Crop marks at a card's corners, outside it, for cutting an office print. */
function cropMarks(page: PDFPage, x: number, y: number): void {
  const gap = 4;
  const len = 12;
  for (const [cx, cy] of [
    [x, y],
    [x + CARD_WIDTH, y],
    [x, y + CARD_HEIGHT],
    [x + CARD_WIDTH, y + CARD_HEIGHT],
  ] as const) {
    const sx = cx === x ? -1 : 1;
    const sy = cy === y ? -1 : 1;
    page.drawLine({ start: { x: cx + sx * gap, y: cy }, end: { x: cx + sx * (gap + len), y: cy }, thickness: 0.4, color: INK });
    page.drawLine({ start: { x: cx, y: cy + sy * gap }, end: { x: cx, y: cy + sy * (gap + len) }, thickness: 0.4, color: INK });
  }
}

/**
 * The card as a PDF: `card` (CR80 pages, no margins, for a PVC printer or a phone) or
 * `paper` (one A4 sheet, both faces at real size with crop marks, for an office printer).
 */
export async function renderCardPdf(card: CardModel, layout: CardLayout): Promise<Uint8Array> {
  const doc = await cardDocument(card);
  if (layout === 'card') return doc.save();
  return cardSheet(await doc.save(), card.year);
}

/**
 * A card already drawn on CR80 pages (front, back) laid on one A4 sheet at real size with
 * crop marks: what a PVC order's kept card becomes when it must be handed over on paper.
 */
export async function cardSheet(cardPdf: Uint8Array, year: number): Promise<Uint8Array> {
  const sheet = await PDFDocument.create();
  compressWithZlib(sheet);
  sheet.setTitle(`Carte professionnelle ${year} (A4)`);
  const [faceFront, faceBack] = await sheet.embedPdf(cardPdf, [0, 1]);
  const page = sheet.addPage([A4.width, A4.height]);
  const x = (A4.width - CARD_WIDTH) / 2;
  const positions = [A4.height - 120 - CARD_HEIGHT, A4.height - 120 - 2 * CARD_HEIGHT - 60];
  for (const [i, face] of [faceFront, faceBack].entries()) {
    const y = positions[i] ?? 0;
    if (face) page.drawPage(face, { x, y, width: CARD_WIDTH, height: CARD_HEIGHT });
    page.drawRectangle({ x, y, width: CARD_WIDTH, height: CARD_HEIGHT, borderColor: rgb(0.8, 0.8, 0.8), borderWidth: 0.3 });
    cropMarks(page, x, y);
  }
  const regular = await embedCardFont(sheet, (await cardFonts()).regular);
  page.drawText('Découpez les deux faces le long des traits, puis collez-les dos à dos.', {
    x,
    y: (positions[1] ?? 0) - 40,
    size: 9,
    font: regular,
    color: MUTED,
  });
  return sheet.save();
}
