import { parseArgs } from 'node:util';
import { parseRmNumber, type RmRefusal } from '../identity/rm-number.ts';

/** One sentence per refusal, for people reading a terminal (the screens have their own). */
export const RM_REFUSAL_MESSAGES: Record<RmRefusal, string> = {
  empty: 'No RM number was given.',
  format: 'Expected the 9 digits of the SIREN, then RM or RE, then the department (e.g. 123 123 127 RM 078).',
  'siren-length': 'The SIREN must have exactly 9 digits.',
  'siren-checksum': 'The last digit of the SIREN does not match the first 8 (Luhn check): check the 9 digits.',
  register: 'After the SIREN, the register letters must be RM or RE.',
  'register-department': 'The register letters do not match the department: RE in 57, 67 and 68, RM elsewhere.',
  department: 'The department code does not exist (001-095 but 020, 02A, 02B, 971-976).',
};

export async function rmCheck(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, allowPositionals: true, strict: true });
  const input = positionals.join(' ');
  const result = parseRmNumber(input);
  const out = result.ok ? { ok: true, ...result.value } : { ok: false, reason: result.reason, message: RM_REFUSAL_MESSAGES[result.reason] };
  if (values.json) console.log(JSON.stringify(out));
  else
    console.log(
      result.ok
        ? `${result.value.rmNumber}: valid (SIREN ${result.value.siren}, ${result.value.register}, department ${result.value.department})`
        : `Refused (${result.reason}): ${RM_REFUSAL_MESSAGES[result.reason]}`,
    );
  return result.ok ? 0 : 1;
}
