import { useT } from '../i18n/index.tsx';

export type TopBarProps = { demo: boolean; onSwitchLanguage(): void; onFinish?: () => void };

/** On every screen: the chamber, the language switch, and (once a visit began) "Terminer". */
export function TopBar({ demo, onSwitchLanguage, onFinish }: TopBarProps) {
  const { t, locale } = useT();
  return (
    <header className="top-bar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          CMA
        </span>
        <span className="brand-name">{t('app.chamber')}</span>
        {demo && <span className="demo-badge">{t('app.demoBadge')}</span>}
      </div>
      <div className="top-actions">
        <button
          type="button"
          className="button button-secondary"
          lang={locale === 'fr' ? 'en' : 'fr'}
          aria-label={t('app.switchLanguageLabel')}
          onClick={onSwitchLanguage}
        >
          {t('app.switchLanguage')}
        </button>
        {onFinish && (
          <button type="button" className="button button-secondary" aria-label={t('app.finishLabel')} onClick={onFinish}>
            {t('app.finish')}
          </button>
        )}
      </div>
    </header>
  );
}
