/**
 * Why a registry call failed, as the sync engine needs to know it:
 * - offline: no answer (DNS, refused, reset, timeout): try again later;
 * - throttled: 429, wait `retryAfterMs`;
 * - server: 5xx, back off;
 * - credentials: the registry refuses this kiosk's id or secret: staff must fix settings;
 * - malformed: an answer that does not match the API: refuse it, commit nothing;
 * - rejected: a 4xx about the request itself;
 * - stalled: the changes feed does not advance (the same position again, or an empty page
 *   that says more follows): the run stops instead of asking for ever.
 */
export type RegistryErrorKind = 'offline' | 'throttled' | 'server' | 'credentials' | 'malformed' | 'rejected' | 'stalled';

/** `addressUnknown`: the registry's host name was not found, so its address may be wrong (said to staff and IT). */
export type SyncProblem = { kind: RegistryErrorKind | 'internal'; at: string; detail: string; addressUnknown?: true };

/** What staff and IT need to know about sync, kept in the store so the CLI can read it. */
export type SyncStatus = {
  state: 'never' | 'syncing' | 'ok' | 'offline' | 'error';
  /** ISO instant of the last sync that reached the end of the feed and emptied what it could. */
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  /** Why the last pull of the changes feed failed, if it did. */
  lastError: SyncProblem | null;
  /** Why the last delivery of the outbox failed, if it did: pull and push fail apart. */
  outboxError: SyncProblem | null;
  records: number;
  /** False until the feed has been read to its end once: "not found" cannot be trusted yet. */
  replicaComplete: boolean;
  /** During a first load, how far it is (0–99), when the registry said how many it holds. */
  loadPercent: number | null;
  pendingOperations: number;
  oldestPendingAt: string | null;
};
