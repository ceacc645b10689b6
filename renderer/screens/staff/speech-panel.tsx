import type { SpeechCheck } from '../../../main/shared/kiosk.ts';
import { useT } from '../../i18n/index.tsx';

/**
 * Audio mode on this kiosk: whether it can speak, in an agent's words; when it cannot, why,
 * for the chamber's IT (the package or voice to install), in a detail shown on demand.
 */
export function SpeechPanel({ speech }: { speech: SpeechCheck | undefined }) {
  const { t } = useT();
  if (!speech) return null;
  return (
    <section className={`panel ${speech.available ? 'panel-neutral' : 'panel-warning'}`} aria-labelledby="speech-title">
      <h2 id="speech-title">{t('speech.title')}</h2>
      <p>{speech.available ? t('speech.available', { engine: speech.engine }) : t('speech.unavailable')}</p>
      {!speech.available && (
        <details className="it-details">
          <summary>{t('secrets.it.title')}</summary>
          <p>{speech.reason}</p>
        </details>
      )}
    </section>
  );
}
