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
 * A short, soft tone: the warning is heard as well as seen (EAA: a timed response is
 * signalled through more than one sense). Where audio cannot play, the warning stays visual.
 */
function tone(): void {
  try {
    const audio = new AudioContext();
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = 660;
    gain.gain.setValueAtTime(0.2, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.4);
    osc.connect(gain).connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + 0.4);
    osc.onended = () => void audio.close();
  } catch {
    // No audio device: the dialog itself still says it all.
  }
}

/**
 * After `warnMs` without a touch or a key, asks "Êtes-vous toujours là ?" with a countdown
 * and a tone, over a cover that hides the visit (name, contact details: nothing stays
 * legible for someone passing by); at `endMs` the visit ends (everything wiped). "Je suis là"
 * or any touch carries on; "Terminer maintenant" ends it at once.
 */
export function IdleGuard({ active, warnMs, endMs, onTimeout }: IdleGuardProps) {
  const { t } = useT();
  const last = useRef(Date.now());
  const [now, setNow] = useState(Date.now());
  const button = useRef<HTMLButtonElement>(null);
  const idle = now - last.current;
  const warning = active && idle >= warnMs;
  const warned = useRef(false);
  warned.current = warning;

  useEffect(() => {
    if (!active) return;
    last.current = Date.now();
    // A touch anywhere says "still here". But while the warning shows, a finger that lands
    // must not take it away: gone at the pointer's down, the cover let the tap's click fall
    // on what was under "Je suis là" ("Se déconnecter", "Me connecter"…). The cover's own
    // click carries on instead (below); "Terminer maintenant" reaches its button.
    const touch = (e: Event) => {
      if (warned.current && e.type === 'pointerdown') return;
      if (e.target instanceof Element && e.target.closest('[data-idle-end]')) return;
      last.current = Date.now();
      setNow(last.current);
    };
    const events = ['pointerdown', 'keydown', 'input', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, touch, { capture: true, passive: true });
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => {
      for (const e of events) window.removeEventListener(e, touch, { capture: true });
      clearInterval(timer);
      // The idle time of the visit that ended must not be counted against the next one: left
      // as it was, the next "Commencer" met a visit idle already, warned or ended at once.
      last.current = Date.now();
      setNow(last.current);
    };
  }, [active]);

  useEffect(() => {
    if (active && idle >= endMs) onTimeout();
  }, [active, idle, endMs, onTimeout]);

  useEffect(() => {
    if (!warning) return;
    button.current?.focus();
    tone();
  }, [warning]);

  if (!warning) return null;
  const seconds = Math.max(0, Math.ceil((endMs - idle) / 1000));
  const carryOn = (e: React.MouseEvent) => {
    if (e.target instanceof Element && e.target.closest('[data-idle-end]')) return;
    last.current = Date.now();
    setNow(last.current);
  };
  return (
    // A click anywhere on the cover (its "Je suis là" included) carries on; the keyboard's way is the button.
    // biome-ignore lint/a11y/useKeyWithClickEvents: keys already carry on (the window's keydown, above)
    // biome-ignore lint/a11y/noStaticElementInteractions: the cover only catches the taps that land beside the dialog
    <div className="overlay overlay-cover" data-testid="idle-cover" onClick={carryOn}>
      <div className="dialog" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-body">
        <h2 id="idle-title">{t('idle.heading')}</h2>
        <p id="idle-body">{t('idle.body', { seconds })}</p>
        <div className="actions">
          <button ref={button} type="button" className="button button-primary button-wide">
            {t('idle.continue')}
          </button>
          <button type="button" className="button button-secondary button-wide" data-idle-end onClick={onTimeout}>
            {t('idle.endNow')}
          </button>
        </div>
      </div>
    </div>
  );
}
