import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ACCOUNT_STATUSES, type AccountStatus, type Activity, type Address, QUALIFICATIONS, type Qualification } from '../shared/artisan.ts';
import type { SearchHit } from '../shared/staff.ts';
import type { ReadDb, TxDb } from './database.ts';
import { checkRow, checkRows, countRow } from './rows.ts';
import { searchIndexReady, wordsQuery } from './search-index.ts';

/** An artisan of the local replica. The date of birth is only ever its keyed hash. */
export type ArtisanRow = {
  rmNumber: string;
  siren: string;
  register: 'RM' | 'RE';
  department: string;
  birthName: string;
  usageName: string | null;
  firstNames: string;
  birthDateHmac: string;
  companyName: string | null;
  tradeName: string | null;
  activities: Activity[];
  qualification: Qualification;
  chamber: string;
  address: Address;
  registeredOn: string;
  radiatedOn: string | null;
  accountStatus: AccountStatus;
  version: number;
};

const COLUMNS = `rm_number AS rmNumber, siren, register, department, birth_name AS birthName,
  usage_name AS usageName, first_names AS firstNames, birth_date_hmac AS birthDateHmac,
  company_name AS companyName, trade_name AS tradeName, activities, qualification, chamber,
  address, registered_on AS registeredOn, radiated_on AS radiatedOn,
  account_status AS accountStatus, version`;

/** A column holding JSON, parsed and checked against `schema` (its text never quoted in an error: personal data). */
const json = <T>(schema: z.ZodType<T>) =>
  z.string().transform((text, ctx) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      // Reported below.
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    ctx.addIssue({ code: 'custom', message: 'JSON of the wrong shape' });
    return z.NEVER;
  });

// Activities and address are kept as the registry sends them (wire JSON), so that a sync
// stores them without reshaping a million rows; they are reshaped here, one row at a time.
const wireActivity = z.object({ codeAprm: z.string(), descriptionDetaillee: z.string(), indicateurPrincipal: z.boolean() });
const wireAddress = z.object({ voie: z.string(), complement: z.string().nullable(), codePostal: z.string(), commune: z.string() });
const artisanRow = z.object({
  rmNumber: z.string(),
  siren: z.string(),
  register: z.enum(['RM', 'RE']),
  department: z.string(),
  birthName: z.string(),
  usageName: z.string().nullable(),
  firstNames: z.string(),
  birthDateHmac: z.string(),
  companyName: z.string().nullable(),
  tradeName: z.string().nullable(),
  activities: json(z.array(wireActivity)),
  qualification: z.enum(QUALIFICATIONS),
  chamber: z.string(),
  address: json(wireAddress),
  registeredOn: z.string(),
  radiatedOn: z.string().nullable(),
  accountStatus: z.enum(ACCOUNT_STATUSES),
  version: z.number().int(),
});

function fromRaw(raw: z.infer<typeof artisanRow>): ArtisanRow {
  const activities = raw.activities.map((a) => ({ code: a.codeAprm, label: a.descriptionDetaillee, main: a.indicateurPrincipal }));
  const a = raw.address;
  const address: Address = { line1: a.voie, postalCode: a.codePostal, city: a.commune, ...(a.complement ? { line2: a.complement } : {}) };
  return { ...raw, activities, address };
}

export async function findByRmNumber(db: ReadDb, rmNumber: string): Promise<ArtisanRow | undefined> {
  const raw = await db.get(`SELECT ${COLUMNS} FROM artisans WHERE rm_number = ?`, [rmNumber]);
  return raw === undefined ? undefined : fromRaw(checkRow(artisanRow, raw, 'artisan'));
}

export async function countArtisans(db: ReadDb): Promise<number> {
  return checkRow(countRow, await db.get('SELECT count(*) AS n FROM artisans'), 'artisan count').n;
}

/** Bytes of one date-of-birth hash (HMAC-SHA256) in the buffer applyChangesPage takes; kept in hex. */
export const HASH_BYTES = 32;

/** What one page did to the replica. */
export type PageApplied = { upserted: number; older: number; removed: number };

/**
 * Applies one page of the registry's changes feed. `page` is the page's UTF-8 bytes as the
 * registry sent them (checked whole already: readChangesPage, pageRows, removedProblem),
 * read by SQLite as text (a blob would be taken for its binary JSONB); its `items`
 * are wire tuples, written in the order of the columns below with the first names joined.
 * `hashes` holds the keyed hash of each row's date of birth, row i's at i * HASH_BYTES,
 * written in hex as the replica keeps them (the date itself is never written). `removed` is a JSON array of RM numbers. SQLite unpacks the
 * page itself (json_each), so a page of thousands costs a few async calls, not one per row,
 * and the page never becomes a JS string (shared/ENVIRONMENT.md, README Performance).
 *
 * The rows are first copied out of json_each into a MATERIALIZED table: read straight from
 * json_each, each of the 18 `value->>N` asks json_each for `value` again, which renders the
 * row's JSON text anew each time; read from the copy, the row's text is parsed once (SQLite's
 * JSON cache) and the page is written in half the CPU time (README, Performance).
 *
 * A row older than the one kept (a lower version) is skipped and counted: a registry that
 * replays an old state must not undo a newer one. `removed` counts what was really there.
 * `markSeen`: during a full resync, every RM number the registry still has is noted, so that
 * the end of the resync can drop the ones it no longer has. `loading`: a first load, its
 * secondary indexes not built yet.
 */
export async function applyChangesPage(
  tx: TxDb,
  page: Buffer,
  hashes: Buffer,
  count: number,
  removed: string,
  { markSeen = false, loading = false }: { markSeen?: boolean; loading?: boolean } = {},
): Promise<PageApplied> {
  // A SIREN rarely changes, but a column named in an UPDATE's SET has its index entry rewritten
  // even when its value stays: a delta rewrote a random page of the SIREN index for every row
  // (a third of the pages it wrote, README, Performance). So on a complete copy the upsert
  // leaves the SIREN of an existing row alone, and this sets it only where it really changed.
  // During a first load the index is not there (deferSearchIndexes): one statement does it all.
  if (!loading)
    await tx.run(
      `UPDATE artisans SET siren = p.siren
     FROM (SELECT value->>0 AS rm, value->>1 AS siren, value->>17 AS version FROM json_each(CAST(?1 AS TEXT), '$.items')) AS p
     WHERE artisans.rm_number = p.rm AND artisans.siren IS NOT p.siren AND p.version >= artisans.version`,
      [page],
    );
  const written = await tx.run(
    `WITH page (k, value) AS MATERIALIZED (SELECT key, value FROM json_each(CAST(?1 AS TEXT), '$.items'))
     INSERT INTO artisans (rm_number, siren, register, department, birth_name, usage_name, first_names,
       birth_date_hmac, company_name, trade_name, activities, qualification, chamber, address,
       registered_on, radiated_on, account_status, version)
     SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5,
       concat_ws(' ', value->>'$[6][0]', value->>'$[6][1]', value->>'$[6][2]', value->>'$[6][3]', value->>'$[6][4]', value->>'$[6][5]'),
       lower(hex(substr(?2, k * ${HASH_BYTES} + 1, ${HASH_BYTES}))),
       value->>8, value->>9, value->'$[10]', value->>11, value->>12, value->'$[13]', value->>14,
       value->>15, value->>16, value->>17
     FROM page WHERE true
     ON CONFLICT (rm_number) DO UPDATE SET ${loading ? 'siren = excluded.siren,' : ''}
       register = excluded.register, department = excluded.department,
       birth_name = excluded.birth_name, usage_name = excluded.usage_name, first_names = excluded.first_names,
       birth_date_hmac = excluded.birth_date_hmac, company_name = excluded.company_name,
       trade_name = excluded.trade_name, activities = excluded.activities, qualification = excluded.qualification,
       chamber = excluded.chamber, address = excluded.address, registered_on = excluded.registered_on,
       radiated_on = excluded.radiated_on, account_status = excluded.account_status, version = excluded.version
     WHERE excluded.version >= artisans.version`,
    [page, hashes],
  );
  // Rows inserted or updated; the rest were older than what the copy holds.
  const upserted = written.changes;
  const gone = removed === '[]' ? 0 : (await tx.run('DELETE FROM artisans WHERE rm_number IN (SELECT value FROM json_each(?))', [removed])).changes;
  if (markSeen) await tx.run("INSERT OR IGNORE INTO resync_seen (rm_number) SELECT value->>0 FROM json_each(CAST(? AS TEXT), '$.items')", [page]);
  return { upserted, older: count - upserted, removed: gone };
}

/**
 * Forgets every artisan of the replica: their date-of-birth hashes were made with a key that
 * is gone, so none would ever match again. The next sync loads them all anew.
 */
export async function emptyReplica(tx: TxDb): Promise<void> {
  await tx.run('DELETE FROM artisans');
}

/** Starts a full resync: nothing seen yet. */
export async function startResync(tx: TxDb): Promise<void> {
  await tx.run('DELETE FROM resync_seen');
}

/** Ends a full resync: artisans the registry did not send again are gone from it. Returns how many. */
export async function finishResync(tx: TxDb): Promise<number> {
  const r = await tx.run('DELETE FROM artisans WHERE rm_number NOT IN (SELECT rm_number FROM resync_seen)');
  await tx.run('DELETE FROM resync_seen');
  return r.changes;
}

const versionRow = z.object({ rm: z.string(), v: z.number().int() });

/** A digest of the replica's records, comparable with the registry's (demo-registry). */
export async function replicaChecksum(db: ReadDb): Promise<string> {
  const rows = checkRows(versionRow, await db.all('SELECT rm_number AS rm, version AS v FROM artisans ORDER BY rm_number'), 'replica versions');
  const h = createHash('sha256');
  for (const r of rows) h.update(`${r.rm}:${r.v}\n`);
  return h.digest('hex');
}

/** At most this many name matches are sorted for display: a query as broad as "ma" stays fast. */
const NAME_MATCHES = 1000;

/**
 * The console's search in the local replica (offline): by RM number or SIREN (exact, on
 * their keys), or by words that each begin a word of the names or the company (the full-text
 * index, accent- and case-blind). During a first load, before that index is built, words are
 * looked for by a scan of what is loaded.
 */
export async function searchArtisans(db: ReadDb, by: { rmNumber: string } | { siren: string } | { words: string[] }, limit = 20): Promise<SearchHit[]> {
  let where: string;
  let params: (string | number)[];
  if ('rmNumber' in by) [where, params] = ['rm_number = ?', [by.rmNumber]];
  else if ('siren' in by) [where, params] = ['siren = ?', [by.siren]];
  else if (await searchIndexReady(db)) {
    const query = wordsQuery(by.words);
    if (query === null) return [];
    [where, params] = ['id IN (SELECT rowid FROM artisan_words WHERE artisan_words MATCH ? LIMIT ?)', [query, NAME_MATCHES]];
  } else {
    // LIKE's own wildcards in what was typed are matched as themselves.
    const like = (w: string) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where = by.words
      .map(() => "(birth_name LIKE ? ESCAPE '\\' OR usage_name LIKE ? ESCAPE '\\' OR first_names LIKE ? ESCAPE '\\' OR company_name LIKE ? ESCAPE '\\')")
      .join(' AND ');
    params = by.words.flatMap((w) => [like(w), like(w), like(w), like(w)]);
  }
  const rows = await db.all(`SELECT ${COLUMNS} FROM artisans WHERE ${where} ORDER BY coalesce(usage_name, birth_name), first_names LIMIT ?`, [
    ...params,
    limit,
  ]);
  return checkRows(artisanRow, rows, 'artisans found')
    .map(fromRaw)
    .map((a) => ({
      rmNumber: a.rmNumber,
      firstNames: a.firstNames,
      lastName: a.usageName ?? a.birthName,
      companyName: a.companyName ?? a.tradeName,
      city: a.address.city,
      radiated: a.radiatedOn !== null,
      accountStatus: a.accountStatus,
    }));
}
