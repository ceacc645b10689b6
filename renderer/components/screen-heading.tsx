import { type ReactNode, useEffect, useRef } from 'react';
import { STEP_LINE_ID, StepIndicator, useStep } from './step-indicator.tsx';

/**
 * The screen's question or title. It takes the focus when the screen appears, so a screen
 * reader announces the new screen and Tab starts from the top of it. On the artisan's path it
 * comes with the step the screen belongs to, read with the heading.
 */
export function ScreenHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const step = useStep();
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <>
      <StepIndicator />
      <h1 ref={ref} tabIndex={-1} className="screen-heading" aria-describedby={step ? STEP_LINE_ID : undefined}>
        {children}
      </h1>
    </>
  );
}
