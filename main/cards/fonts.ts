import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/**
 * The card's fonts: Liberation Sans 2 (SIL OFL, assets/fonts/), which has the glyphs of every
 * name a French register holds: é ç œ ß ł ğ ñ ø and the rest of Latin Extended-A. Read once.
 */
export const FONTS_DIR = fileURLToPath(new URL('../../assets/fonts/', import.meta.url));

let cache: Promise<{ regular: Uint8Array; bold: Uint8Array }> | undefined;

export function cardFonts(): Promise<{ regular: Uint8Array; bold: Uint8Array }> {
  cache ??= Promise.all([readFile(`${FONTS_DIR}/LiberationSans-Regular.ttf`), readFile(`${FONTS_DIR}/LiberationSans-Bold.ttf`)]).then(([regular, bold]) => ({
    regular,
    bold,
  }));
  return cache;
}
