/**
 * The department codes of the trade registers, and which register letters each one uses.
 * Kept as data: Alsace-Moselle's local law gives those three departments the "registre des
 * entreprises" (RE) where every other department keeps the "répertoire des métiers" (RM).
 */
export type Register = 'RM' | 'RE';

const ALSACE_MOSELLE = new Set(['057', '067', '068']);

function metropolitan(): string[] {
  const codes: string[] = [];
  for (let n = 1; n <= 95; n++) {
    // Corsica's 20 was split into 2A and 2B in 1976; 020 no longer exists.
    if (n === 20) continue;
    codes.push(String(n).padStart(3, '0'));
  }
  return codes;
}

/** Every valid department code, on three characters. */
export const DEPARTMENT_CODES: readonly string[] = [
  ...metropolitan(),
  '02A',
  '02B',
  '971', // Guadeloupe
  '972', // Martinique
  '973', // Guyane
  '974', // La Réunion
  '975', // Saint-Pierre-et-Miquelon
  '976', // Mayotte
];

const KNOWN = new Set(DEPARTMENT_CODES);

export function isDepartment(code: string): boolean {
  return KNOWN.has(code);
}

/** The register a department keeps its craft businesses in. */
export function registerOf(department: string): Register {
  return ALSACE_MOSELLE.has(department) ? 'RE' : 'RM';
}

/** "78" -> "078", "2a" -> "02A"; anything else is returned upper-cased, unpadded. */
export function padDepartment(raw: string): string {
  const upper = raw.toUpperCase();
  if (/^\d{1,2}$/.test(upper)) return upper.padStart(3, '0');
  if (/^2[AB]$/.test(upper)) return `0${upper}`;
  return upper;
}
