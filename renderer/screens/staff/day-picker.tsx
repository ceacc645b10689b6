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

/**
 * "lundi 30 novembre 2026": the day in words beside the calendar field, whose own display
 * follows the browser's language (11/30/2026 in an English Chromium), which a French desk
 * would misread.
 */
export function dayInWords(day: string, locale: Locale): string {
  const [y = 1970, m = 1, d = 1] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

export type DayPickerProps = {
  /** Unique on the page: the field's id. */
  id: string;
  day: string;
  /** The last day that can be chosen. */
  today: string;
  onChange(day: string): void;
};

/**
 * Today or a past day, never a day to come: the calendar field (its `max` is today) and, for a
 * finger, "Jour précédent" / "Jour suivant" / "Aujourd’hui" buttons, large enough to touch.
 * A day typed after today is not taken.
 */
export function DayPicker({ id, day, today, onChange }: DayPickerProps) {
  const { t, locale } = useT();
  const pick = (next: string) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(next) && next <= today && next !== day) onChange(next);
  };
  const atToday = day >= today;
  return (
    <div className="field day-picker">
      <label className="label" htmlFor={id}>
        {t('day.label')}
      </label>
      <p id={`${id}-hint`} className="hint">
        {t('day.hint')}
      </p>
      <div className="day-picker-row">
        <button type="button" className="button button-secondary" onClick={() => pick(shiftDay(day, -1))}>
          {t('day.previous')}
        </button>
        <input
          id={id}
          className="input day-picker-input"
          type="date"
          autoComplete="off"
          max={today}
          value={day}
          required
          aria-describedby={`${id}-hint ${id}-words`}
          onChange={(e) => pick(e.target.value)}
        />
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
    </div>
  );
}
