/**
 * E-mail addresses as people type them at a desk. Pure code, no Node (the renderer uses it
 * for its hints; the main process checks again).
 */

// Deliberately simple: one @, a dotted domain, no spaces. Deliverability is proven by the
// confirmation link, not by a regular expression.
const SHAPE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function normaliseEmail(input: string): string {
  return input.trim().replace(/\s+/g, '').toLowerCase();
}

export function isEmail(input: string): boolean {
  const e = normaliseEmail(input);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused here.
  return e.length <= 254 && SHAPE.test(e) && !/[\u0000-\u001f\u007f]/.test(e);
}

// Common slips on common domains, as seen at French front desks.
const TYPOS: Record<string, string> = {
  'gmial.com': 'gmail.com',
  'gmal.com': 'gmail.com',
  'gmail.fr': 'gmail.com',
  'gamil.com': 'gmail.com',
  'gmail.co': 'gmail.com',
  'hotmial.com': 'hotmail.com',
  'hotmail.fe': 'hotmail.fr',
  'hotmal.fr': 'hotmail.fr',
  'wanado.fr': 'wanadoo.fr',
  'wanadoo.com': 'wanadoo.fr',
  'orange.com': 'orange.fr',
  'ornage.fr': 'orange.fr',
  'yaho.fr': 'yahoo.fr',
  'yahou.fr': 'yahoo.fr',
  'outlok.fr': 'outlook.fr',
  'laposte.fr': 'laposte.net',
  'free.com': 'free.fr',
  'sfr.com': 'sfr.fr',
};

/** "camille@gmial.com" -> "camille@gmail.com"; null when nothing looks mistyped. */
export function emailTypoSuggestion(input: string): string | null {
  const e = normaliseEmail(input);
  const at = e.lastIndexOf('@');
  if (at < 1) return null;
  const fix = TYPOS[e.slice(at + 1)];
  return fix ? `${e.slice(0, at + 1)}${fix}` : null;
}
