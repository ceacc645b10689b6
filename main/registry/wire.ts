import { z } from 'zod';
import { OPERATION_TYPES, type OperationType } from '../store/operation-types.ts';

/**
 * The registry API's wire format, shared by the kiosk's client and the reference server
 * (main/demo-registry/). Documented in main/registry/openapi.json (OpenAPI 3.1, generated
 * from these schemas by openapi.ts).
 * Field names follow the real registries: INPI's RNE (`nom`, `nomUsage`, `prenoms`,
 * `dateDeNaissance`, `denomination`, `nomCommercial`, `codeAprm`, `qualiteArtisan`,
 * `dateImmat`, `dateRadiation`) and the former CMA RNM feed (`gestDept`).
 */

export const QUALITES = ['artisan', 'maitre-artisan', 'artisan-art', 'maitre-artisan-art', 'conjoint-collaborateur', 'none'] as const;
export const ACCOUNT_STATUSES = ['none', 'pending', 'active'] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const activiteSchema = z.object({
  codeAprm: z.string().regex(/^\d{4}[A-Z]{2}$/),
  descriptionDetaillee: z.string().max(200),
  indicateurPrincipal: z.boolean(),
});

export const adresseSchema = z.object({
  voie: z.string().max(200),
  complement: z.string().max(200).nullable(),
  codePostal: z.string().max(10),
  commune: z.string().max(100),
});

/**
 * One artisan as the changes feed carries it: a positional array, in the order of
 * ARTISAN_FIELDS (the page names them once in `fields`). Arrays instead of objects cut a
 * million-record sync from about 300 MB of JSON to about half, keys not repeated per row.
 */
export const ARTISAN_FIELDS = [
  'rmNumber',
  'siren',
  'registre',
  'gestDept',
  'nom',
  'nomUsage',
  'prenoms',
  'dateDeNaissance',
  'denomination',
  'nomCommercial',
  'activites',
  'qualiteArtisan',
  'chambre',
  'adresse',
  'dateImmat',
  'dateRadiation',
  'statutCompte',
  'version',
] as const;

export const artisanTupleSchema = z.tuple([
  z.string().regex(/^\d{9}R[ME](\d{3}|02[AB])$/),
  z.string().regex(/^\d{9}$/),
  z.enum(['RM', 'RE']),
  z.string().regex(/^(\d{3}|02[AB])$/),
  z.string().min(1).max(100),
  z.string().max(100).nullable(),
  z.array(z.string().max(60)).min(1).max(6),
  isoDate,
  z.string().max(200).nullable(),
  z.string().max(200).nullable(),
  z.array(activiteSchema).max(20),
  z.enum(QUALITES),
  z.string().max(100),
  adresseSchema,
  isoDate,
  isoDate.nullable(),
  z.enum(ACCOUNT_STATUSES),
  z.number().int().nonnegative(),
]);
export type ArtisanTuple = z.infer<typeof artisanTupleSchema>;

type TupleIndex = Exclude<keyof ArtisanTuple, keyof unknown[]>;

/** An artisan with named fields, as `GET /v1/artisans/{rmNumber}` returns it: the tuple, named by ARTISAN_FIELDS. */
export type WireArtisan = { [I in TupleIndex as (typeof ARTISAN_FIELDS)[I & keyof typeof ARTISAN_FIELDS]]: ArtisanTuple[I] };

export function tupleToArtisan(t: ArtisanTuple): WireArtisan {
  return Object.fromEntries(ARTISAN_FIELDS.map((field, i) => [field, t[i]])) as WireArtisan;
}

/**
 * `GET /v1/artisans/changes?after=<cursor>&limit=N`: the artisans changed after the cursor,
 * in server-sequence order, each at most once (its latest state), and the RM numbers
 * removed from the registry (tombstones). `cursor` is opaque: send it back as `after`.
 */
export const changesPageSchema = z.object({
  fields: z.array(z.string()),
  items: z.array(z.unknown()),
  removed: z.array(z.string().max(20)),
  cursor: z.string().min(1).max(200),
  hasMore: z.boolean(),
});
export type ChangesPage = z.infer<typeof changesPageSchema>;
/** A page without its rows: they are read one by one from the page's bytes (page-reader.ts). */
export const changesEnvelopeSchema = changesPageSchema.omit({ items: true });
export type ChangesEnvelope = z.infer<typeof changesEnvelopeSchema>;

export const MAX_PAGE = 10_000;
// 3,000 rows (about 1.1 MB of JSON) a page: a million artisans in 334 calls. Read row by
// row from its bytes (page-reader.ts), a page no longer weighs on the heap by its size: at a
// million, pages of 3,000 synced 19 % faster than pages of 1,500 for 12 MB more RSS, and
// pages of 5,000 bought 7 % more for 19 MB more (test/bench, README's performance section).
export const DEFAULT_PAGE = 3_000;

/** The kiosk's writes, delivered through its outbox (the list lives with the outbox, in the store). */
export { OPERATION_TYPES, type OperationType };

export const operationSchema = z.object({
  /** Chosen by the kiosk when it records the operation; the registry applies each key once. */
  idempotencyKey: z.string().min(16).max(100),
  type: z.enum(OPERATION_TYPES),
  /** When the kiosk recorded it (ISO 8601). */
  at: z.string().max(40),
  payload: z.record(z.string(), z.unknown()),
});
export type Operation = z.infer<typeof operationSchema>;

export const operationsRequestSchema = z.object({ operations: z.array(operationSchema).min(1).max(500) });
export const operationsResponseSchema = z.object({
  results: z.array(z.object({ idempotencyKey: z.string(), status: z.enum(['applied', 'duplicate']) })),
});

export const tokenRequestSchema = z.object({ kioskId: z.string().min(1).max(100), secret: z.string().min(16).max(200) });
export const tokenResponseSchema = z.object({ accessToken: z.string().min(16), expiresAt: z.string() });

export const healthSchema = z.object({ status: z.literal('ok'), records: z.number().int().nonnegative(), version: z.string() });

/** The error body of every non-2xx answer. */
export const apiErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

const RM = /^\d{9}R[ME](\d{3}|02[AB])$/;
const SIREN = /^\d{9}$/;
const DEPT = /^(\d{3}|02[AB])$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const APRM = /^\d{4}[A-Z]{2}$/;
const QUALITE_SET = new Set<string>(QUALITES);
const STATUS_SET = new Set<string>(ACCOUNT_STATUSES);
const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const strOrNull = (v: unknown, max: number) => v === null || str(v, max);

/**
 * The same check as `artisanTupleSchema`, by hand: a sync validates every row of a million,
 * and this allocates nothing where zod costs about 4 µs and some garbage per row. A test
 * feeds both the same generated rows and requires the same verdict.
 */
export function isArtisanTuple(t: unknown): t is ArtisanTuple {
  if (!Array.isArray(t) || t.length !== 18) return false;
  const [
    rm,
    siren,
    registre,
    dept,
    nom,
    nomUsage,
    prenoms,
    dob,
    denomination,
    nomCommercial,
    activites,
    qualite,
    chambre,
    adresse,
    dateImmat,
    dateRadiation,
    statut,
    version,
  ] = t as unknown[];
  if (!(str(rm, 20) && RM.test(rm) && str(siren, 9) && SIREN.test(siren) && (registre === 'RM' || registre === 'RE') && str(dept, 3) && DEPT.test(dept)))
    return false;
  if (!(str(nom, 100) && nom.length >= 1 && strOrNull(nomUsage, 100))) return false;
  if (!Array.isArray(prenoms) || prenoms.length < 1 || prenoms.length > 6 || !prenoms.every((p) => str(p, 60))) return false;
  if (!(str(dob, 10) && DAY.test(dob) && strOrNull(denomination, 200) && strOrNull(nomCommercial, 200))) return false;
  if (!Array.isArray(activites) || activites.length > 20) return false;
  for (const a of activites as unknown[]) {
    if (typeof a !== 'object' || a === null || Array.isArray(a)) return false;
    const { codeAprm, descriptionDetaillee, indicateurPrincipal } = a as Record<string, unknown>;
    if (!(str(codeAprm, 6) && APRM.test(codeAprm) && str(descriptionDetaillee, 200) && typeof indicateurPrincipal === 'boolean')) return false;
  }
  if (!(typeof qualite === 'string' && QUALITE_SET.has(qualite) && str(chambre, 100))) return false;
  if (typeof adresse !== 'object' || adresse === null || Array.isArray(adresse)) return false;
  const { voie, complement, codePostal, commune } = adresse as Record<string, unknown>;
  if (!(str(voie, 200) && strOrNull(complement, 200) && str(codePostal, 10) && str(commune, 100))) return false;
  if (!(str(dateImmat, 10) && DAY.test(dateImmat) && (dateRadiation === null || (str(dateRadiation, 10) && DAY.test(dateRadiation))))) return false;
  // A safe integer, as zod's int() wants: past 2^53, JSON.parse rounds a version that SQLite,
  // reading the same page, writes exact (or as a REAL, which the STRICT column refuses).
  return typeof statut === 'string' && STATUS_SET.has(statut) && typeof version === 'number' && Number.isSafeInteger(version) && version >= 0;
}
