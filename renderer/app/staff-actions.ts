import { type Dispatch, useCallback, useEffect, useRef } from 'react';
import type { InputOf } from '../../main/api/contract.ts';
import type { Result } from '../../main/shared/errors.ts';
import type { KioskSettings } from '../../main/shared/kiosk.ts';
import type { PrintJob, PrintRole } from '../../main/shared/print-jobs.ts';
import type { Delivery } from '../screens/issue/issue-card-screen.tsx';
import { coalesced, reached } from './event-refresh.ts';
import type { FlowAction, FlowState } from './flow.ts';
import { kiosk, subscribe } from './kiosk-client.ts';
import { overviewAnswers } from './overview-answers.ts';

type Call = <T>(result: Promise<Result<T>>, then: (value: T) => void) => Promise<void>;

/** What the staff console does: each action calls the kiosk and puts the answer in the flow. */
export function useStaffActions(flow: FlowState, dispatch: Dispatch<FlowAction>, call: Call) {
  // Staff: a discreet gesture on the welcome screen (5 taps on the chamber's mark within 3 s,
  // or Ctrl+Alt+S with a keyboard) opens the PIN screen.
  // The PIN is asked every time: a member left logged in (a page reloaded) does not let the next
  // person in.
  const openStaff = useCallback(() => {
    void kiosk()
      .invoke('staff:logout', {})
      .then(() => kiosk().invoke('staff:state', {}))
      .then((r) => r.ok && dispatch({ type: 'staff', configured: r.value.configured, name: r.value.member?.name ?? null }));
  }, []);
  // Only the newest overview asked is shown; a late answer to an action still ends its wait.
  const fresh = useRef(overviewAnswers(dispatch)).current;
  const loadOverview = () => {
    const apply = fresh();
    return call(kiosk().invoke('staff:overview', {}), apply);
  };
  const staffIn = (r: Promise<Result<{ member: { id: number; name: string } | null; configured: boolean }>>) =>
    call(r, (v) => {
      dispatch({ type: 'staff', configured: v.configured, name: v.member?.name ?? null, ...(v.member ? { id: v.member.id } : {}) });
      void loadOverview().then(loadPrinters).then(loadSecrets).then(loadMembers).then(loadSettings);
    });
  const loadPrinters = () => call(kiosk().invoke('staff:printers', {}), (printers) => dispatch({ type: 'printers', printers }));
  const issueSearch = () => call(kiosk().invoke('staff:search', { query: flow.issue.query }), (hits) => dispatch({ type: 'issue-hits', hits }));
  const issueStart = () => {
    const { selected, document } = flow.issue;
    if (!selected || !document) return;
    // The artisan's photo kept by the registry is on the card already (staff may retake it); else the camera first.
    void call(kiosk().invoke('staff:issue-start', { rmNumber: selected, document }), (card) =>
      dispatch(card.photo ? { type: 'issue-card', card } : { type: 'go', screen: 'staff-issue-photo' }),
    );
  };
  const issuePhoto = (jpeg: string) => call(kiosk().invoke('staff:issue-photo', { jpeg }), (card) => dispatch({ type: 'issue-card', card }));
  const issueCard = (delivery: Delivery) => call(kiosk().invoke('staff:issue', delivery), (result) => dispatch({ type: 'issue-result', result }));
  /** Before an e-mail goes: where it would go (masked), or why it cannot. */
  const issueEmailTarget = () => call(kiosk().invoke('staff:issue-email-target', {}), (target) => dispatch({ type: 'issue-email-target', target }));
  /** "Caisse du jour": the answers go to the panel itself, next to its button. */
  const loadTill = (day: string) => kiosk().invoke('staff:till', { day });
  const printTill = (day: string) => kiosk().invoke('staff:till-print', { day });
  /** The journal: a day filtered in the core, and its printing; the answers go to the panel itself. */
  const loadJournal = (filter: InputOf<'staff:journal'>) => kiosk().invoke('staff:journal', filter);
  const printJournal = (input: InputOf<'staff:journal-print'>) => kiosk().invoke('staff:journal-print', input);
  const issueEnd = () => {
    void kiosk().invoke('staff:issue-end', {});
    dispatch({ type: 'issue-reset', screen: 'staff-console' });
    void loadOverview();
  };
  const loadSettings = () => call(kiosk().invoke('staff:settings', {}), (settings) => dispatch({ type: 'settings', settings }));
  const saveSettings = (settings: KioskSettings) =>
    call(kiosk().invoke('staff:settings-set', settings), (view) => dispatch({ type: 'settings', settings: view, notices: ['settings.saved'] }));
  const loadMembers = () => call(kiosk().invoke('staff:members', {}), (members) => dispatch({ type: 'members', members }));
  const addMember = (name: string, pin: string, confirmation: string) =>
    call(kiosk().invoke('staff:member-add', { name, pin, confirmation }), (members) => dispatch({ type: 'members', members, notices: ['members.added'] }));
  /** True once the PIN is changed, so the form can let go of what was typed. */
  const changePin = async (input: InputOf<'staff:pin-change'>) => {
    let changed = false;
    await call(kiosk().invoke('staff:pin-change', input), () => {
      changed = true;
      dispatch({ type: 'saved', notices: ['members.pinChanged'] });
    });
    return changed;
  };
  const removeMember = (id: number) =>
    call(kiosk().invoke('staff:member-remove', { id }), (members) => dispatch({ type: 'members', members, notices: ['members.removed'] }));
  const loadSecrets = () => call(kiosk().invoke('staff:secrets', {}), (secrets) => dispatch({ type: 'secrets', secrets }));
  const setSecret = (value: string) =>
    call(kiosk().invoke('staff:secret-set', { name: 'registry-secret', value }), (secrets) =>
      dispatch({ type: 'secrets', secrets, notices: ['secrets.saved'] }),
    );
  const deleteSecret = () =>
    call(kiosk().invoke('staff:secret-delete', { name: 'registry-secret' }), (secrets) => dispatch({ type: 'secrets', secrets, notices: ['secrets.deleted'] }));
  const orderStep = (step: InputOf<'staff:order'>) => {
    const apply = fresh();
    return call(kiosk().invoke('staff:order', step), apply);
  };
  const savePrinter = (role: PrintRole, printer: string | null) =>
    call(kiosk().invoke('staff:printer-set', { role, printer }), (printers) => dispatch({ type: 'printers', printers, notices: ['printers.saved'] }));
  const testPrinter = async (role: PrintRole) => {
    let job: PrintJob | null = null;
    await call(kiosk().invoke('staff:printer-test', { role }), (value) => {
      job = value;
      dispatch({ type: 'saved', notices: [] });
    });
    return job;
  };
  // The console follows the desk by itself (orders paid elsewhere, cards coming out, the sync,
  // the card printer switched off or on) by the kiosk's events, never on a timer: on each, the
  // overview is read again, quietly (no one waits for it), and only the newest asked is shown.
  const onConsole = flow.screen === 'staff-console';
  useEffect(() => {
    if (!onConsole) return;
    const refresh = coalesced(async () => {
      const apply = fresh(true);
      const r = await kiosk().invoke('staff:overview', {});
      if (r.ok) apply(r.value);
      return reached(r);
    });
    // The printers' section (and its badge) follows a printer switched off or on, too.
    const refreshPrinters = coalesced(async () => {
      const r = await kiosk().invoke('staff:printers', {});
      if (r.ok) dispatch({ type: 'printers', printers: r.value, quiet: true });
      return reached(r);
    });
    const stop = subscribe((event) => {
      if (event.kind !== 'mail-confirmed') refresh();
      if (event.kind === 'printer-state') refreshPrinters();
    });
    return () => {
      stop();
      refresh.stop();
      refreshPrinters.stop();
    };
  }, [onConsole]);
  const staffSyncNow = () => {
    const apply = fresh();
    return call(kiosk().invoke('staff:sync-now', {}), apply);
  };
  const resumeIdentification = () => call(kiosk().invoke('staff:identification-resume', {}), fresh());
  const stopKiosk = () => call(kiosk().invoke('staff:stop-kiosk', {}), () => dispatch({ type: 'saved', notices: ['staff.stopped'] }));
  return {
    openStaff,
    staffIn,
    loadOverview,
    issueSearch,
    issueStart,
    issuePhoto,
    issueCard,
    issueEmailTarget,
    loadTill,
    printTill,
    loadJournal,
    printJournal,
    issueEnd,
    saveSettings,
    addMember,
    changePin,
    removeMember,
    setSecret,
    deleteSecret,
    orderStep,
    savePrinter,
    testPrinter,
    staffSyncNow,
    resumeIdentification,
    stopKiosk,
  };
}
