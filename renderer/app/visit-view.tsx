import { type Dispatch, useCallback } from 'react';
import type { AccountStatusView } from '../../main/shared/artisan.ts';
import type { Result } from '../../main/shared/errors.ts';
import type { AppInfo } from '../../main/shared/kiosk.ts';
import type { MessageKey } from '../i18n/fr.ts';
import { ActivateScreen } from '../screens/activate/activate-screen.tsx';
import { CardScreen } from '../screens/card/card-screen.tsx';
import { ChangeEmailScreen } from '../screens/change-email/change-email-screen.tsx';
import { CheckMailScreen } from '../screens/check-mail/check-mail-screen.tsx';
import { IdentifyScreen } from '../screens/identify/identify-screen.tsx';
import { ForgotScreen, LoginScreen } from '../screens/login/login-screen.tsx';
import { PvcOrderScreen } from '../screens/order/pvc-order-screen.tsx';
import { OutcomeScreen } from '../screens/outcome/outcome-screen.tsx';
import { SpaceScreen } from '../screens/space/space-screen.tsx';
import { WelcomeScreen } from '../screens/welcome/welcome-screen.tsx';
import { useActivationActions } from './activation-actions.ts';
import type { Call } from './call.ts';
import { useDemoMailbox } from './demo-mailbox.ts';
import { kiosk } from './kiosk-client.ts';
import { FaqScreen, PartnersScreen, PhotoScreen, SupportScreen, VerifyScreen } from './lazy-screens.tsx';
import { previousScreen } from './path.ts';
import type { Forms, VisitAction, VisitState } from './visit-state.ts';

type Props = { visit: VisitState; dispatch: Dispatch<VisitAction>; call: Call; info: AppInfo; finish(): void };

/** The artisan's visit: each screen drawn from what its state carries, each button a transition of the visit's machine. */
export function VisitView({ visit, dispatch, call, info, finish }: Props) {
  const v = visit;
  const identify = () => {
    const { rmNumber, day, month, year } = v.forms.identify;
    void call(kiosk().invoke('identity:identify', { rmNumber, birthDate: { day, month, year } }), (outcome) =>
      dispatch(outcome.kind === 'wrong-date' ? { type: 'wrong-date', triesLeft: outcome.triesLeft } : { type: 'identified', outcome }),
    );
  };
  const loadSpace = () => call(kiosk().invoke('profile:get', {}), (value) => dispatch({ type: 'logged-in', info: value }));
  // "An account exists" (the registry checked it against the account's status): to log in, not a dead end.
  const activate = () =>
    call(
      kiosk()
        .invoke('accounts:activate', v.forms.activate)
        .then((r): Result<AccountStatusView | null> => (!r.ok && r.error.code === 'ACCOUNT_EXISTS' ? { ok: true, value: null } : r)),
      (r) => dispatch(r ? { type: 'mail-sent', email: r.email ?? v.forms.activate.email } : { type: 'account-exists' }),
    );
  const activation = useActivationActions(v, dispatch, call);
  const mailboxUrl = useDemoMailbox(v, info.demoMailbox);
  const login = () => call(kiosk().invoke('accounts:login', v.forms.login), () => void loadSpace());
  const forgot = () => call(kiosk().invoke('accounts:forgot-password', { email: v.forms.login.email }), () => dispatch({ type: 'reset-mail-sent' }));
  const save = () => {
    const c = v.forms.contact;
    const address = [c.line1, c.line2, c.postalCode, c.city].some((x) => x.trim() !== '')
      ? { line1: c.line1, line2: c.line2, postalCode: c.postalCode, city: c.city }
      : null;
    void call(kiosk().invoke('profile:update', { email: c.email, mobile: c.mobile, deliveryAddress: address }), (r) => {
      dispatch({
        type: 'details-saved',
        notices: [r.delivered ? 'space.saved' : 'space.savedOffline', ...(r.emailPending ? (['space.savedEmail'] as const) : [])],
      });
    });
  };
  const showCard = (notices?: MessageKey[]) =>
    call(kiosk().invoke('card:view', {}), (card) => dispatch({ type: 'opened-card', card, ...(notices ? { notices } : {}) }));
  const verifyCard = useCallback(async (token: string) => {
    const r = await kiosk().invoke('card:verify', { token });
    return r.ok ? r.value : null;
  }, []);
  const cardByEmail = () =>
    call(kiosk().invoke('card:send-email', {}), (r) => dispatch({ type: 'card-mailed', notices: [r.delivered ? 'card.emailSent' : 'card.emailQueued'] }));
  const cardToPhone = () => call(kiosk().invoke('card:phone-link', {}), (link) => dispatch({ type: 'got-phone-link', link }));
  const acceptPhoto = (jpeg: string) => call(kiosk().invoke('photo:set', { jpeg }), () => void showCard(['photo.saved']));
  const orderPvc = () => call(kiosk().invoke('order:request', {}), (order) => dispatch({ type: 'ordered-pvc', order }));
  const logout = () => call(kiosk().invoke('accounts:logout', {}), () => dispatch({ type: 'logged-out' }));
  const next = () => {
    if (v.screen !== 'outcome' || v.outcome.kind !== 'found') return;
    const status = v.outcome.artisan.accountStatus;
    if (status === 'pending') {
      // Show where the link went (the registry knows), then wait for it like after activating. The
      // kiosk's copy may be behind (confirmed since: log in) or ahead of a registry that dropped
      // the activation (no account after all: activate).
      void call(kiosk().invoke('accounts:status', {}), (r) =>
        dispatch(
          r.status === 'active' ? { type: 'chose-login' } : r.status === 'none' ? { type: 'chose-activate' } : { type: 'mail-sent', email: r.email ?? '' },
        ),
      );
    } else dispatch({ type: status === 'none' ? 'chose-activate' : 'chose-login' });
  };
  // One edit per form, so that a field of another form does not compile.
  const edit = {
    identify: (field: keyof Forms['identify'], value: string) => dispatch({ type: 'edit', form: 'identify', field, value }),
    activate: (field: keyof Forms['activate'], value: string) => dispatch({ type: 'edit', form: 'activate', field, value }),
    login: (field: keyof Forms['login'], value: string) => dispatch({ type: 'edit', form: 'login', field, value }),
    contact: (field: keyof Forms['contact'], value: string) => dispatch({ type: 'edit', form: 'contact', field, value }),
  };
  const previous = () => dispatch({ type: 'previous' });
  const back = () => dispatch({ type: 'back' });
  const status = { errors: v.errors, errorTick: v.errorTick, pending: v.pending, notices: v.notices };

  switch (v.screen) {
    case 'welcome':
      return <WelcomeScreen error={v.errors.general} onStart={() => dispatch({ type: 'start' })} onHelp={(screen) => dispatch({ type: 'help', screen })} />;
    case 'identify':
      return (
        <IdentifyScreen
          form={v.forms.identify}
          errors={v.errors}
          errorTick={v.errorTick}
          pending={v.pending}
          demoIdentities={info.demoIdentities}
          onEdit={edit.identify}
          onSubmit={identify}
        />
      );
    case 'outcome':
      return (
        <OutcomeScreen
          outcome={v.outcome}
          onCorrect={() => dispatch({ type: 'correct' })}
          onFinish={finish}
          onNext={next}
          onRetry={identify}
          onNotMine={activation.notMineFromOutcome}
          onBack={previous}
        />
      );
    case 'activate':
      return (
        <ActivateScreen
          form={v.forms.activate}
          errors={v.errors}
          errorTick={v.errorTick}
          pending={v.pending}
          onEdit={edit.activate}
          onSubmit={activate}
          onBack={previous}
        />
      );
    case 'check-mail':
      return (
        <CheckMailScreen
          email={v.email}
          typedEmails={[v.forms.activate.email]}
          mailboxUrl={mailboxUrl}
          notices={v.notices}
          error={v.errors.general}
          activated={v.activated}
          onResend={activation.resend}
          onNotMine={activation.notMineFromCheckMail}
          onContinue={activation.continueAfterActivation}
          onLogin={() => dispatch({ type: 'chose-login' })}
        />
      );
    case 'change-email':
      return (
        <ChangeEmailScreen
          form={v.forms.changeEmail}
          email={v.email}
          typedEmails={[v.forms.activate.email]}
          state={status}
          onEdit={(value) => dispatch({ type: 'edit', form: 'changeEmail', field: 'email', value })}
          onSubmit={activation.changeEmail}
          onBack={previous}
          onLogin={() => dispatch({ type: 'chose-login' })}
        />
      );
    case 'login':
      return (
        <LoginScreen
          form={v.forms.login}
          state={status}
          onEdit={edit.login}
          onSubmit={login}
          onBack={previousScreen(v) ? previous : undefined}
          onForgot={() => dispatch({ type: 'chose-forgot' })}
        />
      );
    case 'forgot':
      return <ForgotScreen email={v.forms.login.email} state={status} onEdit={(value) => edit.login('email', value)} onSubmit={forgot} onBack={previous} />;
    case 'faq':
      return <FaqScreen onBack={back} />;
    case 'partners':
      return <PartnersScreen onBack={back} />;
    case 'support':
      return <SupportScreen onBack={back} />;
    case 'verify':
      return <VerifyScreen verify={verifyCard} onBack={back} />;
    case 'space':
      return (
        <SpaceScreen
          state={{ ...status, info: v.info }}
          form={v.forms.contact}
          typedEmails={[v.forms.login.email]}
          onEdit={edit.contact}
          onSave={save}
          onLogout={logout}
          onPhoto={() => dispatch({ type: 'opened-photo' })}
          onCard={() => void showCard()}
        />
      );
    case 'photo':
      return <PhotoScreen error={v.errors.general} pending={v.pending} notices={v.notices} onAccept={acceptPhoto} onBack={previous} />;
    case 'card':
      return (
        <CardScreen
          state={{ ...status, card: v.card, cardLink: v.link }}
          onPhoto={() => dispatch({ type: 'opened-photo' })}
          onEmail={cardByEmail}
          onPhone={cardToPhone}
          onPvc={() => dispatch({ type: 'asked-pvc' })}
          onBack={previous}
        />
      );
    case 'pvc-order':
      return (
        <PvcOrderScreen order={v.order} error={v.errors.general} pending={v.pending} onConfirm={orderPvc} onBack={() => void showCard()} onFinish={finish} />
      );
    default: {
      const unreachable: never = v;
      throw new Error(`unknown screen ${JSON.stringify(unreachable)}`);
    }
  }
}
