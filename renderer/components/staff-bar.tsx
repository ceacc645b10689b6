import { useT } from '../i18n/index.tsx';

export type StaffBarProps = {
  name: string;
  largeText: boolean;
  onLargeText(): void;
  onSwitchLanguage(): void;
  onQuit(): void;
};

/**
 * The bar of the staff screens, in place of the artisans' one: who is signed in, the language,
 * and "Quitter la console" (no FAQ and no "Terminer": those are the artisans').
 */
export function StaffBar({ name, largeText, onLargeText, onSwitchLanguage, onQuit }: StaffBarProps) {
  const { t, locale } = useT();
  return (
    <header className="top-bar staff-bar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          CMA
        </span>
        <span className="brand-name">{t('app.chamber')}</span>
        <span className="staff-signed-in">{t('staff.welcome', { name })}</span>
      </div>
      <div className="top-actions">
        <button type="button" className="button button-secondary" aria-pressed={largeText} onClick={onLargeText}>
          <span aria-hidden="true">A+ </span>
          {t('app.largeText')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          lang={locale === 'fr' ? 'en' : 'fr'}
          aria-label={t('app.switchLanguageLabel')}
          onClick={onSwitchLanguage}
        >
          {t('app.switchLanguage')}
        </button>
        <button type="button" className="button button-secondary" onClick={onQuit}>
          {t('staff.quit')}
        </button>
      </div>
    </header>
  );
}
