import { useEffect, useState } from 'react';
import type { Result } from '../../../main/shared/errors.ts';
import type { PrintCancelled, PrintJob } from '../../../main/shared/print-jobs.ts';
import { printPurpose } from '../../../main/shared/rules/print-documents.ts';
import { isWaiting, jobWait } from '../../../main/shared/rules/print-wait.ts';
import { useSeen } from '../../components/use-seen.ts';
import { type Translate, useT } from '../../i18n/index.tsx';
import { jobDocumentWords, jobStatusWords } from './job-words.ts';
import { formatDateTime } from './when.ts';

export type PrintJobsProps = {
  jobs: PrintJob[];
  /** Cancels a job that waits, at the spooler; the answer is said here, next to the list. */
  onCancel(jobId: number): Promise<Result<PrintCancelled>>;
  now?: () => Date;
};

/** How often the waiting times on screen move on: a clock on the page, never a call to the kiosk. */
const TICK_MS = 15_000;
const wallClock = () => new Date();

type Answer = { words: string; ok: boolean; at: number };

/**
 * The latest print jobs (and every one still waiting, however old), each with its printer role,
 * what it was for, its state and, when it failed, why in words. A job that waits says since when;
 * past PRINT_STALE_MS it says the printer seems off and what to do. Staff may cancel a waiting
 * job (asked twice: it will not come out, even once the printer is back); the answer is said at
 * the top of the list, which takes the focus (the job's row may leave the list once it ended).
 */
export function PrintJobs({ jobs, onCancel, now: clock = wallClock }: PrintJobsProps) {
  const { t, locale } = useT();
  const [now, setNow] = useState(clock);
  useEffect(() => {
    const timer = setInterval(() => setNow(clock()), TICK_MS);
    return () => clearInterval(timer);
  }, [clock]);
  const [asking, setAsking] = useState<number | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const answerRef = useSeen<HTMLDivElement>(answer?.at);
  // The tapped button gives way to a question: the focus goes to it.
  useEffect(() => {
    if (asking !== null) document.getElementById(`cancel-question-${asking}`)?.focus();
  }, [asking]);

  const cancel = (job: PrintJob) => {
    if (busy !== null) return;
    setBusy(job.id);
    setAnswer(null);
    void onCancel(job.id).then((r) => {
      setBusy(null);
      setAsking(null);
      setAnswer({ ...cancelAnswerWords(t, r, jobDocumentWords(t, locale, job.document)), at: Date.now() });
    });
  };

  return (
    <section className="panel panel-neutral" aria-labelledby="jobs-title">
      <h2 id="jobs-title">{t('staff.jobsTitle')}</h2>
      <div ref={answerRef} tabIndex={-1} role="status" className={answer ? `panel ${answer.ok ? 'panel-success' : 'panel-warning'}` : 'visually-empty'}>
        {answer && <p>{answer.words}</p>}
      </div>
      {jobs.length ? (
        <ul className="plain-list print-jobs">
          {jobs.map((j) => {
            const document = jobDocumentWords(t, locale, j.document);
            const wait = jobWait(j, now);
            return (
              <li key={j.id} className="print-job">
                <p className="print-job-line">
                  {formatDateTime(j.createdAt, locale)} — {t(`printers.role.${j.role}`)} — {document} — {jobStatusWords(t, j, now)}
                </p>
                {wait?.stale && !j.errorKind && (
                  <p className="print-job-stale">{t(j.role === 'card' ? 'printJobs.stale.card' : 'printJobs.stale.paper', { minutes: wait.minutes })}</p>
                )}
                {isWaiting(j) &&
                  (asking === j.id ? (
                    <fieldset className="confirm">
                      <legend id={`cancel-question-${j.id}`} tabIndex={-1}>
                        {t('printJobs.confirmCancel', { document })}
                      </legend>
                      {busy === j.id && <p>{t('printJobs.cancelling')}</p>}
                      <div className="space-actions">
                        <button type="button" className="button button-primary" aria-disabled={busy !== null || undefined} onClick={() => cancel(j)}>
                          {t('printJobs.confirmYes')}
                        </button>
                        <button
                          type="button"
                          className="button button-secondary"
                          aria-disabled={busy !== null || undefined}
                          onClick={() => busy === null && setAsking(null)}
                        >
                          {t('printJobs.confirmNo')}
                        </button>
                      </div>
                    </fieldset>
                  ) : (
                    <div className="space-actions">
                      <button
                        type="button"
                        className={`button ${wait?.stale ? 'button-primary' : 'button-secondary'}`}
                        aria-label={t('printJobs.cancelLabel', { document })}
                        aria-disabled={busy !== null || undefined}
                        onClick={() => busy === null && setAsking(j.id)}
                      >
                        {t('printJobs.cancel')}
                      </button>
                    </div>
                  ))}
              </li>
            );
          })}
        </ul>
      ) : (
        <p>{t('staff.noJobs')}</p>
      )}
    </section>
  );
}

/** The answer to a cancel in words: what became of the job, and of what it was for. */
export function cancelAnswerWords(t: Translate, r: Result<PrintCancelled>, document: string): { words: string; ok: boolean } {
  if (!r.ok) {
    const kind = r.error.params?.kind;
    return r.error.code === 'PRINT_CANCEL_FAILED' && typeof kind === 'string'
      ? { words: t('printJobs.cancelFailed', { document, words: t(kind === 'spooler-down' ? 'print.error.spooler-down' : 'print.error.other') }), ok: false }
      : { words: t(`error.${r.error.code}`), ok: false };
  }
  const { outcome, job } = r.value;
  if (outcome === 'ended')
    return job.status === 'completed'
      ? { words: t('printJobs.endedPrinted', { document }), ok: true }
      : { words: t('printJobs.endedFailed', { document, words: t(`print.error.${job.errorKind ?? 'other'}`) }), ok: false };
  const what = printPurpose(job.document).what;
  if (what === 'card') return { words: t('printJobs.cancelledCard', { document }), ok: true };
  if (what === 'card-sheet' || what === 'journal') return { words: t('printJobs.cancelledAgain', { document }), ok: true };
  return { words: t('printJobs.cancelled', { document }), ok: true };
}
