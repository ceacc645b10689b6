import { useT } from '../i18n/index.tsx';

export type DisplayButtonsProps = { largeText: boolean; onLargeText(): void; onSwitchLanguage(): void };

/** "Texte plus grand" and the language switch: on every bar, artisans' and staff's alike. */
export function DisplayButtons({ largeText, onLargeText, onSwitchLanguage }: DisplayButtonsProps) {
  const { t, locale } = useT();
  return (
    <>
      <button type="button" className="button button-secondary" aria-pressed={largeText} onClick={onLargeText}>
        <span aria-hidden="true">A+ </span>
        {t('app.largeText')}
      </button>
      {/* Named in the language it switches to, so a screen reader says it in that voice. */}
      <button
        type="button"
        className="button button-secondary"
        lang={locale === 'fr' ? 'en' : 'fr'}
        aria-label={t('app.switchLanguageLabel')}
        onClick={onSwitchLanguage}
      >
        {t('app.switchLanguage')}
      </button>
    </>
  );
}
