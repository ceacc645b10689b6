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

export type RmParse = { ok: true; value: RmNumber } | { ok: false; reason: RmRefusal };

// Spaces of every kind (including the non-breaking ones a copy-paste brings), dots, dashes
// and slashes are separators people write; they carry no meaning.
const SEPARATORS = /[\s\u00a0\u202f.\-_/]+/g;
// Digits, then letters, then the department (digits, or 2A/2B with an optional leading 0).
const SHAPE = /^(\d+)([A-Z]+)(\d{0,3}|0?2[AB])$/;

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
  if (!isDepartment(department)) return { ok: false, reason: 'department' };
  if (registerOf(department) !== letters) return { ok: false, reason: 'register-department' };

  return { ok: true, value: { rmNumber: `${siren}${letters}${department}`, siren, register: letters, department } };
}
