import type { InputOf, SettingsView, StaffOverview } from '../../../main/api/contract.ts';
import type { Result } from '../../../main/api/errors.ts';
import type { TillPrint } from '../../../main/orders/till-service.ts';
import type { PrinterStatus } from '../../../main/printing/printer-status.ts';
import type { SecretsView } from '../../../main/secrets/secrets-service.ts';
import type { KioskSettings } from '../../../main/settings/kiosk-settings.ts';
import type { JournalDay, JournalPrint } from '../../../main/staff/journal-service.ts';
import type { StaffMember } from '../../../main/staff/staff-service.ts';
import type { PrintJob } from '../../../main/store/print-jobs-repo.ts';
import type { TillDay } from '../../../main/store/till-repo.ts';
import type { FieldError, FlowState } from '../../app/flow.ts';
import { Notices } from '../../components/notices.tsx';
import { ScreenHeading } from '../../components/screen-heading.tsx';
import { type MessageKey, useT } from '../../i18n/index.tsx';
import { formatTime } from '../format.ts';
import { AuditJournal } from './audit-journal.tsx';
import { ConsoleNav } from './console-nav.tsx';
import { MembersPanel } from './members-panel.tsx';
import { type OrderStep, OrdersPanel } from './orders-panel.tsx';
import { PrintersPanel } from './printers-panel.tsx';
import { SecretsPanel } from './secrets-panel.tsx';
import { SettingsPanel } from './settings-panel.tsx';
import { SpeechPanel } from './speech-panel.tsx';
import { StopKiosk } from './stop-kiosk.tsx';
import { TillPanel } from './till-panel.tsx';

export type StaffConsoleProps = {
  name: string;
  overview: StaffOverview | null;
  printers: PrinterStatus[] | null;
  secrets: SecretsView | null;
  members: StaffMember[] | null;
  settings: SettingsView | null;
  errors: FlowState['errors'];
  onSettingsSave(settings: KioskSettings): void;
  selfId: number;
  onMemberAdd(name: string, pin: string, confirmation: string): void;
  onMemberRemove(id: number): void;
  onPinChange(input: { current: string; pin: string; confirmation: string }): Promise<boolean>;
  onSecretSet(value: string): void;
  onSecretDelete(): void;
  error: FieldError | undefined;
  notices: MessageKey[];
  pending: boolean;
  onOrderStep(step: OrderStep): void;
  onTill(day: string): Promise<Result<TillDay>>;
  onTillPrint(day: string): Promise<Result<TillPrint>>;
  onJournal(filter: InputOf<'staff:journal'>): Promise<Result<JournalDay>>;
  onJournalPrint(input: InputOf<'staff:journal-print'>): Promise<Result<JournalPrint>>;
  onPrinterSave(role: PrinterStatus['role'], printer: string | null): void;
  onPrinterTest(role: PrinterStatus['role']): Promise<PrintJob | null>;
  onSyncNow(): void;
  onResumeIdentification(): void;
  onIssue(): void;
  onStopKiosk(): void;
  onVerify(): void;
  onQuit(): void;
};

/** The console at a glance: sync and what went wrong last, in words; print jobs; the log. */
export function StaffConsoleScreen(props: StaffConsoleProps) {
  const { name, overview, printers, error, notices, pending, onSyncNow, onVerify, onQuit } = props;
  const { t, locale } = useT();
  const s = overview?.sync;
  const when = (iso: string) => `${new Date(iso).toLocaleDateString(locale === 'fr' ? 'fr-FR' : 'en-GB')} ${formatTime(iso, locale)}`;
  return (
    <main id="main" className="screen staff-console-screen">
      <ScreenHeading>{t('staff.consoleHeading')}</ScreenHeading>
      <p>{t('staff.welcome', { name })}</p>
      <ConsoleNav />
      <button type="button" className="button button-primary button-wide" onClick={props.onIssue}>
        {t('issue.button')}
      </button>
      <Notices keys={notices} />
      {error && (
        <p className="error-message" role="alert">
          {t(error.key, error.params)}
        </p>
      )}
      {overview?.identificationPausedUntil && (
        <section className="panel panel-warning" aria-labelledby="pause-title">
          <h2 id="pause-title">{t('staff.pause.title')}</h2>
          <p role="alert">{t('staff.pause.body', { time: formatTime(overview.identificationPausedUntil, locale) })}</p>
          <button
            type="button"
            className="button button-primary"
            aria-disabled={pending || undefined}
            onClick={() => !pending && props.onResumeIdentification()}
          >
            {t('staff.pause.resume')}
          </button>
        </section>
      )}
      <OrdersPanel orders={overview?.orders ?? []} pending={pending} onStep={props.onOrderStep} />
      <TillPanel
        version={(overview?.orders ?? []).map((o) => `${o.id}:${o.payment?.at ?? ''}:${o.refund?.at ?? ''}`).join(',')}
        onLoad={props.onTill}
        onPrint={props.onTillPrint}
      />
      <section className="panel panel-neutral" aria-labelledby="sync-title">
        <h2 id="sync-title">{t('staff.syncTitle')}</h2>
        {s && (
          <div role="status">
            <p className="lead">{t(`staff.sync.${s.state}` as MessageKey)}</p>
            <p>{t('staff.records', { count: s.records })}</p>
            {!s.replicaComplete && <p>{s.loadPercent === null ? t('staff.loadingNoPercent') : t('staff.loading', { percent: s.loadPercent })}</p>}
            {s.lastSuccessAt && <p>{t('staff.lastSuccess', { time: when(s.lastSuccessAt) })}</p>}
            <p>{t('staff.pending', { count: s.pendingOperations })}</p>
            {s.lastError && <p className="error-message">{t('staff.lastError', { words: t(`staff.error.${s.lastError.kind}` as MessageKey) })}</p>}
            {s.outboxError && <p className="error-message">{t('staff.outboxError', { words: t(`staff.error.${s.outboxError.kind}` as MessageKey) })}</p>}
          </div>
        )}
        <button type="button" className="button button-primary" aria-disabled={pending || undefined} onClick={() => !pending && onSyncNow()}>
          {t('staff.syncNow')}
        </button>
      </section>
      <SpeechPanel speech={overview?.speech} />
      <PrintersPanel printers={printers} pending={pending} onSave={props.onPrinterSave} onTest={props.onPrinterTest} />
      <MembersPanel
        members={props.members}
        selfId={props.selfId}
        errors={props.errors}
        pending={pending}
        onAdd={props.onMemberAdd}
        onRemove={props.onMemberRemove}
        onPinChange={props.onPinChange}
      />
      <SettingsPanel view={props.settings} errors={props.errors} pending={pending} onSave={props.onSettingsSave} />
      <SecretsPanel secrets={props.secrets} pending={pending} onSet={props.onSecretSet} onDelete={props.onSecretDelete} />
      <section aria-labelledby="jobs-title">
        <h2 id="jobs-title">{t('staff.jobsTitle')}</h2>
        {overview?.jobs.length ? (
          <ul className="plain-list">
            {overview.jobs.map((j) => (
              <li key={j.id}>
                {when(j.createdAt)} — {t(`printers.role.${j.role}`)} — {j.document} — {t(`printers.job.${j.status}` as MessageKey)}
                {j.errorKind ? ` (${t(`print.error.${j.errorKind}` as MessageKey)})` : ''}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('staff.noJobs')}</p>
        )}
      </section>
      <AuditJournal
        version={String(overview?.audit[0]?.seq ?? 0)}
        printedBy={props.members?.find((m) => m.id === props.selfId)?.name ?? ''}
        onLoad={props.onJournal}
        onPrint={props.onJournalPrint}
      />
      <div className="space-actions">
        <button type="button" className="button button-secondary" onClick={onVerify}>
          {t('help.verify')}
        </button>
        <button type="button" className="button button-secondary" onClick={onQuit}>
          {t('staff.quit')}
        </button>
        <StopKiosk pending={pending} onStop={props.onStopKiosk} />
      </div>
    </main>
  );
}
