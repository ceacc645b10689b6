import { useEffect, useRef, useState } from 'react';
import type { InputOf } from '../../../main/api/contract.ts';
import type { StaffOverview } from '../../../main/shared/console.ts';
import type { Result } from '../../../main/shared/errors.ts';
import type { JournalDay, JournalPrint } from '../../../main/shared/journal.ts';
import type { KioskSettings, SecretsView, SettingsView } from '../../../main/shared/kiosk.ts';
import type { PrintCancelled, PrintJob } from '../../../main/shared/print-jobs.ts';
import type { PrinterStatus } from '../../../main/shared/printers.ts';
import type { StaffMember } from '../../../main/shared/staff.ts';
import type { TillDay, TillPrint } from '../../../main/shared/till.ts';
import type { Errors, FieldError } from '../../app/machine.ts';
import { Notices } from '../../components/notices.tsx';
import { ScreenHeading } from '../../components/screen-heading.tsx';
import { type MessageKey, useT } from '../../i18n/index.tsx';
import { AuditJournal } from './audit-journal.tsx';
import { ConsoleNav } from './console-nav.tsx';
import { type ConsoleSection, sectionAttention } from './console-sections.ts';
import { useKeyboardRoom } from './keyboard-room.ts';
import { MembersPanel } from './members-panel.tsx';
import type { OrderEmailCalls } from './order-email.tsx';
import { type OrderStep, OrdersPanel } from './orders-panel.tsx';
import { PausePanel } from './pause-panel.tsx';
import { PrintJobs } from './print-jobs.tsx';
import { PrintersPanel } from './printers-panel.tsx';
import { SecretsPanel } from './secrets-panel.tsx';
import { SettingsPanel } from './settings-panel.tsx';
import { SpeechPanel } from './speech-panel.tsx';
import { StopKiosk } from './stop-kiosk.tsx';
import { SyncPanel } from './sync-panel.tsx';
import { TillPanel } from './till-panel.tsx';

export type StaffConsoleProps = {
  overview: StaffOverview | null;
  printers: PrinterStatus[] | null;
  secrets: SecretsView | null;
  members: StaffMember[] | null;
  settings: SettingsView | null;
  errors: Errors;
  onSettingsSave(settings: KioskSettings): void;
  selfId: number;
  onMemberAdd(name: string, pin: string, confirmation: string): void;
  onMemberRemove(id: number): void;
  onPinChange(input: { current: string; pin: string; confirmation: string }): Promise<boolean>;
  onSecretSet(value: string): Promise<boolean>;
  onSecretDelete(): void;
  error: FieldError | undefined;
  notices: MessageKey[];
  pending: boolean;
  onOrderStep(step: OrderStep): void;
  /** The printers asked again (the receipt printer reloaded), and the orders with them. */
  onCheckPrinters(): void;
  onOrderEmailTarget: OrderEmailCalls['onEmailTarget'];
  onOrderEmailSend: OrderEmailCalls['onEmailSend'];
  onTill(day: string): Promise<Result<TillDay>>;
  onTillPrint(day: string): Promise<Result<TillPrint>>;
  onJournal(filter: InputOf<'staff:journal'>): Promise<Result<JournalDay>>;
  onJournalPrint(input: InputOf<'staff:journal-print'>): Promise<Result<JournalPrint>>;
  onPrinterSave(role: PrinterStatus['role'], printer: string | null): void;
  onPrinterTest(role: PrinterStatus['role']): Promise<PrintJob | null>;
  /** Cancels a print job that waits for its printer; the list says the answer. */
  onPrintCancel(jobId: number): Promise<Result<PrintCancelled>>;
  onSyncNow(): void;
  onResumeIdentification(): void;
  onIssue(): void;
  onStopKiosk(): void;
  onVerify(): void;
  /** The section shown, kept by the app (not reset by a refresh or an action). */
  section: ConsoleSection;
  onSection(section: ConsoleSection): void;
};

/**
 * The console, one section at a time: the navigation (with what needs attention), the answer to
 * the last action, and the chosen section only. The section chosen is kept by the app, so the
 * 2 s refresh and every action leave the agent where they are.
 */
export function StaffConsoleScreen(props: StaffConsoleProps) {
  const { overview, printers, error, notices, pending, section } = props;
  const { t } = useT();
  useKeyboardRoom();
  // The badges read the time too (a print waiting past ten minutes): a clock on the page, never a call.
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  // A section chosen by the agent takes the focus to its heading, so a screen reader says where
  // it landed; the first one shown (after the PIN) leaves the focus to the screen's heading.
  const chosen = useRef(false);
  useEffect(() => {
    if (!chosen.current) return;
    const heading = document.querySelector<HTMLElement>('#console-section h2');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus();
  }, [section]);
  // The answer to an action ("Agent ajouté", a refusal) belongs to the section it was given in:
  // it is not carried over to the next section chosen.
  const answer = useRef({ notices, error, section });
  if (answer.current.notices !== notices || answer.current.error !== error) answer.current = { notices, error, section };
  const answered = answer.current.section === section;
  const choose = (next: ConsoleSection) => {
    chosen.current = true;
    props.onSection(next);
  };
  return (
    <main id="main" className="screen staff-console-screen">
      <ScreenHeading>{t('staff.consoleHeading')}</ScreenHeading>
      <div className="console-layout">
        <ConsoleNav
          current={section}
          attention={sectionAttention(overview, printers, now)}
          onChoose={choose}
          onIssue={props.onIssue}
          onVerify={props.onVerify}
        />
        <div className="console-body">
          <Notices keys={answered ? notices : []} />
          {answered && error && (
            <p className="error-message" role="alert">
              {t(error.key, error.params)}
            </p>
          )}
          <div id="console-section" className={`console-section console-section-${section}`}>
            {section === 'orders' && (
              <OrdersPanel
                orders={overview?.orders ?? []}
                pending={pending}
                onStep={props.onOrderStep}
                onCheckAgain={props.onCheckPrinters}
                onEmailTarget={props.onOrderEmailTarget}
                onEmailSend={props.onOrderEmailSend}
              />
            )}
            {section === 'till' && (
              <TillPanel
                version={(overview?.orders ?? []).map((o) => `${o.id}:${o.payment?.at ?? ''}:${o.refund?.at ?? ''}`).join(',')}
                onLoad={props.onTill}
                onPrint={props.onTillPrint}
              />
            )}
            {section === 'printers' && (
              <>
                <PrintersPanel printers={printers} pending={pending} onSave={props.onPrinterSave} onTest={props.onPrinterTest} />
                <PrintJobs jobs={overview?.jobs ?? []} onCancel={props.onPrintCancel} />
              </>
            )}
            {section === 'sync' && <SyncPanel sync={overview?.sync} pending={pending} onSyncNow={props.onSyncNow} />}
            {section === 'agents' && (
              <MembersPanel
                members={props.members}
                selfId={props.selfId}
                errors={props.errors}
                pending={pending}
                onAdd={props.onMemberAdd}
                onRemove={props.onMemberRemove}
                onPinChange={props.onPinChange}
              />
            )}
            {section === 'settings' && (
              <>
                {overview?.identificationPausedUntil && (
                  <PausePanel until={overview.identificationPausedUntil} pending={pending} onResume={props.onResumeIdentification} />
                )}
                <SettingsPanel view={props.settings} errors={props.errors} pending={pending} onSave={props.onSettingsSave} />
                <SpeechPanel speech={overview?.speech} />
                <div className="space-actions">
                  <StopKiosk pending={pending} onStop={props.onStopKiosk} />
                </div>
              </>
            )}
            {section === 'secrets' && (
              <SecretsPanel secrets={props.secrets} errors={props.errors} pending={pending} onSet={props.onSecretSet} onDelete={props.onSecretDelete} />
            )}
            {section === 'journal' && (
              <AuditJournal
                version={String(overview?.audit[0]?.seq ?? 0)}
                printedBy={props.members?.find((m) => m.id === props.selfId)?.name ?? ''}
                onLoad={props.onJournal}
                onPrint={props.onJournalPrint}
              />
            )}
          </div>
        </div>
      </div>
    </main>
  );
}
