import { type ComponentType, lazy, Suspense } from 'react';
import { useT } from '../i18n/index.tsx';

/**
 * The screens most visits never open (the staff console and issuance, the camera, the card
 * check with its QR reader, the help pages) are loaded the first time they are shown, so the
 * welcome screen starts from a small bundle. Each one waits behind its own Suspense, so
 * app.tsx renders them exactly like the others.
 */

/** What shows while a screen's code arrives: a status a screen reader announces, in the visit's language. */
export function ScreenLoading() {
  const { t } = useT();
  return (
    <main id="main" className="screen screen-loading">
      <p className="waiting" role="status">
        <span className="spinner" aria-hidden="true" /> {t('app.loading')}
      </p>
    </main>
  );
}

function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Screen = lazy(async () => ({ default: await load() }));
  return function LazyScreen(props: P) {
    return (
      <Suspense fallback={<ScreenLoading />}>
        <Screen {...props} />
      </Suspense>
    );
  };
}

export const StaffPinScreen = lazyScreen(() => import('../screens/staff/staff-pin-screen.tsx').then((m) => m.StaffPinScreen));
export const StaffConsoleScreen = lazyScreen(() => import('../screens/staff/staff-console-screen.tsx').then((m) => m.StaffConsoleScreen));
export const IssueSearchScreen = lazyScreen(() => import('../screens/issue/issue-search-screen.tsx').then((m) => m.IssueSearchScreen));
export const IssueCardScreen = lazyScreen(() => import('../screens/issue/issue-card-screen.tsx').then((m) => m.IssueCardScreen));
export const PhotoScreen = lazyScreen(() => import('../screens/photo/photo-screen.tsx').then((m) => m.PhotoScreen));
export const VerifyScreen = lazyScreen(() => import('../screens/verify/verify-screen.tsx').then((m) => m.VerifyScreen));
export const FaqScreen = lazyScreen(() => import('../screens/help/help-screens.tsx').then((m) => m.FaqScreen));
export const PartnersScreen = lazyScreen(() => import('../screens/help/help-screens.tsx').then((m) => m.PartnersScreen));
export const SupportScreen = lazyScreen(() => import('../screens/help/help-screens.tsx').then((m) => m.SupportScreen));
