import { type ReactNode, useMemo } from 'react';
import { CurrentScreen } from '../components/step-indicator.tsx';
import { type Locale, LocaleProvider } from '../i18n/index.tsx';
import type { Screen } from './kiosk-machine.ts';

type Props = { locale: Locale; screen: Screen; endsHere: boolean; children: ReactNode };

/** What every screen reads without being handed it: the language, and which screen is on show (its step). */
export function VisitProviders({ locale, screen, endsHere, children }: Props) {
  const current = useMemo(() => ({ screen, endsHere }), [screen, endsHere]);
  return (
    <LocaleProvider locale={locale}>
      <CurrentScreen.Provider value={current}>{children}</CurrentScreen.Provider>
    </LocaleProvider>
  );
}
