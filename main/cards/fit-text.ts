import type { PDFFont } from 'pdf-lib';

export type Fitted = { size: number; lines: string[] };

/**
 * Fits a text into a width without ever clipping it: the font shrinks down to `minSize`;
 * past that the text wraps onto up to `maxLines` lines at word boundaries, then, for a
 * single word too long for a line, between characters. Widths grow linearly with the size,
 * so each piece of text is measured once, at size 1 (measuring is the costly part).
 */
export function fitText(font: PDFFont, text: string, maxWidth: number, size: number, minSize: number, maxLines = 2): Fitted {
  const unit = new Map<string, number>();
  const width = (s: string) => {
    let w = unit.get(s);
    if (w === undefined) {
      w = font.widthOfTextAtSize(s, 1);
      unit.set(s, w);
    }
    return w;
  };
  const whole = width(text);
  if (whole * minSize <= maxWidth) return { size: Math.min(size, Math.floor((maxWidth / whole) * 4) / 4), lines: [text] };
  for (let at = size; at >= minSize * 0.8; at -= 0.25) {
    const lines = wrap(text, (s) => width(s) * at <= maxWidth);
    if (lines.length <= maxLines) return { size: at, lines };
  }
  const at = minSize * 0.8;
  return { size: at, lines: wrap(text, (s) => width(s) * at <= maxWidth) };
}

function wrap(text: string, fits: (s: string) => boolean): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    // A word longer than the line is cut between characters.
    let rest = word;
    while (!fits(rest)) {
      let cut = rest.length - 1;
      while (cut > 1 && !fits(rest.slice(0, cut))) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}
