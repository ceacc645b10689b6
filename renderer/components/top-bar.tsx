import { useEffect, useRef } from 'react';
import { useT } from '../i18n/index.tsx';
import { DisplayButtons } from './display-buttons.tsx';

export type TopBarProps = {
  demo: boolean;
  largeText: boolean;
  onLargeText(): void;
  onSwitchLanguage(): void;
  onHelp?: () => void;
  onFinish?: () => void;
  /** The staff's discreet way in, on the welcome screen only. */
  onStaffGesture?: () => void;
};

const TAPS = 5;
const WITHIN_MS = 3000;

/** On every screen: the chamber, the language switch, and (once a visit began) "Terminer". */
export function TopBar({ demo, largeText, onLargeText, onSwitchLanguage, onHelp, onFinish, onStaffGesture }: TopBarProps) {
  const { t } = useT();
  const taps = useRef<number[]>([]);
  const tap = () => {
    if (!onStaffGesture) return;
    const now = Date.now();
    taps.current = [...taps.current.filter((at) => now - at < WITHIN_MS), now];
    if (taps.current.length >= TAPS) {
      taps.current = [];
      onStaffGesture();
    }
  };
  useEffect(() => {
    if (!onStaffGesture) return;
    const key = (e: KeyboardEvent) => {
      if (e.ctrlKey && e.altKey && e.key.toLowerCase() === 's') onStaffGesture();
    };
    window.addEventListener('keydown', key);
    return () => window.removeEventListener('keydown', key);
  }, [onStaffGesture]);
  return (
    <header className="top-bar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" onPointerDown={tap} data-testid="brand-mark">
          CMA
        </span>
        <span className="brand-name">{t('app.chamber')}</span>
        {demo && <span className="demo-badge">{t('app.demoBadge')}</span>}
      </div>
      <div className="top-actions">
        <DisplayButtons largeText={largeText} onLargeText={onLargeText} onSwitchLanguage={onSwitchLanguage} />
        {onHelp && (
          <button type="button" className="button button-secondary" onClick={onHelp}>
            {t('help.faq')}
          </button>
        )}
        {onFinish && (
          <button type="button" className="button button-secondary" aria-label={t('app.finishLabel')} onClick={onFinish}>
            {t('app.finish')}
          </button>
        )}
      </div>
    </header>
  );
}
