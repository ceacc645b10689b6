import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { KioskError, Result } from '../../main/shared/errors.ts';
import type { AppInfo } from '../../main/shared/kiosk.ts';
import { AudioMode } from '../audio/audio-mode.tsx';
import { IdleGuard } from '../components/idle-guard.tsx';
import { StaffBar } from '../components/staff-bar.tsx';
import { STAFF_LOCK_MS, StaffIdleLock } from '../components/staff-idle-lock.tsx';
import { TopBar } from '../components/top-bar.tsx';
import { TouchKeyboard } from '../components/touch-keyboard/touch-keyboard.tsx';
import type { MessageKey } from '../i18n/fr.ts';
import type { Locale } from '../i18n/index.tsx';
import { ActivateScreen } from '../screens/activate/activate-screen.tsx';
import { CardScreen } from '../screens/card/card-screen.tsx';
import { ChangeEmailScreen } from '../screens/change-email/change-email-screen.tsx';
import { CheckMailScreen } from '../screens/check-mail/check-mail-screen.tsx';
import { formatTime } from '../screens/format.ts';
import { IdentifyScreen } from '../screens/identify/identify-screen.tsx';
import { ForgotScreen, LoginScreen } from '../screens/login/login-screen.tsx';
import { PvcOrderScreen } from '../screens/order/pvc-order-screen.tsx';
import { OutcomeScreen } from '../screens/outcome/outcome-screen.tsx';
import { SpaceScreen } from '../screens/space/space-screen.tsx';
import type { ConsoleSection } from '../screens/staff/console-sections.ts';
import { WelcomeScreen } from '../screens/welcome/welcome-screen.tsx';
import { useActivationActions } from './activation-actions.ts';
import { type FlowAction, flowReducer, initialFlow } from './flow.ts';
import { kiosk } from './kiosk-client.ts';
import {
  FaqScreen,
  IssueCardScreen,
  IssueSearchScreen,
  PartnersScreen,
  PhotoScreen,
  StaffConsoleScreen,
  StaffPinScreen,
  SupportScreen,
  VerifyScreen,
} from './lazy-screens.tsx';
import { finishesInScreen, previousScreen } from './path.ts';
import { VisitProviders } from './providers.tsx';
import { useStaffActions } from './staff-actions.ts';

const NO_INFO: AppInfo = {
  version: '',
  transport: 'browser',
  demo: false,
  demoIdentities: [],
  mailboxUrl: null,
  idleWarnMs: 60_000,
  idleEndMs: 75_000,
  language: 'fr',
  speech: { available: false, aloud: false },
};

export function App() {
  const [locale, setLocale] = useState<Locale>('fr');
  const [flow, dispatch] = useReducer(flowReducer, initialFlow);
  const [info, setInfo] = useState<AppInfo>(NO_INFO);
  const [largeText, setLargeText] = useState(false);
  // Audio mode (headphones and keypad) for this visit only.
  const [audio, setAudio] = useState(false);
  const startAudio = useCallback(() => setAudio(true), []);

  useEffect(() => {
    document.documentElement.classList.toggle('large-text', largeText);
  }, [largeText]);
  const localeRef = useRef(locale);
  // The language each visit starts in (a console setting), for "Terminer" to go back to.
  const startLanguage = useRef<Locale>('fr');
  localeRef.current = locale;

  /** What the screens need from the kiosk, read again before each visit (staff may have changed the settings). */
  // A language the person chose while that reading was on its way stays chosen: the answer
  // once arrived just after a tap on "English" and put the next visit back in French.
  const languageChoices = useRef(0);
  const switchLanguage = () => {
    languageChoices.current++;
    setLocale((l) => (l === 'fr' ? 'en' : 'fr'));
  };
  const loadInfo = useCallback(() => {
    const choicesBefore = languageChoices.current;
    void kiosk()
      .invoke('app:info', {})
      .then((r) => {
        if (!r.ok) return;
        setInfo(r.value);
        startLanguage.current = r.value.language;
        if (languageChoices.current === choicesBefore) setLocale(r.value.language);
      });
  }, []);
  useEffect(loadInfo, []);

  /** A refusal as the screen shows it; a lock's time is put in the person's words. */
  const refuse = useCallback((error: KioskError) => {
    const params = error.params?.until ? { ...error.params, time: formatTime(String(error.params.until), localeRef.current) } : error.params;
    const action: FlowAction = { type: 'refused', code: error.code, ...(error.problems ? { problems: error.problems } : {}), ...(params ? { params } : {}) };
    dispatch(action);
  }, []);
  const call = useCallback(
    async <T,>(result: Promise<Result<T>>, then: (value: T) => void) => {
      dispatch({ type: 'submit' });
      // A call that throws (a bug in a handler, the bridge gone) must not leave the buttons
      // waiting for ever: it is answered as a technical problem, and what was typed stays.
      const r = await result.catch((): Result<T> => ({ ok: false, error: { code: 'INTERNAL', message: 'the call was rejected' } }));
      if (r.ok) then(r.value);
      else refuse(r.error);
    },
    [refuse],
  );

  const identify = () => {
    const { rmNumber, day, month, year } = flow.forms.identify;
    void call(kiosk().invoke('identity:identify', { rmNumber, birthDate: { day, month, year } }), (outcome) => dispatch({ type: 'answered', outcome }));
  };
  const loadSpace = () => call(kiosk().invoke('profile:get', {}), (value) => dispatch({ type: 'profile', info: value }));
  const activate = () =>
    call(kiosk().invoke('accounts:activate', flow.forms.activate), (v) => dispatch({ type: 'mail-sent', email: v.email ?? flow.forms.activate.email }));
  const activation = useActivationActions(flow, dispatch, call);
  const login = () => call(kiosk().invoke('accounts:login', flow.forms.login), () => void loadSpace());
  const forgot = () =>
    call(kiosk().invoke('accounts:forgot-password', { email: flow.forms.login.email }), () => dispatch({ type: 'saved', notices: ['forgot.sent'] }));
  const save = () => {
    const c = flow.forms.contact;
    const address = [c.line1, c.line2, c.postalCode, c.city].some((v) => v.trim() !== '')
      ? { line1: c.line1, line2: c.line2, postalCode: c.postalCode, city: c.city }
      : null;
    void call(kiosk().invoke('profile:update', { email: c.email, mobile: c.mobile, deliveryAddress: address }), (v) => {
      dispatch({ type: 'saved', notices: [v.delivered ? 'space.saved' : 'space.savedOffline', ...(v.emailPending ? (['space.savedEmail'] as const) : [])] });
    });
  };
  const showCard = (notices?: MessageKey[]) =>
    call(kiosk().invoke('card:view', {}), (card) => dispatch({ type: 'card', card, ...(notices ? { notices } : {}) }));
  const verifyCard = useCallback(async (token: string) => {
    const r = await kiosk().invoke('card:verify', { token });
    return r.ok ? r.value : null;
  }, []);
  const cardByEmail = () =>
    call(kiosk().invoke('card:send-email', {}), (v) => dispatch({ type: 'saved', notices: [v.delivered ? 'card.emailSent' : 'card.emailQueued'] }));
  const cardToPhone = () => call(kiosk().invoke('card:phone-link', {}), (link) => dispatch({ type: 'card-link', link }));
  const acceptPhoto = (jpeg: string) => call(kiosk().invoke('photo:set', { jpeg }), () => void showCard(['photo.saved']));
  const orderPvc = () => call(kiosk().invoke('order:request', {}), (order) => dispatch({ type: 'order', order }));
  const staff = useStaffActions(flow, dispatch, call);
  // The console's section survives refreshes, actions and a trip to "Délivrer une carte"; a new login starts on the orders.
  const [consoleSection, setConsoleSection] = useState<ConsoleSection>('orders');
  const staffName = flow.staff.name;
  useEffect(() => {
    if (!staffName) setConsoleSection('orders');
  }, [staffName]);
  const logout = () => call(kiosk().invoke('accounts:logout', {}), () => dispatch({ type: 'go', screen: 'login' }));
  // "Terminer" and the idle timeout: the visit's data goes, here and in the main process, and
  // the next person starts in the kiosk's language (French unless staff chose otherwise).
  const finish = useCallback(() => {
    void kiosk().invoke('session:end', {});
    void kiosk().invoke('staff:logout', {});
    dispatch({ type: 'finish' });
    setLocale(startLanguage.current);
    setLargeText(false);
    setAudio(false);
    loadInfo();
  }, [loadInfo]);

  // The console left idle locks: everything of it goes (as "Quitter la console") and the PIN is asked again.
  const lockConsole = useCallback(() => {
    finish();
    dispatch({ type: 'staff', configured: true, name: null, notices: ['staff.lockedIdle'] });
  }, [finish]);

  const next = () => {
    const o = flow.outcome;
    if (o?.kind !== 'found') return;
    const status = o.artisan.accountStatus;
    if (status === 'pending') {
      // Show where the link went (the registry knows), then wait for it like after activating.
      void call(kiosk().invoke('accounts:status', {}), (v) =>
        v.status === 'active' ? dispatch({ type: 'go', screen: 'login' }) : dispatch({ type: 'mail-sent', email: v.email ?? '' }),
      );
    } else dispatch({ type: 'go', screen: status === 'none' ? 'activate' : 'login' });
  };

  const edit = (form: 'identify' | 'activate' | 'login' | 'contact') => (field: string, value: string) => dispatch({ type: 'edit', form, field, value });
  const s = flow.screen;
  const inHelp = s === 'faq' || s === 'partners' || s === 'support' || s === 'verify';
  // The staff's screens (a member signed in): their own bar and idle lock instead of the artisans'.
  const onStaffScreen = staffName !== null && (s === 'staff-console' || s.startsWith('staff-issue') || (s === 'verify' && flow.returnTo === 'staff-console'));
  return (
    <VisitProviders locale={locale} screen={s} endsHere={finishesInScreen(flow)}>
      <div className={`app screen-${s}`}>
        {onStaffScreen && staffName !== null ? (
          <StaffBar name={staffName} largeText={largeText} onLargeText={() => setLargeText(!largeText)} onSwitchLanguage={switchLanguage} onQuit={finish} />
        ) : (
          <TopBar
            demo={info.demo}
            largeText={largeText}
            onLargeText={() => setLargeText(!largeText)}
            onSwitchLanguage={switchLanguage}
            {...(s === 'welcome' || inHelp || s === 'staff-pin' ? {} : { onHelp: () => dispatch({ type: 'help', screen: 'faq' }) })}
            {...(s === 'welcome' ? { onStaffGesture: staff.openStaff } : {})}
            {...(s === 'welcome' || finishesInScreen(flow) ? {} : { onFinish: finish })}
          />
        )}
        {s === 'welcome' && <WelcomeScreen onStart={() => dispatch({ type: 'start' })} onHelp={(screen) => dispatch({ type: 'help', screen })} />}
        {s === 'identify' && (
          <IdentifyScreen
            form={flow.forms.identify}
            errors={flow.errors}
            errorTick={flow.errorTick}
            pending={flow.pending}
            demoIdentities={info.demoIdentities}
            onEdit={edit('identify')}
            onSubmit={identify}
          />
        )}
        {s === 'outcome' && flow.outcome && flow.outcome.kind !== 'wrong-date' && (
          <OutcomeScreen
            outcome={flow.outcome}
            onCorrect={() => dispatch({ type: 'correct' })}
            onFinish={finish}
            onNext={next}
            onRetry={identify}
            onNotMine={activation.notMineFromOutcome}
            onBack={() => dispatch({ type: 'previous' })}
          />
        )}
        {s === 'activate' && (
          <ActivateScreen
            form={flow.forms.activate}
            errors={flow.errors}
            errorTick={flow.errorTick}
            pending={flow.pending}
            onEdit={edit('activate')}
            onSubmit={activate}
            onBack={() => dispatch({ type: 'previous' })}
          />
        )}
        {s === 'check-mail' && (
          <CheckMailScreen
            email={flow.email}
            typedEmails={[flow.forms.activate.email]}
            mailboxUrl={info.mailboxUrl}
            notices={flow.notices}
            error={flow.errors.general}
            activated={flow.activated}
            onResend={activation.resend}
            onNotMine={activation.notMineFromCheckMail}
            onContinue={activation.continueAfterActivation}
          />
        )}
        {s === 'change-email' && (
          <ChangeEmailScreen
            form={flow.forms.changeEmail}
            email={flow.email}
            typedEmails={[flow.forms.activate.email]}
            state={flow}
            onEdit={(value) => dispatch({ type: 'edit', form: 'changeEmail', field: 'email', value })}
            onSubmit={activation.changeEmail}
            onBack={() => dispatch({ type: 'go', screen: flow.changeEmailFrom })}
            onLogin={() => dispatch({ type: 'go', screen: 'login' })}
          />
        )}
        {s === 'login' && (
          <LoginScreen
            form={flow.forms.login}
            state={flow}
            onEdit={edit('login')}
            onSubmit={login}
            onBack={previousScreen(flow) ? () => dispatch({ type: 'previous' }) : undefined}
            onForgot={() => dispatch({ type: 'go', screen: 'forgot' })}
          />
        )}
        {s === 'forgot' && (
          <ForgotScreen
            email={flow.forms.login.email}
            state={flow}
            onEdit={(v) => edit('login')('email', v)}
            onSubmit={forgot}
            onBack={() => dispatch({ type: 'go', screen: 'login' })}
          />
        )}
        {s === 'faq' && <FaqScreen onBack={() => dispatch({ type: 'back' })} />}
        {s === 'partners' && <PartnersScreen onBack={() => dispatch({ type: 'back' })} />}
        {s === 'support' && <SupportScreen onBack={() => dispatch({ type: 'back' })} />}
        {s === 'verify' && <VerifyScreen verify={verifyCard} onBack={() => dispatch({ type: 'back' })} />}
        {s === 'staff-pin' && (
          <StaffPinScreen
            notices={flow.notices}
            configured={flow.staff.configured}
            errors={flow.errors}
            errorTick={flow.errorTick}
            pending={flow.pending}
            onSetup={(name, pin, confirmation) => void staff.staffIn(kiosk().invoke('staff:setup', { name, pin, confirmation }))}
            onLogin={(pin) => void staff.staffIn(kiosk().invoke('staff:login', { pin }))}
          />
        )}
        {s === 'staff-console' && (
          <StaffConsoleScreen
            section={consoleSection}
            onSection={setConsoleSection}
            overview={flow.overview}
            printers={flow.printers}
            secrets={flow.secrets}
            members={flow.members}
            settings={flow.settings}
            errors={flow.errors}
            onSettingsSave={staff.saveSettings}
            selfId={flow.staff.id ?? 0}
            onMemberAdd={staff.addMember}
            onMemberRemove={staff.removeMember}
            onPinChange={staff.changePin}
            onSecretSet={staff.setSecret}
            onSecretDelete={staff.deleteSecret}
            error={flow.errors.general}
            notices={flow.notices}
            pending={flow.pending}
            onOrderStep={staff.orderStep}
            onTill={staff.loadTill}
            onTillPrint={staff.printTill}
            onJournal={staff.loadJournal}
            onJournalPrint={staff.printJournal}
            onPrinterSave={staff.savePrinter}
            onPrinterTest={staff.testPrinter}
            onStopKiosk={staff.stopKiosk}
            onIssue={() => dispatch({ type: 'issue-reset', screen: 'staff-issue' })}
            onSyncNow={staff.staffSyncNow}
            onResumeIdentification={staff.resumeIdentification}
            onVerify={() => dispatch({ type: 'help', screen: 'verify' })}
          />
        )}
        {s === 'space' && (
          <SpaceScreen
            state={flow}
            form={flow.forms.contact}
            typedEmails={[flow.forms.login.email]}
            onEdit={edit('contact')}
            onSave={save}
            onLogout={logout}
            onPhoto={() => dispatch({ type: 'go', screen: 'photo' })}
            onCard={() => void showCard()}
          />
        )}
        {s === 'photo' && (
          <PhotoScreen
            error={flow.errors.general}
            pending={flow.pending}
            notices={flow.notices}
            onAccept={acceptPhoto}
            onBack={() => dispatch({ type: 'go', screen: 'space' })}
          />
        )}
        {s === 'card' && (
          <CardScreen
            state={flow}
            onPhoto={() => dispatch({ type: 'go', screen: 'photo' })}
            onEmail={cardByEmail}
            onPhone={cardToPhone}
            onPvc={() => dispatch({ type: 'order', order: null })}
            onBack={() => dispatch({ type: 'go', screen: 'space' })}
          />
        )}
        {s === 'staff-issue' && (
          <IssueSearchScreen
            issue={flow.issue}
            errors={flow.errors}
            pending={flow.pending}
            onEdit={(patch) => dispatch({ type: 'issue-edit', patch })}
            onSearch={staff.issueSearch}
            onStart={staff.issueStart}
            onBack={staff.issueEnd}
          />
        )}
        {s === 'staff-issue-photo' && (
          <PhotoScreen
            heading="issue.photoHeading"
            error={flow.errors.general}
            pending={flow.pending}
            onAccept={staff.issuePhoto}
            onBack={() => dispatch({ type: 'go', screen: 'staff-issue' })}
          />
        )}
        {s === 'staff-issue-card' && flow.issue.card && (
          <IssueCardScreen
            card={flow.issue.card}
            result={flow.issue.result}
            emailTarget={flow.issue.emailTarget}
            ordered={flow.issue.ordered}
            error={flow.errors.general}
            pending={flow.pending}
            onRetake={() => dispatch({ type: 'go', screen: 'staff-issue-photo' })}
            onEmailTarget={staff.issueEmailTarget}
            onIssue={staff.issueCard}
            onFinish={staff.issueEnd}
          />
        )}
        {s === 'pvc-order' && (
          <PvcOrderScreen
            order={flow.order}
            error={flow.errors.general}
            pending={flow.pending}
            onConfirm={orderPvc}
            onBack={() => void showCard()}
            onFinish={finish}
          />
        )}
        <TouchKeyboard />
        {/* Audio mode doubles the idle delays: moving by keys and listening takes longer. */}
        <IdleGuard
          active={s !== 'welcome' && !onStaffScreen}
          warnMs={info.idleWarnMs * (audio ? 2 : 1)}
          endMs={info.idleEndMs * (audio ? 2 : 1)}
          onTimeout={finish}
        />
        <StaffIdleLock active={onStaffScreen} lockMs={info.staffLockMs ?? STAFF_LOCK_MS} onLock={lockConsole} />
        <AudioMode active={audio} onWelcome={s === 'welcome'} speech={info.speech} onStart={startAudio} />
      </div>
    </VisitProviders>
  );
}
