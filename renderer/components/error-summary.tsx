import { useEffect, useRef } from 'react';
import type { FieldError } from '../app/flow.ts';
import { useT } from '../i18n/index.tsx';

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
 * GOV.UK's error summary: at the top of the form, focused when errors appear, each message
 * a link that moves to the field it is about.
 */
export function ErrorSummary({ items, tick }: { items: SummaryItem[]; tick: number }) {
  const { t } = useT();
  const ref = useRef<HTMLDivElement>(null);
  // `tick` changes with every failed submit: each one moves the focus back to the summary.
  useEffect(() => {
    if (tick > 0 && items.length > 0) ref.current?.focus();
  }, [tick, items.length]);
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
