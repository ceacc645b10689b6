import { type ReactNode, useEffect, useRef } from 'react';

/**
 * The screen's question or title. It takes the focus when the screen appears, so a screen
 * reader announces the new screen and Tab starts from the top of it.
 */
export function ScreenHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="screen-heading">
      {children}
    </h1>
  );
}
