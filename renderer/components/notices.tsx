import type { MessageKey } from '../i18n/fr.ts';
import { useT } from '../i18n/index.tsx';
import { useSeen } from './use-seen.ts';

/** Confirmations of what just happened: announced politely, focused and brought into view. */
export function Notices({ keys, params }: { keys: MessageKey[]; params?: Record<string, string | number> }) {
  const { t } = useT();
  // The sentences, not the array: a screen that renders again with the same ones moves nothing.
  const ref = useSeen<HTMLDivElement>(keys.join(' '));
  return (
    <div ref={ref} tabIndex={-1} role="status" aria-live="polite" className={keys.length > 0 ? 'panel panel-success' : 'visually-empty'}>
      {keys.map((k) => (
        <p key={k}>{t(k, params)}</p>
      ))}
    </div>
  );
}
