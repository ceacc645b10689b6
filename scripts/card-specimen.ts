/**
 * The picture of a card on the welcome screen (assets/card-specimen.png), drawn by the card's
 * own renderer so that what the artisan is shown is what they will get. Run it after a change to
 * the card's layout: `npm run -s card-specimen`; the test test/integration/card-specimen.test.ts
 * fails while the picture is older than the layout.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CardModel } from '../main/cards/card-model.ts';
import { renderCardPdf } from '../main/cards/card-pdf.ts';

export const SPECIMEN_PATH = fileURLToPath(new URL('../assets/card-specimen.png', import.meta.url));

/** Camille, the README's first demo artisan, on a card of a fixed year (the picture must not change on 1 January). */
export function specimenCard(): CardModel {
  return {
    chamber: 'CMA Île-de-France',
    title: 'Maître artisan',
    firstNames: 'Camille',
    lastName: 'DURAND',
    company: 'Boulangerie Durand',
    activity: 'Boulangerie-pâtisserie',
    rmNumber: '123123127RM078',
    year: 2026,
    validUntil: '2027-03-31',
    photo: readFileSync(fileURLToPath(new URL('../assets/demo-photos/portrait.jpg', import.meta.url))),
    token: 'SPECIMEN',
    qr: 'SPECIMEN',
  };
}

/** The card's front at 200 dpi (675 × 426 px), as PNG bytes. */
export async function renderSpecimen(): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'card-specimen-'));
  try {
    const pdf = join(dir, 'card.pdf');
    writeFileSync(pdf, await renderCardPdf(specimenCard(), 'card'));
    execFileSync('pdftoppm', ['-png', '-r', '200', '-f', '1', '-l', '1', '-singlefile', pdf, join(dir, 'front')]);
    return readFileSync(join(dir, 'front.png'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(SPECIMEN_PATH, await renderSpecimen());
  console.log(`wrote ${SPECIMEN_PATH}`);
}
