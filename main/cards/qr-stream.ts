import { deflateSync } from 'node:zlib';
import { type PDFDocument, type PDFPage, rgb } from 'pdf-lib';
import QRCode from 'qrcode';

/**
 * Draws a QR code on a page: a white square `side` points wide, its bottom-left corner at
 * (x, y), with the black modules inside its quiet zone as vector rectangles, sharp at any
 * printer resolution.
 *
 * Written as the page's own content stream rather than through pdf-lib's drawing calls: as
 * an SVG path (pdf-lib parses it, then formats each of its thousands of numbers) the code
 * was a fifth of a card's time, and pdf-lib compresses streams with pako, about ten times
 * slower than node:zlib. Here each run of dark modules in a row is one `re` in module units,
 * and one `cm` scales them all into place; the stream is deflated by node:zlib.
 */
export function drawQrCode(
  doc: PDFDocument,
  page: PDFPage,
  text: string,
  { x, y, side, quiet = 4 }: { x: number; y: number; side: number; quiet?: number },
): void {
  page.drawRectangle({ x, y, width: side, height: side, color: rgb(1, 1, 1) });
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = side / (n + 2 * quiet);
  // Module (col, row) at cell size, rows going down from the code's top-left corner.
  const ops = ['q', '0 g', `${num(cell)} 0 0 ${num(-cell)} ${num(x + quiet * cell)} ${num(y + side - quiet * cell)} cm`];
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      if (!qr.modules.get(row, col)) continue;
      let end = col;
      while (end + 1 < n && qr.modules.get(row, end + 1)) end++;
      ops.push(`${col} ${row} ${end - col + 1} 1 re`);
      col = end;
    }
  }
  ops.push('f', 'Q');
  const stream = doc.context.stream(deflateSync(ops.join('\n')), { Filter: 'FlateDecode' });
  // After pdf-lib's own stream of the page (the drawRectangle above made sure there is one):
  // above the white square and everything pdf-lib draws on the page.
  page.node.addContentStream(doc.context.register(stream));
}

/** A coordinate as PDF writes it: at most 4 decimals (1/18000 in), no exponent. */
function num(v: number): string {
  return String(Math.round(v * 10000) / 10000);
}
