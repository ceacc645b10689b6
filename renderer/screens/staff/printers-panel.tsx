import { type FormEvent, useState } from 'react';
import type { PrintJob } from '../../../main/shared/print-jobs.ts';
import type { PrinterStatus } from '../../../main/shared/printers.ts';
import { TextField } from '../../components/text-field.tsx';
import { useT } from '../../i18n/index.tsx';
import { jobStatusWords } from './job-words.ts';

type Role = PrinterStatus['role'];
export type PrintersPanelProps = {
  printers: PrinterStatus[] | null;
  pending: boolean;
  onSave(role: Role, printer: string | null): void;
  onTest(role: Role): Promise<PrintJob | null>;
};

/** The three printers of the desk: which queue or address plays each role, how it stands, a test page. */
export function PrintersPanel({ printers, pending, onSave, onTest }: PrintersPanelProps) {
  const { t } = useT();
  const [values, setValues] = useState<Partial<Record<Role, string>>>({});
  const [tested, setTested] = useState<Partial<Record<Role, Pick<PrintJob, 'status' | 'errorKind'>>>>({});
  return (
    <section className="panel panel-neutral" aria-labelledby="printers-title">
      <h2 id="printers-title">{t('printers.title')}</h2>
      {/* Each printer is asked for its state (a second or so): said, not a bare title meanwhile. */}
      {printers === null && <p role="status">{t('printers.checking')}</p>}
      {printers?.map((p) => {
        const value = values[p.role] ?? p.printer ?? '';
        const save = (e: FormEvent) => {
          e.preventDefault();
          if (!pending) onSave(p.role, value.trim() === '' ? null : value.trim());
        };
        const test = () => {
          if (pending) return;
          void onTest(p.role).then((job) => job && setTested((was) => ({ ...was, [p.role]: { status: job.status, errorKind: job.errorKind } })));
        };
        return (
          <form autoComplete="off" key={p.role} noValidate onSubmit={save} className="printer" aria-labelledby={`printer-${p.role}`}>
            <h3 id={`printer-${p.role}`}>{t(`printers.role.${p.role}`)}</h3>
            <p className="printer-state" role="status">
              {p.state === 'unreachable' && p.waiting !== undefined && p.waiting > 0
                ? t('printers.state.unreachableWaiting', { count: p.waiting })
                : t(`printers.state.${p.state}`)}
            </p>
            <TextField
              id={`printer-field-${p.role}`}
              label={t(`printers.field.${p.role}`)}
              value={value}
              maxLength={300}
              onChange={(v) => setValues((was) => ({ ...was, [p.role]: v }))}
            />
            <div className="space-actions">
              <button type="submit" className="button button-secondary" aria-disabled={pending || undefined}>
                {t('printers.save')}
              </button>
              <button type="button" className="button button-secondary" aria-disabled={pending || !p.printer || undefined} onClick={() => p.printer && test()}>
                {t('printers.test')}
              </button>
            </div>
            {tested[p.role] && <TestResult job={tested[p.role]} />}
          </form>
        );
      })}
    </section>
  );
}

/** How the test page went; a failure says its cause in words, not only "échec". */
function TestResult({ job }: { job: Pick<PrintJob, 'status' | 'errorKind'> | undefined }) {
  const { t } = useT();
  if (!job) return null;
  return (
    <p role="status" className={job.status === 'failed' ? 'error-message' : undefined}>
      {job.status === 'failed'
        ? t('printers.testFailed', { words: t(`print.error.${job.errorKind ?? 'other'}`) })
        : t('printers.testDone', { status: jobStatusWords(t, job) })}
    </p>
  );
}
