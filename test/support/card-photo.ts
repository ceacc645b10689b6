import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type Colour = { r: number; g: number; b: number };

/**
 * The mean colour in the middle of the photo box of a card PDF's front (main/cards/card-pdf.ts:
 * x 10–66 pt, 18–90 pt from the bottom of the 153 pt card), as poppler renders it at 144 dpi.
 * The demo portrait's face is skin-toned (red well above blue); the placeholder's silhouette
 * is grey (red and blue alike).
 */
export function photoAreaColour(pdf: Uint8Array, dir: string, name: string): Colour {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-r', '144', '-f', '1', '-l', '1', '-singlefile', file, file]);
  const bytes = readFileSync(`${file}.ppm`);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 40).toString('latin1'));
  assert.ok(header, 'pdftoppm writes a binary PPM');
  const width = Number(header[1]);
  const pixels = bytes.subarray(header[0].length);
  const scale = 144 / 72;
  let [r, g, b, n] = [0, 0, 0, 0];
  for (let y = Math.round(88 * scale); y < Math.round(100 * scale); y++) {
    for (let x = Math.round(32 * scale); x < Math.round(44 * scale); x++) {
      const i = (y * width + x) * 3;
      r += pixels[i] ?? 0;
      g += pixels[i + 1] ?? 0;
      b += pixels[i + 2] ?? 0;
      n++;
    }
  }
  return { r: r / n, g: g / n, b: b / n };
}

/** The portrait's face, not the grey silhouette. */
export const isSkin = (c: Colour) => c.r - c.b > 40;
export const isGrey = (c: Colour) => Math.abs(c.r - c.b) < 20;
