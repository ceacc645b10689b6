import { useEffect, useRef } from 'react';
import type { FieldError } from '../app/flow.ts';
import { useT } from '../i18n/index.tsx';

export type SummaryItem = { targetId: string; error: FieldError };

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
