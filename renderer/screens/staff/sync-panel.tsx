import type { StaffOverview } from '../../../main/shared/console.ts';
import type { SyncProblem } from '../../../main/shared/sync.ts';
import { useT } from '../../i18n/index.tsx';
import { formatDateTime } from './when.ts';

export type SyncPanelProps = { sync: StaffOverview['sync'] | undefined; pending: boolean; onSyncNow(): void };

/** Sync with the registry in words: how far the copy is, what waits to be sent, what went wrong last. */
export function SyncPanel({ sync: s, pending, onSyncNow }: SyncPanelProps) {
  const { t, locale } = useT();
  // An unknown host name is as often a mistyped address as a network down: say both.
  const problemWords = (p: SyncProblem) => t(p.addressUnknown ? 'staff.error.addressUnknown' : `staff.error.${p.kind}`);
  return (
    <section className="panel panel-neutral" aria-labelledby="sync-title">
      <h2 id="sync-title">{t('staff.syncTitle')}</h2>
      {s && (
        <div role="status">
          <p className="lead">{t(s.state === 'offline' && s.records === 0 ? 'staff.sync.offlineEmpty' : `staff.sync.${s.state}`)}</p>
          <p>{t('staff.records', { count: s.records })}</p>
          {!s.replicaComplete && <p>{s.loadPercent === null ? t('staff.loadingNoPercent') : t('staff.loading', { percent: s.loadPercent })}</p>}
          {s.lastSuccessAt && <p>{t('staff.lastSuccess', { time: formatDateTime(s.lastSuccessAt, locale) })}</p>}
          <p>{t('staff.pending', { count: s.pendingOperations })}</p>
          {s.lastError && <p className="error-message">{t('staff.lastError', { words: problemWords(s.lastError) })}</p>}
          {s.outboxError && <p className="error-message">{t('staff.outboxError', { words: problemWords(s.outboxError) })}</p>}
        </div>
      )}
      <button type="button" className="button button-primary" aria-disabled={pending || undefined} onClick={() => !pending && onSyncNow()}>
        {t('staff.syncNow')}
      </button>
    </section>
  );
}
