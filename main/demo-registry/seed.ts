import { DEPARTMENT_CODES, registerOf } from '../identity/departments.ts';
import { luhnCheckDigit } from '../identity/luhn.ts';
import type { AccountStatus, Activity, Address, Qualification } from '../shared/artisan.ts';
import { chamberOf } from './chambers.ts';
import { townOf } from './towns.ts';
import { TRADES } from './trades.ts';

/** An artisan as the registry knows it: the date of birth in clear (it is hashed on arrival). */
export type SeedArtisan = {
  rmNumber: string;
  siren: string;
  register: 'RM' | 'RE';
  department: string;
  birthName: string;
  usageName: string | null;
  firstNames: string;
  dateOfBirth: string;
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

/** The identities the README and the tests rely on; always part of a demo set. */
export const DEMO_IDENTITIES: readonly SeedArtisan[] = [
  {
    rmNumber: '123123127RM078',
    siren: '123123127',
    register: 'RM',
    department: '078',
    birthName: 'DURAND',
    usageName: null,
    firstNames: 'Camille',
    dateOfBirth: '1980-07-14',
    companyName: 'Boulangerie Durand',
    tradeName: 'Au Pain Doré',
    activities: [{ code: '1071AB', label: 'Boulangerie et boulangerie-pâtisserie', main: true }],
    qualification: 'maitre-artisan',
    chamber: chamberOf('078'),
    address: { line1: '12 rue de la Paroisse', postalCode: '78000', city: 'Versailles' },
    registeredOn: '2008-03-01',
    radiatedOn: null,
    accountStatus: 'none',
    version: 1,
  },
  {
    rmNumber: '401234562RE067',
    siren: '401234562',
    register: 'RE',
    department: '067',
    birthName: 'MULLER',
    usageName: null,
    firstNames: 'Jean-Pierre',
    dateOfBirth: '1975-03-02',
    companyName: 'Menuiserie Muller',
    tradeName: null,
    activities: [{ code: '4332AA', label: 'Travaux de menuiserie bois et PVC', main: true }],
    qualification: 'artisan',
    chamber: chamberOf('067'),
    address: { line1: '4 rue des Tonneliers', postalCode: '67000', city: 'Strasbourg' },
    registeredOn: '1999-09-15',
    radiatedOn: null,
    accountStatus: 'active',
    version: 1,
  },
  {
    rmNumber: '552032534RM02A',
    siren: '552032534',
    register: 'RM',
    department: '02A',
    birthName: 'SANTONI',
    usageName: null,
    firstNames: 'Marie-Ange',
    dateOfBirth: '1968-11-30',
    companyName: 'Poterie Santoni',
    tradeName: null,
    activities: [{ code: '2341ZA', label: 'Fabrication de céramique (poterie)', main: true }],
    qualification: 'artisan-art',
    chamber: chamberOf('02A'),
    address: { line1: 'Lieu-dit Cavallo Morto', postalCode: '20166', city: 'Porticcio' },
    registeredOn: '1994-05-02',
    radiatedOn: '2024-12-31',
    accountStatus: 'none',
    version: 1,
  },
];

/** The demo identities' accounts, where the seed says they have one (README lists them). */
export const DEMO_ACCOUNTS: readonly { rmNumber: string; email: string; password: string }[] = [
  { rmNumber: '401234562RE067', email: 'jean-pierre.muller@example.com', password: 'Menuiserie-Muller-1975' },
];

const FIRST_NAMES = [
  'Camille',
  'Léa',
  'Chloé',
  'Inès',
  'Zoé',
  'Anaïs',
  'Hélène',
  'Maëlle',
  'Noémie',
  'Françoise',
  'Agnès',
  'Océane',
  'Lucas',
  'Hugo',
  'Théo',
  'Mathéo',
  'Loïc',
  'Jérôme',
  'François',
  'Gaël',
  'Noël',
  'Raphaël',
  'Benoît',
  'Joël',
  'Jean-Pierre',
  'Marie-Claire',
  'Anne-Sophie',
  'Pierre-Yves',
  'Jean-François',
  'Marie-Hélène',
  'Mehdi',
  'Yasmine',
  'Karim',
  'Fatoumata',
  'Aïcha',
  'Małgorzata',
  'Jürgen',
  'Çağla',
  'João',
  'Bogdan',
];
const LAST_NAMES = [
  'MARTIN',
  'BERNARD',
  'THOMAS',
  'PETIT',
  'ROBERT',
  'RICHARD',
  'DURAND',
  'DUBOIS',
  'MOREAU',
  'LAURENT',
  'SIMON',
  'MICHEL',
  'LEFÈVRE',
  'LEROY',
  'ROUX',
  'DAVID',
  'BERTRAND',
  'MOREL',
  'FOURNIER',
  'GIRARD',
  'BONNET',
  'DUPONT',
  'LAMBERT',
  'FONTAINE',
  'ROUSSEAU',
  'VINCENT',
  'MULLER',
  'LEFEBVRE',
  'FAURE',
  'ANDRÉ',
  'MERCIER',
  'BLANC',
  'GUÉRIN',
  'BOYER',
  'GARNIER',
  'CHEVALIER',
  'FRANÇOIS',
  'LEGRAND',
  'GAUTHIER',
  'PERRIN',
  'ROBIN',
  'CLÉMENT',
  'SCHMITT',
  'KOENIG',
  'LE GALL',
  'LE BIHAN',
  "D'ALMEIDA",
  'DE LA FONTAINE',
  'N’DIAYE',
  'NGUYEN',
  'DA SILVA',
  'ÇELIK',
  'KOWALCZYK',
  'STRAẞER',
  'SANTONI',
  'PAOLI',
  'HOARAU',
  'PAYET',
  'GRONDIN',
  'JEAN-BAPTISTE',
];
const STREETS = [
  'rue de la République',
  'avenue Jean-Jaurès',
  'place de l’Église',
  'rue Victor-Hugo',
  'chemin des Vignes',
  'rue du Moulin',
  'boulevard Pasteur',
  'impasse des Artisans',
];
/** Shop signs as artisans name them (a place, not a town: the town comes from the department). */
const SIGNS = [
  'du Moulin',
  'des Halles',
  'du Marché',
  'de la Place',
  'Saint-Jean',
  'du Port',
  'des Tilleuls',
  'du Vieux Pont',
  'de la Gare',
  'des Remparts',
  'du Lavoir',
  'des Quatre Vents',
  'de l’Horloge',
  'du Clos',
  'des Capucins',
];
const QUALIFICATIONS: readonly Qualification[] = [
  'artisan',
  'artisan',
  'artisan',
  'artisan',
  'maitre-artisan',
  'artisan-art',
  'maitre-artisan-art',
  'conjoint-collaborateur',
  'none',
  'none',
];
const ACCOUNTS: readonly AccountStatus[] = ['none', 'none', 'none', 'pending', 'active', 'active'];

/** mulberry32: small, fast, and the same sequence on every machine for a given seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function isoDay(random: () => number, fromYear: number, toYear: number): string {
  const year = fromYear + Math.floor(random() * (toYear - fromYear + 1));
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28); // every month has a 28th
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * `count` artisans (the demo identities first), the same for the same seed. SIRENs are
 * unique and Luhn-valid; about 4 % are radiated.
 */
export function generateArtisans(count: number, seed = 2026): SeedArtisan[] {
  return [...artisanStream(count, seed)];
}

/** The same artisans one at a time, so that a million never sit in memory together. */
export function* artisanStream(count: number, seed = 2026): Generator<SeedArtisan> {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const first = DEMO_IDENTITIES.slice(0, count);
  for (const a of first) yield { ...a, activities: a.activities.map((x) => ({ ...x })), address: { ...a.address } };
  const used = new Set(first.map((a) => a.siren));
  let produced = first.length;
  const addressIn = (department: string): Address => {
    const line1 = `${1 + Math.floor(random() * 120)} ${pick(STREETS)}`;
    // The postal code and the city were drawn at random before they came from the department;
    // the two draws stay so that every artisan of a seed is the same as before (tests, benchmarks).
    random();
    random();
    return { line1, ...townOf(department) };
  };
  while (produced < count) {
    const body = String(100_000_00 + Math.floor(random() * 899_999_99));
    const siren = body + luhnCheckDigit(body);
    if (used.has(siren)) continue;
    used.add(siren);
    const department = pick(DEPARTMENT_CODES);
    const register = registerOf(department);
    const trade = pick(TRADES);
    const birthName = pick(LAST_NAMES);
    const married = random() < 0.15;
    const dateOfBirth = isoDay(random, 1950, 2002);
    const registeredOn = isoDay(random, Number(dateOfBirth.slice(0, 4)) + 18, 2025);
    const radiated = random() < 0.04;
    produced++;
    yield {
      rmNumber: `${siren}${register}${department}`,
      siren,
      register,
      department,
      birthName,
      usageName: married ? pick(LAST_NAMES) : null,
      firstNames: random() < 0.3 ? `${pick(FIRST_NAMES)} ${pick(FIRST_NAMES)}` : pick(FIRST_NAMES),
      dateOfBirth,
      companyName: `${trade.business} ${birthName.charAt(0)}${birthName.slice(1).toLowerCase()}`,
      tradeName: random() < 0.3 ? `L’Atelier ${pick(SIGNS)}` : null,
      activities: [{ code: trade.code, label: trade.label, main: true }],
      qualification: pick(QUALIFICATIONS),
      chamber: chamberOf(department),
      address: addressIn(department),
      registeredOn,
      radiatedOn: radiated ? isoDay(random, Math.max(2020, Number(registeredOn.slice(0, 4))), 2025) : null,
      // The demo registry holds no account for them: 'active' or 'pending' would promise a login
      // or an e-mail link that can never work at a demo desk.
      accountStatus: 'none',
      version: 1,
    };
    // The status these artisans once had is still drawn, so that every artisan of a seed after
    // this one stays the same (tests, benchmarks).
    pick(ACCOUNTS);
  }
}
