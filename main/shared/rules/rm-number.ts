import { isDepartment, padDepartment, type Register, registerOf } from './departments.ts';
import { luhnValid } from './luhn.ts';

/** Why an RM number was refused; names the part that is wrong (see shared/domain). */
export type RmRefusal = 'empty' | 'format' | 'siren-length' | 'siren-checksum' | 'register' | 'register-department' | 'department';

export type RmNumber = {
  /** Normalised: SIREN + register + 3-character department, upper case, no separators. */
  rmNumber: string;
  siren: string;
  register: Register;
  department: string;
};

/** A refused department carries the code as it was typed ("2C", "096", "" when left out), for the sentence to name it. */
export type RmParse =
  | { ok: true; value: RmNumber }
  | { ok: false; reason: Exclude<RmRefusal, 'department'> }
  | { ok: false; reason: 'department'; department: string };

// Spaces of every kind (including the non-breaking ones a copy-paste brings), dots, dashes
// and slashes are separators people write; they carry no meaning.
const SEPARATORS = /[\s\u00a0\u202f.\-_/]+/g;
// Digits, then letters, then the department: digits, or a digit and a letter like Corsica's
// 2A/2B (optional leading 0). "2C" is shaped like a department, so it is refused as one
// that does not exist, not as a number written wrong.
const SHAPE = /^(\d+)([A-Z]+)(\d{0,3}|0?\d[A-Z])$/;

export function parseRmNumber(input: string): RmParse {
  const compact = input.replace(SEPARATORS, '').toUpperCase();
  if (compact === '') return { ok: false, reason: 'empty' };
  const match = SHAPE.exec(compact);
  if (!match) return { ok: false, reason: 'format' };
  const [, siren = '', letters = '', rawDepartment = ''] = match;

  if (siren.length !== 9) return { ok: false, reason: 'siren-length' };
  if (!luhnValid(siren)) return { ok: false, reason: 'siren-checksum' };
  if (letters !== 'RM' && letters !== 'RE') return { ok: false, reason: 'register' };

  const department = padDepartment(rawDepartment);
  if (!isDepartment(department)) return { ok: false, reason: 'department', department: rawDepartment };
  if (registerOf(department) !== letters) return { ok: false, reason: 'register-department' };

  return { ok: true, value: { rmNumber: `${siren}${letters}${department}`, siren, register: letters, department } };
}
