import type { RegistryErrorKind, SyncProblem, SyncStatus } from '../shared/sync.ts';
import type { ReadDb, TxDb } from '../store/database.ts';
import { getMeta, setMeta } from '../store/meta-repo.ts';

export type { SyncProblem, SyncStatus };

const KEY = 'sync-status';

export const NEVER_SYNCED: SyncStatus = {
  state: 'never',
  lastSuccessAt: null,
  lastAttemptAt: null,
  lastError: null,
  outboxError: null,
  records: 0,
  replicaComplete: false,
  loadPercent: null,
  pendingOperations: 0,
  oldestPendingAt: null,
};

export async function readSyncStatus(db: ReadDb): Promise<SyncStatus> {
  const text = await getMeta(db, KEY);
  return text ? { ...NEVER_SYNCED, ...(JSON.parse(text) as Partial<SyncStatus>) } : NEVER_SYNCED;
}

export async function writeSyncStatus(tx: TxDb, status: SyncStatus): Promise<void> {
  await setMeta(tx, KEY, JSON.stringify(status));
}

const KIND_WORDS: Record<RegistryErrorKind | 'internal', string> = {
  offline: 'the registry could not be reached (network down, or the registry is not answering)',
  throttled: 'the registry asked the kiosk to slow down',
  server: 'the registry answered with an error on its side',
  credentials: 'the registry refused this kiosk’s credentials: check the kiosk id and secret in the settings',
  malformed: 'the registry sent data that does not match the API; nothing of it was kept',
  rejected: 'the registry rejected a request from the kiosk',
  stalled: 'the registry’s changes feed did not advance, so the kiosk stopped asking; it tries again later',
  internal: 'the kiosk hit an unexpected error while syncing',
};

/** Why a sync failed, in one sentence for a person: never a stack trace or a raw database message. */
export function describeSyncFailure(problem: Pick<SyncProblem, 'kind' | 'detail' | 'addressUnknown'>): string {
  if (problem.addressUnknown)
    return `the registry’s address was not found (${problem.detail}): check the address in the settings or KIOSK_REGISTRY_URL, then the network’s DNS`;
  return problem.kind === 'internal' ? `${KIND_WORDS.internal} (the kiosk’s log has the details)` : `${KIND_WORDS[problem.kind]} (${problem.detail})`;
}

/** The status in sentences, for a person at a terminal (IT) or reading a log. */
export function describeSyncStatus(s: SyncStatus, now: Date): string[] {
  const ago = (iso: string) => {
    const minutes = Math.round((now.getTime() - new Date(iso).getTime()) / 60_000);
    return minutes < 1 ? 'just now' : minutes < 120 ? `${minutes} min ago` : `${Math.round(minutes / 60)} h ago`;
  };
  const lines: string[] = [];
  lines.push(s.state === 'never' && s.records === 0 ? 'This kiosk has never synced with the registry.' : `Local copy of the registry: ${s.records} artisans.`);
  if (!s.replicaComplete)
    lines.push(
      `The first load of the list of artisans is not finished${s.loadPercent === null ? '' : ` (${s.loadPercent} %)`}: an artisan not found may simply not be loaded yet.`,
    );
  if (s.lastSuccessAt) lines.push(`Last complete sync: ${s.lastSuccessAt} (${ago(s.lastSuccessAt)}).`);
  lines.push(
    s.pendingOperations === 0
      ? 'Nothing is waiting to be sent to the registry.'
      : `${s.pendingOperations} ${s.pendingOperations === 1 ? 'operation waits' : 'operations wait'} to be sent to the registry${s.oldestPendingAt ? `, the oldest since ${s.oldestPendingAt}` : ''}.`,
  );
  if (s.lastError) lines.push(`Last problem with the changes feed (${s.lastError.at}, ${ago(s.lastError.at)}): ${describeSyncFailure(s.lastError)}.`);
  if (s.outboxError) lines.push(`Last problem sending to the registry (${s.outboxError.at}, ${ago(s.outboxError.at)}): ${describeSyncFailure(s.outboxError)}.`);
  if (s.state === 'offline')
    lines.push(
      s.records === 0
        ? 'The local copy is empty: no artisan can be identified, nor a card printed, until a sync succeeds.'
        : 'The kiosk works offline meanwhile: identification and card printing use the local copy.',
    );
  return lines;
}
