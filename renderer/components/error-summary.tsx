import type { FieldError } from '../app/machine.ts';
import { useT } from '../i18n/index.tsx';
import { useSeen } from './use-seen.ts';

export type SummaryItem = { targetId: string; error: FieldError };

/**
 * The summary of a form whose inputs are named `${prefix}-${field}` and whose submit button
 * is `${prefix}-submit` (where errors about no field in particular lead).
 */
export function summaryFor(errors: Partial<Record<string, FieldError>>, prefix: string, fields: readonly string[]): SummaryItem[] {
  const items: SummaryItem[] = [];
  for (const f of fields) {
    const error = errors[f];
    if (error) items.push({ targetId: `${prefix}-${f}`, error });
  }
  if (errors.general) items.push({ targetId: `${prefix}-submit`, error: errors.general });
  return items;
}

/**
 * An error as the form shows it now: gone as soon as the person has put right what it was
 * about (`fixed`, checked live by the same rule as the kiosk's), so that no red sentence is
 * left beside a field that is right. Errors the screen cannot check stay until the next try.
 */
export function unlessFixed(error: FieldError | undefined, key: FieldError['key'], fixed: boolean): FieldError | undefined {
  return error?.key === key && fixed ? undefined : error;
}

/**
 * GOV.UK's error summary: at the top of the form, focused and brought into view when errors
 * appear, each message a link that moves to the field it is about.
 */
export function ErrorSummary({ items, tick }: { items: SummaryItem[]; tick: number }) {
  const { t } = useT();
  // `tick` changes with every failed submit, and only then is the summary brought back: an
  // error put right (or wrong again) while typing leaves the focus in the field typed in.
  const ref = useSeen<HTMLDivElement>(tick);
  if (items.length === 0) return null;
  return (
    <div ref={ref} className="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t('identify.errorSummary')}</h2>
      <ul>
        {items.map(({ targetId, error }) => (
          <li key={targetId}>
            <a
              href={`#${targetId}`}
              onClick={(e) => {
                e.preventDefault();
                document.getElementById(targetId)?.focus();
              }}
            >
              {t(error.key, error.params)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
