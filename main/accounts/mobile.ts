import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** Metropolitan France and the overseas departments and collectivities that use +33 numbering plans. */
export const MOBILE_REGIONS = ['FR', 'GP', 'MQ', 'GF', 'RE', 'YT', 'MF', 'BL'] as const;

/**
 * A French mobile number as typed ("06 12 34 56 78", "+590 690 12 34 56"), in E.164, or null
 * when it is not a mobile number of those regions. Overseas numbers typed without their
 * prefix ("0690…") are recognised by their operator prefix.
 */
export function normaliseMobile(input: string): string | null {
  const compact = input.replace(/[\s.\-()]/g, '');
  if (!compact) return null;
  for (const region of MOBILE_REGIONS) {
    const n = parsePhoneNumberFromString(compact, region);
    if (!n?.isValid() || !n.country || !(MOBILE_REGIONS as readonly string[]).includes(n.country)) continue;
    const type = n.getType();
    if (type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE') return n.number;
  }
  return null;
}
