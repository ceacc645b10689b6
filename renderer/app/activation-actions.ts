import { type Dispatch, useCallback, useEffect } from 'react';
import type { Result } from '../../main/shared/errors.ts';
import { coalesced, reached } from './event-refresh.ts';
import type { FlowAction, FlowState } from './flow.ts';
import { kiosk, subscribe } from './kiosk-client.ts';

type Call = <T>(result: Promise<Result<T>>, then: (value: T) => void) => Promise<void>;

/**
 * The wait for the activation link: asking whether it was followed, "Votre compte est activé"
 * and on, sending it again, and "Ce n'est pas mon adresse" (a new address for the link).
 */
export function useActivationActions(flow: FlowState, dispatch: Dispatch<FlowAction>, call: Call) {
  const check = useCallback(async () => {
    const r = await kiosk().invoke('accounts:status', {});
    // Activated here (this visit goes on logged in) or from elsewhere (another visit, the
    // portal: this visit logs in): either way it is said first, on the waiting screen.
    if (r.ok && (r.value.loggedIn || r.value.status === 'active')) dispatch({ type: 'activated', loggedIn: r.value.loggedIn });
    return reached(r);
  }, [dispatch]);
  // The waiting screen does not poll: the main process watches the registry while this visit
  // waits (main/events/activation-watch.ts) and says `mail-confirmed`; the screen then asks
  // once. It also asks once when its events start flowing, for a link followed before.
  const waiting = flow.screen === 'check-mail' && !flow.activated;
  useEffect(() => {
    if (!waiting) return;
    const once = coalesced(check);
    const stop = subscribe((event) => {
      if (event.kind === 'mail-confirmed' || event.kind === 'subscribed') once();
    });
    return () => {
      stop();
      once.stop();
    };
  }, [waiting, check]);
  const continueAfterActivation = () => {
    if (flow.activated?.loggedIn) void call(kiosk().invoke('profile:get', {}), (info) => dispatch({ type: 'profile', info }));
    else dispatch({ type: 'go', screen: 'login' });
  };
  const resend = () => call(kiosk().invoke('accounts:resend', {}), (v) => dispatch({ type: 'mail-sent', email: v.email, notices: ['checkMail.resent'] }));
  const notMineFromCheckMail = () => dispatch({ type: 'change-email', email: flow.email ?? '', from: 'check-mail' });
  /** From identification: where the link went is asked first (masked on the screen). */
  const notMineFromOutcome = () =>
    call(kiosk().invoke('accounts:status', {}), (v) =>
      v.status === 'active' ? dispatch({ type: 'go', screen: 'login' }) : dispatch({ type: 'change-email', email: v.email ?? '', from: 'outcome' }),
    );
  const changeEmail = () =>
    call(kiosk().invoke('accounts:change-email', { email: flow.forms.changeEmail.email }), (v) => {
      // The address the link now goes to was typed in this visit: shown whole from now on. Only
      // once the registry took it: an address merely typed here, then left, must not unmask the
      // one on file by matching it (no guessing someone's address at the kiosk).
      dispatch({ type: 'edit', form: 'activate', field: 'email', value: v.email });
      dispatch({ type: 'mail-sent', email: v.email, notices: ['checkMail.changed'] });
    });
  return { continueAfterActivation, resend, notMineFromCheckMail, notMineFromOutcome, changeEmail };
}
