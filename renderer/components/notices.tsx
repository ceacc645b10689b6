import type { MessageKey } from '../i18n/fr.ts';
import { useT } from '../i18n/index.tsx';

/** Confirmations of what just happened, announced politely to screen readers. */
export function Notices({ keys, params }: { keys: MessageKey[]; params?: Record<string, string | number> }) {
  const { t } = useT();
  return (
    <div role="status" aria-live="polite" className={keys.length > 0 ? 'panel panel-success' : 'visually-empty'}>
      {keys.map((k) => (
        <p key={k}>{t(k, params)}</p>
      ))}
    </div>
  );
}
