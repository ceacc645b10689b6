import { parseRmNumber, type RmRefusal } from '../../../main/shared/rules/rm-number.ts';
import type { FieldError } from '../../app/machine.ts';
import type { MessageKey } from '../../i18n/fr.ts';

// The sentence the kiosk's refusal of each part turns into (main/shared/errors.ts names the codes).
const SENTENCES: readonly (readonly [RmRefusal, MessageKey])[] = [
  ['empty', 'error.RM_EMPTY'],
  ['format', 'error.RM_FORMAT'],
  ['siren-length', 'error.RM_SIREN_LENGTH'],
  ['siren-checksum', 'error.RM_CHECKSUM'],
  ['register', 'error.RM_REGISTER'],
  ['register-department', 'error.RM_REGISTER_DEPARTMENT'],
  ['department', 'error.RM_DEPARTMENT'],
];

/**
 * The RM number's error as the screen shows it now, from the refusal and what is typed:
 * gone once the person has put right what it was about (the same rule runs here as in the
 * kiosk), and naming a department that does not exist ("2C n'est pas un numéro de
 * département"). Any other error is left as it came.
 */
export function rmErrorNow(error: FieldError | undefined, typed: string): FieldError | undefined {
  if (!error) return undefined;
  const refused = SENTENCES.find(([, key]) => key === error.key)?.[0];
  if (!refused) return error;
  const now = parseRmNumber(typed);
  if (now.ok || now.reason !== refused) return undefined;
  if (now.reason === 'department' && now.department !== '') return { key: 'identify.rm.noSuchDepartment', params: { department: now.department } };
  return error;
}
