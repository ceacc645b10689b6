import type { Translate } from '../i18n/index.tsx';

/** The symbols a password or an e-mail may need, in the order the picker offers them. */
export const SYMBOLS = ['.', '@', '_', '-', '+', '!', '?', '#', '$', '%', '&', '*', '=', '/', ':', ';', ',', '(', ')', "'"] as const;

const LOWER = 'abcdefghijklmnopqrstuvwxyz'.split('');
const UPPER = LOWER.map((c) => c.toUpperCase());
const DIGITS = '0123456789'.split('');

export type CharGroup = { name: 'lower' | 'upper' | 'digits' | 'symbols' | 'rm'; chars: readonly string[] };

/** The groups of characters 7 and 9 go through, for the kind of field. */
export function groupsFor(kind: 'text' | 'password' | 'digits', rmNumber: boolean): CharGroup[] {
  if (rmNumber)
    return [
      { name: 'digits', chars: DIGITS },
      { name: 'rm', chars: ['RM', 'RE', 'A', 'B'] },
    ];
  if (kind === 'digits') return [{ name: 'digits', chars: DIGITS }];
  return [
    { name: 'lower', chars: LOWER },
    { name: 'upper', chars: UPPER },
    { name: 'digits', chars: DIGITS },
    { name: 'symbols', chars: SYMBOLS },
  ];
}

/** One character (or key, like "RM") as it is heard. */
export function charName(c: string, t: Translate): string {
  const i = (SYMBOLS as readonly string[]).indexOf(c);
  if (i >= 0) return t('audio.char.symbols').split('|')[i] ?? c;
  if (c === ' ') return t('audio.char.space');
  if (c.length === 1 && c !== c.toLowerCase()) return t('audio.char.upper', { char: c.toLowerCase() });
  // "RM", "RE": letter by letter.
  return c.length > 1 ? c.split('').join(' ') : c;
}

/** A value spelt for the ear: digits one by one, symbols by name, words as words. */
export function spell(value: string, t: Translate): string {
  return value
    .replace(/[^A-Za-zÀ-ÿ]/g, (c) => ` ${/\d/.test(c) ? c : charName(c, t)} `)
    .replace(/\s+/g, ' ')
    .trim();
}

/** A reference to note down (an order number, "P251201-003"): capitals then digits, maybe in parts. */
const CODE = /\b[A-Z]{1,3}\d{2,}(?:-\d+)*\b/g;
/** "n°" (fr) or "no." (en) before a number: a synthesizer says the letter n, or "no". */
const NUMBER_SIGN = /\b(?:n°|no\.)\s*(?=[A-Z]{0,3}\d)/gi;

/**
 * A sentence made ready for the ear: a reference is spelt character by character (said as
 * one large number it cannot be written down or repeated at the desk), and "n°" is said as
 * the word it stands for.
 */
export function forTheEar(sentence: string, t: Translate): string {
  return sentence.replace(NUMBER_SIGN, `${t('audio.numberSign')} `).replace(CODE, (code) => spell(code, t));
}
