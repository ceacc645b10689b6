import type { ErrorCode } from '../shared/errors.ts';
import type { BirthDateRefusal } from './birth-date.ts';
import type { RmRefusal } from './rm-number.ts';

/** The error code each refusal of what was typed (the RM number, the date of birth) crosses the contract as. */
export const RM_ERROR: Record<RmRefusal, ErrorCode> = {
  empty: 'RM_EMPTY',
  format: 'RM_FORMAT',
  'siren-length': 'RM_SIREN_LENGTH',
  'siren-checksum': 'RM_CHECKSUM',
  register: 'RM_REGISTER',
  'register-department': 'RM_REGISTER_DEPARTMENT',
  department: 'RM_DEPARTMENT',
};

export const DATE_ERROR: Record<BirthDateRefusal, ErrorCode> = {
  'date-empty': 'DATE_EMPTY',
  'date-incomplete': 'DATE_INCOMPLETE',
  'date-format': 'DATE_FORMAT',
  'date-invalid': 'DATE_INVALID',
  'date-future': 'DATE_FUTURE',
  'date-too-old': 'DATE_TOO_OLD',
  'date-too-young': 'DATE_TOO_YOUNG',
};
