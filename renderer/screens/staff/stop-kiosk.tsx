import { useState } from 'react';
import { useT } from '../../i18n/index.tsx';

/** "Arrêter la borne", asked twice: a kiosk stopped by a slip of the finger serves no one. */
export function StopKiosk({ pending, onStop }: { pending: boolean; onStop(): void }) {
  const { t } = useT();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="button button-secondary" onClick={() => setAsking(true)}>
        {t('staff.stop')}
      </button>
    );
  }
  return (
    <fieldset className="confirm">
      <legend>{t('staff.stopConfirm')}</legend>
      <div className="space-actions">
        <button type="button" className="button button-primary" aria-disabled={pending || undefined} onClick={() => !pending && onStop()}>
          {t('staff.stopYes')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setAsking(false)}>
          {t('orders.back')}
        </button>
      </div>
    </fieldset>
  );
}
