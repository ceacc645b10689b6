import type { ReadDb, TxDb } from './database.ts';

export type AccountStatus = 'none' | 'pending' | 'active';
export type Qualification = 'artisan' | 'maitre-artisan' | 'artisan-art' | 'maitre-artisan-art' | 'conjoint-collaborateur' | 'none';
export type Activity = { code: string; label: string; main: boolean };
export type Address = { line1: string; line2?: string; postalCode: string; city: string };

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

type Raw = Omit<ArtisanRow, 'activities' | 'address'> & { activities: string; address: string };

const COLUMNS = `rm_number AS rmNumber, siren, register, department, birth_name AS birthName,
  usage_name AS usageName, first_names AS firstNames, birth_date_hmac AS birthDateHmac,
  company_name AS companyName, trade_name AS tradeName, activities, qualification, chamber,
  address, registered_on AS registeredOn, radiated_on AS radiatedOn,
  account_status AS accountStatus, version`;

function fromRaw(raw: Raw): ArtisanRow {
  return { ...raw, activities: JSON.parse(raw.activities) as Activity[], address: JSON.parse(raw.address) as Address };
}

export async function findByRmNumber(db: ReadDb, rmNumber: string): Promise<ArtisanRow | undefined> {
  const raw = await db.get<Raw>(`SELECT ${COLUMNS} FROM artisans WHERE rm_number = ?`, [rmNumber]);
  return raw && fromRaw(raw);
}

export async function countArtisans(db: ReadDb): Promise<number> {
  const row = await db.get<{ n: number }>('SELECT count(*) AS n FROM artisans');
  return row?.n ?? 0;
}

/**
 * Inserts or replaces a page of artisans with one statement: the page travels as one JSON
 * parameter and SQLite unpacks it (json_each), so a page of thousands costs one async call,
 * not one per row (see shared/ENVIRONMENT.md for the figures).
 */
export async function upsertArtisans(tx: TxDb, rows: readonly ArtisanRow[]): Promise<void> {
  if (rows.length === 0) return;
  const page = JSON.stringify(rows.map((r) => ({ ...r, activities: JSON.stringify(r.activities), address: JSON.stringify(r.address) })));
  await tx.run(
    `INSERT INTO artisans (rm_number, siren, register, department, birth_name, usage_name, first_names,
       birth_date_hmac, company_name, trade_name, activities, qualification, chamber, address,
       registered_on, radiated_on, account_status, version)
     SELECT j->>'rmNumber', j->>'siren', j->>'register', j->>'department', j->>'birthName', j->>'usageName',
       j->>'firstNames', j->>'birthDateHmac', j->>'companyName', j->>'tradeName', j->>'activities',
       j->>'qualification', j->>'chamber', j->>'address', j->>'registeredOn', j->>'radiatedOn',
       j->>'accountStatus', j->>'version'
     FROM (SELECT value AS j FROM json_each(?)) WHERE true
     ON CONFLICT (rm_number) DO UPDATE SET
       siren = excluded.siren, register = excluded.register, department = excluded.department,
       birth_name = excluded.birth_name, usage_name = excluded.usage_name, first_names = excluded.first_names,
       birth_date_hmac = excluded.birth_date_hmac, company_name = excluded.company_name,
       trade_name = excluded.trade_name, activities = excluded.activities, qualification = excluded.qualification,
       chamber = excluded.chamber, address = excluded.address, registered_on = excluded.registered_on,
       radiated_on = excluded.radiated_on, account_status = excluded.account_status, version = excluded.version`,
    [page],
  );
}
