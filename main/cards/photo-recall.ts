import type { Logger } from '../logging/logger.ts';
import { answerWithin } from '../registry/answer-within.ts';
import { type RegistryClient, RegistryError } from '../registry/client.ts';
import type { ReadDb } from '../store/database.ts';
import { newestPending } from '../store/outbox-repo.ts';

/** An ID photo found for an artisan: the JPEG and when it was taken. */
export type RecalledPhoto = { jpeg: Buffer; takenAt: string; from: 'outbox' | 'registry' };

type Deps = { db: ReadDb; client: RegistryClient; log: Logger; waitMs?: number };

/** A registry that does not answer must not keep a person waiting long for a photo: past this, the kiosk goes on without it. */
const WAIT_MS = 4_000;

/**
 * The artisan's photo, as the registry keeps it (the newest any kiosk delivered), or the one
 * this kiosk took and has not delivered yet (still in its outbox: taken while the registry
 * was away), whichever was taken last. `answered`: the registry said what it holds, so the
 * visit need not ask again. The bytes are never logged.
 */
export async function recallPhoto({ db, client, log, waitMs = WAIT_MS }: Deps, rmNumber: string): Promise<{ photo: RecalledPhoto | null; answered: boolean }> {
  const pending = await newestPending(db, `photo:${rmNumber}`);
  const jpeg = typeof pending?.payload.jpeg === 'string' ? Buffer.from(pending.payload.jpeg, 'base64') : null;
  const local: RecalledPhoto | null = pending && jpeg ? { jpeg, takenAt: pending.createdAt, from: 'outbox' } : null;
  let remote: RecalledPhoto | null = null;
  let answered = false;
  try {
    const got = await answerWithin(client.photo(rmNumber), waitMs);
    if (got.late) log.warn('photo-recall-failed', { kind: 'timeout' });
    else {
      answered = true;
      if (got.value) remote = { jpeg: Buffer.from(got.value.jpeg, 'base64'), takenAt: got.value.takenAt, from: 'registry' };
    }
  } catch (error) {
    if (!(error instanceof RegistryError)) throw error;
    log.warn('photo-recall-failed', { kind: error.kind });
  }
  // Ours wins a tie: it is the one this kiosk's artisan just saw and validated.
  const photo = local && remote ? (Date.parse(remote.takenAt) > Date.parse(local.takenAt) ? remote : local) : (local ?? remote);
  if (photo !== local) local?.jpeg.fill(0);
  if (photo !== remote) remote?.jpeg.fill(0);
  log.info('photo-recalled', { from: photo?.from ?? null, answered });
  return { photo, answered };
}
