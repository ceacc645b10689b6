import type { ReactNode } from 'react';
import { CurrentScreen } from '../components/step-indicator.tsx';
import { type Locale, LocaleProvider } from '../i18n/index.tsx';
import type { Screen } from './flow.ts';

/** What every screen reads without being handed it: the language, and which screen is on show (its step). */
export function VisitProviders({ locale, screen, children }: { locale: Locale; screen: Screen; children: ReactNode }) {
  return (
    <LocaleProvider locale={locale}>
      <CurrentScreen.Provider value={screen}>{children}</CurrentScreen.Provider>
    </LocaleProvider>
  );
}
