import type { TxDb } from './database.ts';

/**
 * What the kiosk itself learnt of an account, written through into the replica (table
 * `account_known`, migration 0017). The replica's account status then says at once what the
 * kiosk just did, and a changes page older than that knowledge cannot take it back; a page
 * fetched after it is the registry's word, which stands (it may truly have moved back).
 */

/** An account status's order: confirmation is for good, a pending activation comes before it. */
const rank = (column: string) => `(CASE ${column} WHEN 'active' THEN 2 WHEN 'pending' THEN 1 ELSE 0 END)`;

/**
 * The kiosk saw the account `status` now: the replica says so at once (never moving it back),
 * and what was known is kept until the feed has caught up with it.
 */
export async function recordAccountKnown(tx: TxDb, rmNumber: string, status: 'pending' | 'active', at: Date): Promise<void> {
  await tx.run(
    `INSERT INTO account_known (rm_number, status, known_at) VALUES (?1, ?2, ?3)
     ON CONFLICT (rm_number) DO UPDATE SET known_at = excluded.known_at,
       status = CASE WHEN ${rank('excluded.status')} >= ${rank('account_known.status')} THEN excluded.status ELSE account_known.status END`,
    [rmNumber, status, at.getTime()],
  );
  await tx.run(`UPDATE artisans SET account_status = ?2 WHERE rm_number = ?1 AND ${rank('account_status')} < ${rank('?2')}`, [rmNumber, status]);
}

/**
 * After a changes page is written: what the kiosk learnt after the page was asked for (the
 * page may carry the account as it was before) is put back where the page wrote less. Returns
 * how many rows it put back.
 */
export async function reassertKnownAccounts(tx: TxDb, pageAskedAt: number): Promise<number> {
  const r = await tx.run(
    `UPDATE artisans SET account_status = k.status FROM account_known AS k
     WHERE artisans.rm_number = k.rm_number AND k.known_at >= ? AND ${rank('artisans.account_status')} < ${rank('k.status')}`,
    [pageAskedAt],
  );
  return r.changes;
}

/**
 * After a batch of pages is written: as reassertKnownAccounts after each page, for pages asked
 * at different moments. If the kiosk learnt nothing between the first page's asking and the
 * last's (nearly always), one reassertion from the first page's moment is exact. Otherwise each
 * number is put back only with what was learnt after the page that last carried it was asked
 * (`askedAt`: RM number to that moment): a page asked after the kiosk learnt something carries
 * the registry's word, which stands.
 */
export async function reassertKnownAccountsOfBatch(tx: TxDb, firstAskedAt: number, lastAskedAt: number, askedAt: () => string): Promise<number> {
  // A batch of one page (every delta) has nothing between: no need to ask.
  const between =
    firstAskedAt < lastAskedAt
      ? ((await tx.get<{ n: number }>('SELECT count(*) AS n FROM account_known WHERE known_at >= ? AND known_at < ?', [firstAskedAt, lastAskedAt]))?.n ?? 0)
      : 0;
  if (between === 0) return reassertKnownAccounts(tx, firstAskedAt);
  const r = await tx.run(
    `UPDATE artisans SET account_status = k.status FROM account_known AS k, json_each(?1) AS c
     WHERE c.key = k.rm_number AND artisans.rm_number = k.rm_number AND k.known_at >= c.value
       AND ${rank('artisans.account_status')} < ${rank('k.status')}`,
    [askedAt()],
  );
  return r.changes;
}

/**
 * The feed was read to its end by a run whose first page was asked for at `runAskedAt`: every
 * change the registry made before then is in the replica, so what was learnt before is the
 * registry's word now, and forgotten here.
 */
export async function forgetKnownAccountsBefore(tx: TxDb, runAskedAt: number): Promise<void> {
  await tx.run('DELETE FROM account_known WHERE known_at < ?', [runAskedAt]);
}
