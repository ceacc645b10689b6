import { useT } from '../../i18n/index.tsx';
import { formatTime } from '../format.ts';

/** Identification paused on this kiosk after too many wrong dates: until when, and a way to lift it. */
export function PausePanel({ until, pending, onResume }: { until: string; pending: boolean; onResume(): void }) {
  const { t, locale } = useT();
  return (
    <section className="panel panel-warning" aria-labelledby="pause-title">
      <h2 id="pause-title">{t('staff.pause.title')}</h2>
      <p role="alert">{t('staff.pause.body', { time: formatTime(until, locale) })}</p>
      <button type="button" className="button button-primary" aria-disabled={pending || undefined} onClick={() => !pending && onResume()}>
        {t('staff.pause.resume')}
      </button>
    </section>
  );
}
