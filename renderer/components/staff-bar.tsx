import { useT } from '../i18n/index.tsx';
import { DisplayButtons } from './display-buttons.tsx';

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
  const { t } = useT();
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
        <DisplayButtons largeText={largeText} onLargeText={onLargeText} onSwitchLanguage={onSwitchLanguage} />
        <button type="button" className="button button-secondary" onClick={onQuit}>
          {t('staff.quit')}
        </button>
      </div>
    </header>
  );
}
