import { PDFDocument, rgb } from 'pdf-lib';
import { embedCardFont } from '../cards/card-pdf.ts';
import { cardFonts } from '../cards/fonts.ts';
import type { PrintRole } from '../shared/print-jobs.ts';

// CR80 (85.6 × 53.98 mm) and A4, in PDF points.
const SIZES: Record<Exclude<PrintRole, 'receipt'>, [number, number]> = { card: [242.65, 153.01], paper: [595.28, 841.89] };

/**
 * A test page for the card or office printer: the page size the real documents use, a frame
 * 3 mm inside the edge (it shows whether the printer crops or scales) and what it was for.
 */
export async function renderTestPage(role: Exclude<PrintRole, 'receipt'>, printer: string, at: Date): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle('Page de test');
  // The card's own font embedding (upstream fontkit): @pdf-lib/fontkit's subsetting can leave
  // glyphs blank, and a test page that prints blank says the wrong thing about the printer.
  const bytes = await cardFonts();
  const regular = await embedCardFont(doc, bytes.regular);
  const bold = await embedCardFont(doc, bytes.bold);
  const [w, h] = SIZES[role];
  const page = doc.addPage([w, h]);
  const inset = 8.5;
  page.drawRectangle({ x: inset, y: inset, width: w - 2 * inset, height: h - 2 * inset, borderColor: rgb(0, 0, 0), borderWidth: 1 });
  const size = role === 'card' ? 10 : 18;
  page.drawText('Page de test — CMA Carte professionnelle', { x: 2 * inset, y: h - 3 * inset - size, size, font: bold });
  const lines = [`Imprimante : ${printer}`, `Rôle : ${role === 'card' ? 'cartes PVC' : 'feuilles A4'}`, `Le ${at.toLocaleString('fr-FR')}`];
  lines.forEach((line, i) => {
    page.drawText(line, { x: 2 * inset, y: h - 3 * inset - size - (i + 1.6) * size * 1.3, size: size * 0.8, font: regular });
  });
  return doc.save();
}
