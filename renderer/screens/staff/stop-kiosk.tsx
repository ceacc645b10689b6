import { ConfirmAction } from '../../components/confirm-action.tsx';
import { useT } from '../../i18n/index.tsx';

/** "Arrêter la borne", asked twice: a kiosk stopped by a slip of the finger serves no one. */
export function StopKiosk({ pending, onStop }: { pending: boolean; onStop(): void }) {
  const { t } = useT();
  return (
    <ConfirmAction
      id="stop-kiosk"
      label={t('staff.stop')}
      question={t('staff.stopConfirm')}
      confirmLabel={t('staff.stopYes')}
      pending={pending}
      onConfirm={onStop}
    />
  );
}
