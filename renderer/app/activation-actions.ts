import { type Dispatch, useCallback, useEffect } from 'react';
import type { Call } from './call.ts';
import { coalesced, reached } from './event-refresh.ts';
import { kiosk, subscribe } from './kiosk-client.ts';
import type { VisitAction, VisitState } from './visit-state.ts';

/**
 * The wait for the activation link: asking whether it was followed, "Votre compte est activé"
 * and on, sending it again, and "Ce n'est pas mon adresse" (a new address for the link).
 */
export function useActivationActions(visit: VisitState, dispatch: Dispatch<VisitAction>, call: Call) {
  const check = useCallback(async () => {
    const r = await kiosk().invoke('accounts:status', {});
    // Activated here (this visit goes on logged in) or from elsewhere (another visit, the
    // portal: this visit logs in): either way it is said first, on the waiting screen.
    if (r.ok && (r.value.loggedIn || r.value.status === 'active')) dispatch({ type: 'link-followed', loggedIn: r.value.loggedIn });
    // The registry's word on the account is not believed: the screen stops waiting and says what to do.
    if (!r.ok && r.error.code === 'REGISTRY_UNTRUSTED') dispatch({ type: 'refused', code: r.error.code });
    return reached(r);
  }, [dispatch]);
  // The waiting screen does not poll: the main process watches the registry while this visit
  // waits (main/events/activation-watch.ts) and says `mail-confirmed`; the screen then asks
  // once. It also asks once when its events start flowing, for a link followed before.
  const waiting = visit.screen === 'check-mail' && !visit.activated;
  useEffect(() => {
    if (!waiting) return;
    const once = coalesced(check);
    const stop = subscribe((event) => {
      if (event.kind === 'mail-confirmed' || event.kind === 'account-untrusted' || event.kind === 'subscribed') once();
    });
    return () => {
      stop();
      once.stop();
    };
  }, [waiting, check]);
  const continueAfterActivation = () => {
    if (visit.screen === 'check-mail' && visit.activated?.loggedIn)
      void call(kiosk().invoke('profile:get', {}), (info) => dispatch({ type: 'logged-in', info }));
    else dispatch({ type: 'chose-login' });
  };
  const resend = () => call(kiosk().invoke('accounts:resend', {}), (v) => dispatch({ type: 'mail-sent', email: v.email, notices: ['checkMail.resent'] }));
  const notMineFromCheckMail = () => {
    if (visit.screen === 'check-mail') dispatch({ type: 'chose-not-mine', email: visit.email });
  };
  /** From identification: where the link went is asked first (masked on the screen). */
  const notMineFromOutcome = () =>
    call(kiosk().invoke('accounts:status', {}), (v) =>
      dispatch(v.status === 'active' ? { type: 'chose-login' } : { type: 'chose-not-mine', email: v.email ?? '' }),
    );
  const changeEmail = () =>
    call(kiosk().invoke('accounts:change-email', { email: visit.forms.changeEmail.email }), (v) => dispatch({ type: 'email-changed', email: v.email }));
  return { continueAfterActivation, resend, notMineFromCheckMail, notMineFromOutcome, changeEmail };
}
