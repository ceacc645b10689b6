import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { KioskError } from '../../main/shared/errors.ts';
import type { AppInfo } from '../../main/shared/kiosk.ts';
import { AudioMode } from '../audio/audio-mode.tsx';
import { IdleGuard } from '../components/idle-guard.tsx';
import { LinkNotice } from '../components/link-notice.tsx';
import { StaffBar } from '../components/staff-bar.tsx';
import { STAFF_LOCK_MS, StaffIdleLock } from '../components/staff-idle-lock.tsx';
import { TopBar } from '../components/top-bar.tsx';
import { TouchKeyboard } from '../components/touch-keyboard/touch-keyboard.tsx';
import { WaitNotice } from '../components/wait-notice.tsx';
import type { Locale } from '../i18n/index.tsx';
import { formatTime } from '../screens/format.ts';
import { type AfterRestart, useBridgeLink } from './bridge-link.ts';
import { makeCall } from './call.ts';
import type { ConsoleAction } from './console-state.ts';
import { ConsoleView } from './console-view.tsx';
import { kiosk, takeRestarted } from './kiosk-client.ts';
import { initialKiosk, kioskReducer, screenOf } from './kiosk-machine.ts';
import { finishesInScreen } from './path.ts';
import { VisitProviders } from './providers.tsx';
import { endSession } from './session-end.ts';
import type { VisitAction } from './visit-state.ts';
import { VisitView } from './visit-view.tsx';

const NO_INFO: AppInfo = {
  version: '',
  transport: 'browser',
  demo: false,
  demoIdentities: [],
  demoMailbox: false,
  idleWarnMs: 60_000,
  idleEndMs: 75_000,
  language: 'fr',
  speech: { available: false, aloud: false },
};

export function App() {
  const [locale, setLocale] = useState<Locale>('fr');
  // A visit or a console session, never both (kiosk-machine.ts).
  const [state, dispatch] = useReducer(kioskReducer, initialKiosk);
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

  const visitDispatch = useCallback((action: VisitAction) => dispatch({ type: 'visit', action }), []);
  const consoleDispatch = useCallback((action: ConsoleAction) => dispatch({ type: 'console', action }), []);
  /** A refusal as the screen shows it; a lock's time is put in the person's words. */
  const refuse = useCallback((error: KioskError) => {
    const params = error.params?.until ? { ...error.params, time: formatTime(String(error.params.until), localeRef.current) } : error.params;
    dispatch({
      type: 'call',
      action: { type: 'refused', code: error.code, ...(error.problems ? { problems: error.problems } : {}), ...(params ? { params } : {}) },
    });
  }, []);
  // Moves when the person at the screen changes (endVisit): answers to their calls are dropped (call.ts).
  const era = useRef(0);
  const call = useMemo(() => makeCall((action) => dispatch({ type: 'call', action }), refuse, { era: () => era.current }), [refuse]);

  // "Terminer", "Quitter la console" and the idle timeout: the visit's data goes, here and in the
  // main process, and the next person starts in the kiosk's language (French unless staff chose otherwise).
  const endVisit = useCallback(() => {
    era.current++;
    void endSession(
      () => kiosk().invoke('session:end', {}),
      () => visitDispatch({ type: 'end-failed' }),
    );
    void kiosk().invoke('staff:logout', {});
    setLocale(startLanguage.current);
    setLargeText(false);
    setAudio(false);
    loadInfo();
  }, [loadInfo, visitDispatch]);
  // A page load (F5, a reload) starts on the welcome screen: any visit the kiosk still holds ends
  // with it (the artisan's session, an agent signed in), or the last artisan would stay logged in
  // behind the welcome screen with no idle timeout left to end it. A kiosk restarted under a page
  // kept open is not a page load (useBridgeLink below keeps what was typed there).
  useEffect(() => {
    void endSession(
      () => kiosk().invoke('session:end', {}),
      () => visitDispatch({ type: 'end-failed' }),
    );
    void kiosk().invoke('staff:logout', {});
  }, [visitDispatch]);
  const finish = useCallback(() => {
    endVisit();
    dispatch({ type: 'finish' });
  }, [endVisit]);
  // The console left idle locks: everything of it goes (as "Quitter la console") and the PIN is asked again.
  const lockConsole = useCallback(() => {
    endVisit();
    consoleDispatch({ type: 'locked' });
  }, [endVisit, consoleDispatch]);
  // Staff: a discreet gesture on the welcome screen (5 taps on the chamber's mark within 3 s, or
  // Ctrl+Alt+S with a keyboard) opens the PIN screen. The PIN is asked every time: a member left
  // logged in (a page reloaded) does not let the next person in.
  const openStaff = useCallback(() => {
    void kiosk()
      .invoke('staff:logout', {})
      .then(() => kiosk().invoke('staff:state', {}))
      .then((r) => r.ok && dispatch({ type: 'open-console', configured: r.value.configured }));
  }, []);

  // The kiosk restarted under the page (browser mode): what was typed stays only where nothing
  // of the visit had reached the kiosk yet; otherwise the page loads again, the visit wiped.
  const stateRef = useRef(state);
  stateRef.current = state;
  // The console's member is signed out by a restart: the page comes back on the PIN screen.
  const afterRestart = useCallback((): { what: AfterRestart; screen: string; staff: boolean } => {
    const now = stateRef.current;
    const screen = screenOf(now);
    if (now.mode !== 'visit') return { what: 'reload', screen, staff: true };
    const place = 'returnTo' in now.visit ? now.visit.returnTo : now.visit;
    return { what: place.screen === 'welcome' ? 'quiet' : place.screen === 'identify' ? 'keep' : 'reload', screen, staff: false };
  }, []);
  const linkNotice = useBridgeLink(afterRestart);
  useEffect(() => {
    if (takeRestarted() === 'staff') openStaff();
  }, [openStaff]);

  const s = screenOf(state);
  const onWelcome = s === 'welcome';
  const inHelp = state.mode === 'visit' && 'returnTo' in state.visit;
  const endsHere = state.mode === 'visit' && finishesInScreen(state.visit);
  // The staff's screens (a member signed in): their own bar and idle lock instead of the artisans'.
  const member = state.mode === 'console' && state.console.screen !== 'staff-pin' ? state.console.desk.member : null;
  return (
    <VisitProviders locale={locale} screen={s} endsHere={endsHere}>
      <div className={`app screen-${s}`}>
        {member ? (
          <StaffBar name={member.name} largeText={largeText} onLargeText={() => setLargeText(!largeText)} onSwitchLanguage={switchLanguage} onQuit={finish} />
        ) : (
          <TopBar
            demo={info.demo}
            largeText={largeText}
            onLargeText={() => setLargeText(!largeText)}
            onSwitchLanguage={switchLanguage}
            {...(onWelcome || inHelp || state.mode === 'console' ? {} : { onHelp: () => visitDispatch({ type: 'help', screen: 'faq' }) })}
            {...(onWelcome ? { onStaffGesture: openStaff } : {})}
            {...(onWelcome || endsHere ? {} : { onFinish: finish })}
          />
        )}
        <LinkNotice notice={linkNotice} screen={s} />
        <WaitNotice pending={state.mode === 'visit' ? state.visit.pending : state.console.pending} />
        {state.mode === 'visit' ? (
          <VisitView visit={state.visit} dispatch={visitDispatch} call={call} info={info} finish={finish} />
        ) : (
          <ConsoleView desk={state.console} dispatch={consoleDispatch} call={call} />
        )}
        <TouchKeyboard />
        {/* Audio mode doubles the idle delays: moving by keys and listening takes longer. */}
        <IdleGuard active={!onWelcome && !member} warnMs={info.idleWarnMs * (audio ? 2 : 1)} endMs={info.idleEndMs * (audio ? 2 : 1)} onTimeout={finish} />
        <StaffIdleLock active={member !== null} lockMs={info.staffLockMs ?? STAFF_LOCK_MS} onLock={lockConsole} />
        <AudioMode active={audio} onWelcome={onWelcome} speech={info.speech} onStart={startAudio} />
      </div>
    </VisitProviders>
  );
}
