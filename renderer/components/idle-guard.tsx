import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/index.tsx';

export type IdleGuardProps = {
  /** Off on the welcome screen: there is nothing to protect there. */
  active: boolean;
  warnMs: number;
  endMs: number;
  onTimeout(): void;
};

/**
 * After `warnMs` without a touch or a key, asks "Êtes-vous toujours là ?" with a countdown;
 * at `endMs` the visit ends (everything wiped). Any touch or key before that carries on.
 */
export function IdleGuard({ active, warnMs, endMs, onTimeout }: IdleGuardProps) {
  const { t } = useT();
  const last = useRef(Date.now());
  const [now, setNow] = useState(Date.now());
  const button = useRef<HTMLButtonElement>(null);
  const idle = now - last.current;
  const warning = active && idle >= warnMs;

  useEffect(() => {
    if (!active) return;
    last.current = Date.now();
    const touch = () => {
      last.current = Date.now();
      setNow(last.current);
    };
    const events = ['pointerdown', 'keydown', 'input', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, touch, { capture: true, passive: true });
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => {
      for (const e of events) window.removeEventListener(e, touch, { capture: true });
      clearInterval(timer);
    };
  }, [active]);

  useEffect(() => {
    if (active && idle >= endMs) onTimeout();
  }, [active, idle, endMs, onTimeout]);

  useEffect(() => {
    if (warning) button.current?.focus();
  }, [warning]);

  if (!warning) return null;
  const seconds = Math.max(0, Math.ceil((endMs - idle) / 1000));
  return (
    <div className="overlay">
      <div className="dialog" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-body">
        <h2 id="idle-title">{t('idle.heading')}</h2>
        <p id="idle-body">{t('idle.body', { seconds })}</p>
        <button ref={button} type="button" className="button button-primary button-wide">
          {t('idle.continue')}
        </button>
      </div>
    </div>
  );
}
