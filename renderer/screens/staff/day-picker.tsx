import { useState } from 'react';
import { type Locale, useT } from '../../i18n/index.tsx';

const two = (n: number) => String(n).padStart(2, '0');

/** The local day of an instant, YYYY-MM-DD (the kiosk's day: the core counts the same way). */
export function localDay(at: Date): string {
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}`;
}

/** "2026-12-01" moved by `days` calendar days (done in UTC: no clock change in the way). */
export function shiftDay(day: string, days: number): string {
  const [y = 1970, m = 1, d = 1] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return `${date.getUTCFullYear()}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}`;
}

/** "lundi 30 novembre 2026": the day in words under the fields, so a slip in a number shows at once. */
export function dayInWords(day: string, locale: Locale): string {
  const [y = 1970, m = 1, d = 1] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

type Parts = { day: string; month: string; year: string };
const PARTS = ['day', 'month', 'year'] as const;
const partsOf = (iso: string): Parts => {
  const [year = '', month = '', day = ''] = iso.split('-');
  return { day, month, year };
};

/** The YYYY-MM-DD of what is typed; 'incomplete' while a part is missing, 'invalid' for no calendar day (31/02). */
export function typedDay({ day, month, year }: Parts): string | 'incomplete' | 'invalid' {
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return 'incomplete';
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return 'invalid';
  return `${year}-${two(m)}-${two(d)}`;
}

export type DayPickerProps = {
  /** Unique on the page: the fields' ids start with it. */
  id: string;
  day: string;
  /** The last day that can be chosen. */
  today: string;
  onChange(day: string): void;
};

/**
 * Today or a past day, never a day to come: three labelled fields Day / Month / Year (as the
 * identify screen asks a date of birth) and, for a finger, "Jour précédent" / "Jour suivant" /
 * "Aujourd’hui". Not `<input type="date">`: its display follows the browser's language
 * (11/30/2026 in an English Chromium), not the console's, and a French desk misreads it.
 * A day is taken once typed whole; a day to come or no calendar day is said above the fields,
 * and what was typed stays.
 */
export function DayPicker({ id, day, today, onChange }: DayPickerProps) {
  const { t, locale } = useT();
  const [draft, setDraft] = useState<Parts>(() => partsOf(day));
  const [problem, setProblem] = useState<'future' | 'invalid' | null>(null);
  // The day moved by a button (or the screen): the fields show it, unless they already say it.
  const [shown, setShown] = useState(day);
  if (shown !== day) {
    setShown(day);
    if (typedDay(draft) !== day) setDraft(partsOf(day));
    setProblem(null);
  }
  const pick = (next: string) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(next) && next <= today && next !== day) onChange(next);
  };
  const edit = (part: keyof Parts, value: string) => {
    const next = { ...draft, [part]: value.replace(/\D/g, '') };
    setDraft(next);
    const typed = typedDay(next);
    if (typed === 'incomplete') return setProblem(null);
    if (typed === 'invalid') return setProblem('invalid');
    if (typed > today) return setProblem('future');
    setProblem(null);
    pick(typed);
  };
  const atToday = day >= today;
  const describedBy = [`${id}-hint`, problem ? `${id}-error` : '', `${id}-words`].filter(Boolean).join(' ');
  return (
    <fieldset className={`field day-picker ${problem ? 'field-error' : ''}`} aria-describedby={describedBy}>
      <legend className="label">{t('day.label')}</legend>
      <p id={`${id}-hint`} className="hint">
        {t('day.hint')}
      </p>
      {problem && (
        <p id={`${id}-error`} className="error-message">
          {t(problem === 'future' ? 'day.error.future' : 'day.error.invalid')}
        </p>
      )}
      <div className="day-picker-row">
        <button type="button" className="button button-secondary" onClick={() => pick(shiftDay(day, -1))}>
          {t('day.previous')}
        </button>
        <div className="date-inputs">
          {PARTS.map((part) => (
            <div key={part} className={`date-item ${part === 'year' ? 'w4' : 'w2'}`}>
              <label htmlFor={`${id}-${part}`}>{t(`day.${part}`)}</label>
              <input
                id={`${id}-${part}`}
                className="input"
                type="text"
                inputMode="numeric"
                autoComplete="off"
                maxLength={part === 'year' ? 4 : 2}
                value={draft[part]}
                aria-invalid={problem ? true : undefined}
                data-touch-keyboard="numeric"
                onChange={(e) => edit(part, e.target.value)}
              />
            </div>
          ))}
        </div>
        <button type="button" className="button button-secondary" aria-disabled={atToday || undefined} onClick={() => !atToday && pick(shiftDay(day, 1))}>
          {t('day.next')}
        </button>
        {!atToday && (
          <button type="button" className="button button-secondary" onClick={() => pick(today)}>
            {t('day.today')}
          </button>
        )}
      </div>
      <p id={`${id}-words`} className="day-picker-words" aria-live="polite">
        {dayInWords(day, locale)}
      </p>
    </fieldset>
  );
}
