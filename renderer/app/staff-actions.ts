import { type Dispatch, useEffect, useRef } from 'react';
import type { InputOf } from '../../main/api/contract.ts';
import type { Result } from '../../main/shared/errors.ts';
import type { KioskSettings } from '../../main/shared/kiosk.ts';
import type { HandedOverByEmail } from '../../main/shared/orders.ts';
import type { PrintCancelled, PrintJob, PrintRole } from '../../main/shared/print-jobs.ts';
import type { Delivery } from '../screens/issue/issue-card-screen.tsx';
import type { Call } from './call.ts';
import type { ConsoleAction, ConsoleState } from './console-state.ts';
import { coalesced, reached } from './event-refresh.ts';
import { kiosk, subscribe } from './kiosk-client.ts';
import { overviewAnswers } from './overview-answers.ts';

/** What the staff console does: each action calls the kiosk and puts the answer in the console's machine. */
export function useStaffActions(desk: ConsoleState, dispatch: Dispatch<ConsoleAction>, call: Call) {
  // Only the newest overview asked is shown; a late answer to an action still ends its wait.
  const fresh = useRef(overviewAnswers(dispatch)).current;
  const loadOverview = () => {
    const apply = fresh();
    return call(kiosk().invoke('staff:overview', {}), apply);
  };
  const staffIn = (r: Promise<Result<{ member: { id: number; name: string } | null; configured: boolean }>>) =>
    call(r, (v) => {
      if (!v.member) {
        dispatch({ type: 'pin-asked', configured: v.configured });
        return;
      }
      dispatch({ type: 'signed-in', member: { id: v.member.id, name: v.member.name } });
      void loadOverview().then(loadPrinters).then(loadSecrets).then(loadMembers).then(loadSettings);
    });
  const loadPrinters = () => call(kiosk().invoke('staff:printers', {}), (printers) => dispatch({ type: 'printers', printers }));
  const issueSearch = () => {
    if (desk.screen !== 'staff-issue') return;
    void call(kiosk().invoke('staff:search', { query: desk.issuance.query }), (hits) => dispatch({ type: 'found-artisans', hits }));
  };
  const issueStart = () => {
    if (desk.screen !== 'staff-issue') return;
    const { selected, document } = desk.issuance;
    if (!selected || !document) return;
    // The artisan's photo kept by the registry is on the card already (staff may retake it); else the camera first.
    void call(kiosk().invoke('staff:issue-start', { rmNumber: selected, document }), (card) =>
      dispatch(card.photo ? { type: 'card-ready', card } : { type: 'needs-photo' }),
    );
  };
  const issuePhoto = (jpeg: string) => call(kiosk().invoke('staff:issue-photo', { jpeg }), (card) => dispatch({ type: 'card-ready', card }));
  const issueCard = (delivery: Delivery) => call(kiosk().invoke('staff:issue', delivery), (result) => dispatch({ type: 'issued', result }));
  /** Before an e-mail goes: where it would go (masked), or why it cannot. */
  const issueEmailTarget = () => call(kiosk().invoke('staff:issue-email-target', {}), (target) => dispatch({ type: 'email-target', target }));
  /** "Caisse du jour": the answers go to the panel itself, next to its button. */
  const loadTill = (day: string) => kiosk().invoke('staff:till', { day });
  const printTill = (day: string) => kiosk().invoke('staff:till-print', { day });
  /** The journal: a day filtered in the core, and its printing; the answers go to the panel itself. */
  const loadJournal = (filter: InputOf<'staff:journal'>) => kiosk().invoke('staff:journal', filter);
  const printJournal = (input: InputOf<'staff:journal-print'>) => kiosk().invoke('staff:journal-print', input);
  const issueEnd = () => {
    void kiosk().invoke('staff:issue-end', {});
    dispatch({ type: 'issue-ended' });
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
      dispatch({ type: 'done', notices: ['members.pinChanged'] });
    });
    return changed;
  };
  const removeMember = (id: number) =>
    call(kiosk().invoke('staff:member-remove', { id }), (members) => dispatch({ type: 'members', members, notices: ['members.removed'] }));
  const loadSecrets = () => call(kiosk().invoke('staff:secrets', {}), (secrets) => dispatch({ type: 'secrets', secrets }));
  /** True once the secret is kept, so the form lets go of it; a refused one stays typed, its error at the field. */
  const setSecret = async (value: string) => {
    let kept = false;
    await call(kiosk().invoke('staff:secret-set', { name: 'registry-secret', value }), (secrets) => {
      kept = true;
      dispatch({ type: 'secrets', secrets, notices: ['secrets.saved'] });
    });
    return kept;
  };
  const deleteSecret = () =>
    call(kiosk().invoke('staff:secret-delete', { name: 'registry-secret' }), (secrets) => dispatch({ type: 'secrets', secrets, notices: ['secrets.deleted'] }));
  const orderStep = async (step: InputOf<'staff:order'>) => {
    const apply = fresh();
    const answer = kiosk().invoke('staff:order', step);
    await call(answer, apply);
    // Refused because a printer cannot print now: the overview, read again quietly, says under the order why and what to do.
    const r = await answer.catch(() => null);
    if (r && !r.ok && (r.error.code === 'RECEIPT_PRINTER_NOT_READY' || r.error.code === 'CARD_PRINTER_NOT_READY')) {
      const quiet = fresh(true);
      const again = await kiosk().invoke('staff:overview', {});
      if (again.ok) quiet(again.value);
    }
  };
  /** A failed order's card by e-mail: the address first (the panel shows it as its question), then the sending; the answers go to the panel. */
  const orderEmailTarget = (orderId: number) => kiosk().invoke('staff:order-email-target', { orderId });
  const orderEmailSend = async (orderId: number, showing: string): Promise<Result<HandedOverByEmail>> => {
    const apply = fresh(true);
    const r = await kiosk().invoke('staff:order', { action: 'hand-over-as', orderId, as: 'email', showing });
    if (!r.ok) return r;
    const { mail, ...overview } = r.value;
    apply(overview);
    // Always set for an e-mail; an answer without it is a bug, said as one.
    return mail ? { ok: true, value: mail } : { ok: false, error: { code: 'INTERNAL', message: 'no mail outcome' } };
  };
  /** "Vérifier de nouveau": the printers asked again (paper loaded, cover closed), the orders with them. */
  const checkPrinters = () => loadOverview().then(loadPrinters);
  const savePrinter = (role: PrintRole, printer: string | null) =>
    call(kiosk().invoke('staff:printer-set', { role, printer }), (printers) => dispatch({ type: 'printers', printers, notices: ['printers.saved'] }));
  const testPrinter = async (role: PrintRole) => {
    let job: PrintJob | null = null;
    await call(kiosk().invoke('staff:printer-test', { role }), (value) => {
      job = value;
      dispatch({ type: 'done', notices: [] });
    });
    return job;
  };
  /**
   * Cancels a waiting print job: the answer goes to the list (which says it), the overview it
   * carries to the console (the job cancelled, a PVC order kept open), the newest asked only.
   */
  const cancelPrint = async (jobId: number): Promise<Result<PrintCancelled>> => {
    const apply = fresh(true);
    // A bridge gone answers in words too: the list's buttons must not wait for ever.
    const r = await kiosk()
      .invoke('staff:print-cancel', { jobId })
      .catch((): Result<never> => ({ ok: false, error: { code: 'KIOSK_UNREACHABLE', message: 'the call was rejected' } }));
    if (!r.ok) return r;
    const { overview, ...done } = r.value;
    apply(overview);
    return { ok: true, value: done };
  };
  // The console follows the desk by itself (orders paid elsewhere, cards coming out, the sync,
  // the card printer switched off or on) by the kiosk's events, never on a timer: on each, the
  // overview is read again, quietly (no one waits for it), and only the newest asked is shown.
  const onConsole = desk.screen === 'staff-console';
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
      if (event.kind !== 'mail-confirmed' && event.kind !== 'account-untrusted') refresh();
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
  const stopKiosk = () => call(kiosk().invoke('staff:stop-kiosk', {}), () => dispatch({ type: 'done', notices: ['staff.stopped'] }));
  return {
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
    orderEmailTarget,
    orderEmailSend,
    checkPrinters,
    savePrinter,
    testPrinter,
    cancelPrint,
    staffSyncNow,
    resumeIdentification,
    stopKiosk,
  };
}
