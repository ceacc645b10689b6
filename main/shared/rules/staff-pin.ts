/**
 * What makes a staff PIN: the console opens the desk's cash, cards and audit log, and a
 * PIN is what an onlooker at the desk tries first. So: 6 to 8 digits, and none of the codes
 * people pick because they are easy to remember (one digit over and over, a short pattern
 * repeated, a run up or down the keypad, a date such as a birth date). Pure code, no Node:
 * the PIN screens check it as the agent types, and the staff service checks it again.
 */
export type PinRefusal = 'format' | 'repeated' | 'sequence' | 'date';

export const PIN_MIN = 6;
export const PIN_MAX = 8;

/** 111111, 121212, 123123, 11112222: a block of 1 to 3 digits repeated, or two digits only. */
function isRepeated(pin: string): boolean {
  if (new Set(pin).size <= 2) return true;
  for (let period = 1; period <= 3; period++) {
    if (pin.length % period === 0 && pin.slice(0, period).repeat(pin.length / period) === pin) return true;
  }
  return false;
}

/** 123456, 654321, 890123 (the keypad's order, wrapping from 9 to 0). */
function isSequence(pin: string): boolean {
  const steps = new Set<number>();
  for (let i = 1; i < pin.length; i++) steps.add((Number(pin[i]) - Number(pin[i - 1]) + 10) % 10);
  return steps.size === 1 && (steps.has(1) || steps.has(9));
}

const isDay = (s: string) => Number(s) >= 1 && Number(s) <= 31;
const isMonth = (s: string) => Number(s) >= 1 && Number(s) <= 12;
const isYear = (s: string) => /^(19|20)\d\d$/.test(s);

/**
 * A date as people write it: 140780 (DDMMYY), 071980 / 198007 (a month and year),
 * 14071980 / 19800714 (DDMMYYYY, YYYYMMDD), 07141980 (MMDDYYYY). Day and month are checked
 * loosely (31 days every month): a near-date is as guessable as a date.
 */
function isDate(pin: string): boolean {
  const [a, b, c] = [pin.slice(0, 2), pin.slice(2, 4), pin.slice(4)];
  if (pin.length === 6) {
    return (isDay(a) && isMonth(b)) || (isMonth(a) && isYear(pin.slice(2))) || (isYear(pin.slice(0, 4)) && isMonth(c));
  }
  if (pin.length === 8) {
    return (
      (isDay(a) && isMonth(b) && isYear(c)) ||
      (isMonth(a) && isDay(b) && isYear(c)) ||
      (isYear(pin.slice(0, 4)) && isMonth(pin.slice(4, 6)) && isDay(pin.slice(6)))
    );
  }
  return false;
}

/** Why this PIN cannot be a staff PIN, or null if it can. */
export function pinRefusal(pin: string): PinRefusal | null {
  if (!new RegExp(`^\\d{${PIN_MIN},${PIN_MAX}}$`).test(pin)) return 'format';
  if (isRepeated(pin)) return 'repeated';
  if (isSequence(pin)) return 'sequence';
  if (isDate(pin)) return 'date';
  return null;
}
