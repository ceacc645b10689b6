/**
 * E-mail addresses as people type them at a desk. Pure code, no Node (the renderer uses it
 * for its hints; the main process checks again).
 */

// Deliberately simple: one @, a dotted domain, no spaces. Deliverability is proven by the
// confirmation link, not by a regular expression.
const SHAPE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function normaliseEmail(input: string): string {
  return input.trim().replace(/\s+/g, '').toLowerCase();
}

export function isEmail(input: string): boolean {
  const e = normaliseEmail(input);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused here.
  return e.length <= 254 && SHAPE.test(e) && !/[\u0000-\u001f\u007f]/.test(e);
}

/**
 * The mailbox providers people at a French front desk use, each with the domains it really
 * gives out. A domain typed close to one of these is probably a slip of the finger; one that
 * is exactly one of these never is.
 */
const PROVIDERS: readonly { name: string; domains: readonly string[]; countries?: true }[] = [
  { name: 'gmail', domains: ['gmail.com'] },
  { name: 'googlemail', domains: ['googlemail.com'] },
  { name: 'hotmail', domains: ['hotmail.fr', 'hotmail.com', 'hotmail.be'], countries: true },
  { name: 'outlook', domains: ['outlook.fr', 'outlook.com'], countries: true },
  { name: 'live', domains: ['live.fr', 'live.com'], countries: true },
  { name: 'msn', domains: ['msn.com'] },
  { name: 'yahoo', domains: ['yahoo.fr', 'yahoo.com'], countries: true },
  { name: 'orange', domains: ['orange.fr'] },
  { name: 'wanadoo', domains: ['wanadoo.fr'] },
  { name: 'laposte', domains: ['laposte.net'] },
  { name: 'free', domains: ['free.fr'] },
  { name: 'sfr', domains: ['sfr.fr'] },
  { name: 'neuf', domains: ['neuf.fr'] },
  { name: 'bbox', domains: ['bbox.fr'] },
  { name: 'aliceadsl', domains: ['aliceadsl.fr'] },
  { name: 'numericable', domains: ['numericable.fr'] },
  { name: 'icloud', domains: ['icloud.com'] },
  { name: 'aol', domains: ['aol.com', 'aol.fr'], countries: true },
  { name: 'gmx', domains: ['gmx.fr', 'gmx.com', 'gmx.de', 'gmx.net'], countries: true },
  { name: 'protonmail', domains: ['protonmail.com'] },
];

/**
 * Endings that are no top-level domain at all, and the one a finger probably meant (a
 * neighbouring key, a doubled or swapped letter). Real ones (.co, .cm, .om) are not here:
 * an address there may be right.
 */
const TLD_SLIPS: Readonly<Record<string, string>> = {
  fe: 'fr',
  ft: 'fr',
  fg: 'fr',
  frr: 'fr',
  ffr: 'fr',
  rf: 'fr',
  fre: 'fr',
  con: 'com',
  cpm: 'com',
  xom: 'com',
  vom: 'com',
  ocm: 'com',
  comm: 'com',
  coom: 'com',
  cim: 'com',
  nte: 'net',
  ner: 'net',
  nett: 'net',
  orgg: 'org',
  ogr: 'org',
};
// Real endings that, after a provider's name, are still a slip (gmail.co, hotmail.cm).
const PROVIDER_TLD_SLIPS: Readonly<Record<string, string>> = { ...TLD_SLIPS, co: 'com', cm: 'com', om: 'com', ft: 'fr' };

/** Edits (insert, delete, replace, swap two neighbours) between two words: the optimal string alignment distance. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] ?? [];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      row[j] = best;
    }
  }
  return at(a.length, b.length);
}

const KNOWN_DOMAINS = new Set(PROVIDERS.flatMap((p) => p.domains));

/**
 * The provider a typed name means: itself, or one edit away (two for long names). The first
 * letter must match: a slip there is rare, and it keeps real names apart (email, grange).
 */
function providerFor(name: string): (typeof PROVIDERS)[number] | undefined {
  const exact = PROVIDERS.find((p) => p.name === name);
  if (exact) return exact;
  let best: { provider: (typeof PROVIDERS)[number]; distance: number } | undefined;
  for (const provider of PROVIDERS) {
    // Short names (sfr, free, live) are a slip away from too many real ones.
    if (provider.name.length < 5 || provider.name[0] !== name[0]) continue;
    const distance = editDistance(name, provider.name);
    const allowed = provider.name.length >= 8 ? 2 : 1;
    if (distance <= allowed && (!best || distance < best.distance)) best = { provider, distance };
  }
  return best?.provider;
}

/** The domain a typed one probably meant, or null when it looks right (or unknown but plausible). */
export function likelyDomain(typed: string): string | null {
  // A comma for a dot, a dot left at the end: slips too.
  const domain = typed.replace(/,/g, '.').replace(/\.+$/, '');
  if (KNOWN_DOMAINS.has(domain)) return domain === typed ? null : domain;
  const dot = domain.lastIndexOf('.');
  if (dot < 0) {
    // "gmail" or "gmailcom": the ending left out, or its dot.
    for (const p of PROVIDERS) for (const d of p.domains) if (domain === d.replace('.', '')) return d;
    return providerFor(domain)?.domains[0] ?? null;
  }
  const name = domain.slice(0, dot);
  const tld = domain.slice(dot + 1);
  const provider = name.includes('.') ? undefined : providerFor(name);
  if (provider) {
    const meant = PROVIDER_TLD_SLIPS[tld] ?? tld;
    const same = provider.domains.find((d) => d === `${provider.name}.${meant}`);
    if (same) return same === typed ? null : same;
    // yahoo.de, hotmail.it: a provider of many countries may well be right elsewhere.
    if (provider.countries && !(tld in PROVIDER_TLD_SLIPS) && name === provider.name) return null;
    return provider.domains[0] ?? null;
  }
  const meant = TLD_SLIPS[tld];
  return meant ? `${name}.${meant}` : null;
}

/** "camille@gmial.com" -> "camille@gmail.com"; null when nothing looks mistyped. Never forced on anyone: a hint. */
export function emailTypoSuggestion(input: string): string | null {
  const e = normaliseEmail(input);
  const at = e.lastIndexOf('@');
  if (at < 1 || at === e.length - 1) return null;
  const fix = likelyDomain(e.slice(at + 1));
  return fix ? `${e.slice(0, at + 1)}${fix}` : null;
}
