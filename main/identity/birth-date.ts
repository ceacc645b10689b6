/** Why a date of birth was refused. */
export type BirthDateRefusal =
  | 'date-empty' // nothing typed
  | 'date-incomplete' // one or two of day, month, year missing
  | 'date-format' // letters, or a part with too many digits
  | 'date-invalid' // not a calendar date: 31/02, month 13
  | 'date-future'
  | 'date-too-old' // older than anyone on the register could be
  | 'date-too-young'; // too young to run a business

export type BirthDateParts = { day: string; month: string; year: string };
/** A calendar date, ISO 8601 (YYYY-MM-DD). */
export type IsoDate = string;
export type BirthDateParse = { ok: true; value: IsoDate } | { ok: false; reason: BirthDateRefusal };

// A business can be registered from 16 (an emancipated minor); nobody on the register is
// older than 120. Both bounds only catch typing slips, they decide nothing else.
export const MIN_AGE_YEARS = 16;
export const MAX_AGE_YEARS = 120;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysIn(month: number, year: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Years between two ISO dates, counting a birthday only once it has been reached. */
function ageOn(birth: IsoDate, today: IsoDate): number {
  const [by = 0, bm = 0, bd = 0] = birth.split('-').map(Number);
  const [ty = 0, tm = 0, td = 0] = today.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** Today's date in the kiosk's local time zone, as the person at the desk sees it. */
export function localIsoDate(now: Date): IsoDate {
  const y = String(now.getFullYear()).padStart(4, '0');
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export function parseBirthDate(parts: BirthDateParts, today: IsoDate): BirthDateParse {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (day === '' && month === '' && year === '') return { ok: false, reason: 'date-empty' };
  if (day === '' || month === '' || year === '') return { ok: false, reason: 'date-incomplete' };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) {
    return { ok: false, reason: 'date-format' };
  }
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  if (m < 1 || m > 12 || d < 1 || d > daysIn(m, y)) return { ok: false, reason: 'date-invalid' };

  const iso = `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (iso > today) return { ok: false, reason: 'date-future' };
  const age = ageOn(iso, today);
  if (age > MAX_AGE_YEARS) return { ok: false, reason: 'date-too-old' };
  if (age < MIN_AGE_YEARS) return { ok: false, reason: 'date-too-young' };
  return { ok: true, value: iso };
}
