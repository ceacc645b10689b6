import type { ReadDb, TxDb } from '../store/database.ts';
import { getMeta, setMeta } from '../store/meta-repo.ts';
import type { RegistryErrorKind } from './client.ts';

/** What staff and IT need to know about sync, kept in the store so the CLI can read it. */
export type SyncStatus = {
  state: 'never' | 'syncing' | 'ok' | 'offline' | 'error';
  /** ISO instant of the last sync that reached the end of the feed and emptied what it could. */
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  lastError: { kind: RegistryErrorKind | 'internal'; at: string; detail: string } | null;
  records: number;
  pendingOperations: number;
  oldestPendingAt: string | null;
};

const KEY = 'sync-status';

export const NEVER_SYNCED: SyncStatus = {
  state: 'never',
  lastSuccessAt: null,
  lastAttemptAt: null,
  lastError: null,
  records: 0,
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
  internal: 'the kiosk hit an unexpected error while syncing',
};

/** The status in sentences, for a person at a terminal (IT) or reading a log. */
export function describeSyncStatus(s: SyncStatus, now: Date): string[] {
  const ago = (iso: string) => {
    const minutes = Math.round((now.getTime() - new Date(iso).getTime()) / 60_000);
    return minutes < 1 ? 'just now' : minutes < 120 ? `${minutes} min ago` : `${Math.round(minutes / 60)} h ago`;
  };
  const lines: string[] = [];
  lines.push(s.state === 'never' ? 'This kiosk has never synced with the registry.' : `Local copy of the registry: ${s.records} artisans.`);
  if (s.lastSuccessAt) lines.push(`Last complete sync: ${s.lastSuccessAt} (${ago(s.lastSuccessAt)}).`);
  lines.push(
    s.pendingOperations === 0
      ? 'Nothing is waiting to be sent to the registry.'
      : `${s.pendingOperations} operation(s) wait to be sent to the registry${s.oldestPendingAt ? `, the oldest since ${s.oldestPendingAt}` : ''}.`,
  );
  if (s.lastError) lines.push(`Last problem (${s.lastError.at}, ${ago(s.lastError.at)}): ${KIND_WORDS[s.lastError.kind]}. Detail: ${s.lastError.detail}`);
  if (s.state === 'offline') lines.push('The kiosk works offline meanwhile: identification and card printing use the local copy.');
  return lines;
}
