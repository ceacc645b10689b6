import { createContext, useContext } from 'react';
import type { Screen } from '../app/kiosk-machine.ts';
import { ARTISAN_STEPS, type StepPosition, stepOf } from '../app/path.ts';
import { useT } from '../i18n/index.tsx';

/**
 * The screen on show, for what every screen derives from it (its step in the path), and whether
 * the visit ends there (a refusal, the PVC order's number): then no step is said to follow.
 */
export const CurrentScreen = createContext<{ screen: Screen; endsHere: boolean } | null>(null);

export const STEP_LINE_ID = 'step-line';

/** Where the current screen stands in the artisan's path, or null off the path. */
export function useStep(): StepPosition | null {
  const current = useContext(CurrentScreen);
  return current ? stepOf(current.screen) : null;
}

/**
 * "Étape 2 sur 4 — Mon compte", the same words on every screen of a step, with the step that
 * follows. The bar repeats the count for the eye only: the sentence says it all.
 */
export function StepIndicator() {
  const { t } = useT();
  const at = useStep();
  const endsHere = useContext(CurrentScreen)?.endsHere ?? false;
  if (!at) return null;
  const next = endsHere ? undefined : ARTISAN_STEPS[at.number];
  return (
    <div className="step-indicator">
      <p id={STEP_LINE_ID} className="step-line">
        {t('path.step', { number: at.number, total: at.total, name: t(`path.step.${at.step}`) })}
      </p>
      <ol className="step-bar" aria-hidden="true">
        {ARTISAN_STEPS.map((step, i) => (
          <li key={step} className={i < at.number ? 'step-done' : undefined} />
        ))}
      </ol>
      {next && <p className="step-next">{t('path.next', { name: t(`path.step.${next}`) })}</p>}
    </div>
  );
}
