import type { PrintJob } from '../../../main/shared/print-jobs.ts';
import { useT } from '../../i18n/index.tsx';
import { jobStatusWords } from './job-words.ts';
import { formatDateTime } from './when.ts';

/** The latest print jobs, each with its printer role, its state and, when it failed, why in words. */
export function PrintJobs({ jobs }: { jobs: PrintJob[] }) {
  const { t, locale } = useT();
  return (
    <section className="panel panel-neutral" aria-labelledby="jobs-title">
      <h2 id="jobs-title">{t('staff.jobsTitle')}</h2>
      {jobs.length ? (
        <ul className="plain-list">
          {jobs.map((j) => (
            <li key={j.id}>
              {formatDateTime(j.createdAt, locale)} — {t(`printers.role.${j.role}`)} — {j.document} — {jobStatusWords(t, j)}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('staff.noJobs')}</p>
      )}
    </section>
  );
}
