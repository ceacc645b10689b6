/**
 * Every error that crosses to the renderer, a closed list. Each has a French and an English
 * sentence in renderer/i18n; `message` is for logs and developers, never shown to people.
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN',
  'INTERNAL',
  // Raised by the renderer itself when the main process does not answer.
  'KIOSK_UNREACHABLE',
  // Audio mode: this machine has no speech synthesizer (the console says why, for IT).
  'SPEECH_UNAVAILABLE',
  'RM_EMPTY',
  'RM_FORMAT',
  'RM_SIREN_LENGTH',
  'RM_CHECKSUM',
  'RM_REGISTER',
  'RM_REGISTER_DEPARTMENT',
  'RM_DEPARTMENT',
  'DATE_EMPTY',
  'DATE_INCOMPLETE',
  'DATE_FORMAT',
  'DATE_INVALID',
  'DATE_FUTURE',
  'DATE_TOO_OLD',
  'DATE_TOO_YOUNG',
  // Accounts
  'SESSION_REQUIRED',
  'EMAIL_INVALID',
  'MOBILE_INVALID',
  'PASSWORD_WEAK',
  'PASSWORD_MISMATCH',
  'EMAIL_TAKEN',
  // "Ce n'est pas mon adresse" with the address the link went to already.
  'EMAIL_UNCHANGED',
  'ACCOUNT_EXISTS',
  'NOT_PENDING',
  'LOGIN_FAILED',
  'LOGIN_LOCKED',
  'LOGIN_OTHER_ARTISAN',
  'ADDRESS_INCOMPLETE',
  'POSTAL_CODE_INVALID',
  'REGISTRY_UNREACHABLE',
  'REGISTRY_ERROR',
  // The registry's word on this visit's account contradicts itself or what the kiosk knows
  // (main/accounts/account-trust.ts): not confirmed, not logged in, for the rest of the visit.
  'REGISTRY_UNTRUSTED',
  // Photo and card
  'PHOTO_INVALID',
  'PHOTO_TOO_LARGE',
  // No card leaves without the artisan's photo (e-mail, phone, paper, PVC).
  'PHOTO_REQUIRED',
  'CARD_RADIATED',
  // Staff
  'PIN_FORMAT',
  'PIN_REPEATED',
  'PIN_SEQUENCE',
  'PIN_DATE',
  'PIN_MISMATCH',
  'PIN_CURRENT_WRONG',
  'PIN_UNCHANGED',
  'PIN_WRONG',
  'PIN_LOCKED',
  'STAFF_NAME_REQUIRED',
  'STAFF_REQUIRED',
  'PIN_TAKEN',
  'STAFF_SELF',
  'STAFF_NOT_FOUND',
  // PVC orders and printers
  'ORDER_NOT_FOUND',
  'ORDER_STATE',
  'REASON_REQUIRED',
  'PRINTER_NOT_SET',
  'PRINTER_INVALID',
  // The card printer is set but not ready (params.state): no payment is taken.
  'CARD_PRINTER_NOT_READY',
  // The receipt printer said it cannot print (no paper, cover open, error): no payment is taken
  // unless staff choose to go on without a receipt.
  'RECEIPT_PRINTER_NOT_READY',
  // The card sheet did not reach the office printer (params.kind): the order stays open.
  'PAPER_PRINT_FAILED',
  // The card sheet went to the office printer and has not come out yet: the order stays open,
  // its card kept, and asking again sends no second sheet while this one may still come out.
  'PAPER_PRINT_PENDING',
  // A card by e-mail stopped before sending (params.reason: an EmailRefusal of shared/staff.ts):
  // nothing sent or queued, the order still open with its payment.
  'CARD_EMAIL_REFUSED',
  // Secrets and settings
  'SECRET_INVALID',
  'KEYCHAIN_UNAVAILABLE',
  'REGISTRY_URL_INVALID',
  'KIOSK_ID_INVALID',
  'REGISTRY_PARTIAL',
  'REGISTRY_NEEDS_KEYCHAIN',
  'REGISTRY_NEEDS_SECRET',
  'CHAMBER_INVALID',
  'IDLE_INVALID',
  // Staff-assisted issuance
  'ISSUANCE_REQUIRED',
  'SEARCH_TOO_SHORT',
  'REPLICA_LOADING',
  'NO_ACCOUNT',
  // "Caisse du jour": a day after today has no till.
  'TILL_DAY_INVALID',
  // The journal: a day after today; the entries to print are not those the filters select now.
  'JOURNAL_DAY_INVALID',
  'JOURNAL_CHANGED',
  // A print job staff asked to cancel: not this kiosk's; never handed to the spooler (nothing to
  // cancel there); the spooler could not be asked (params.kind), so it was not cancelled and may print.
  'PRINT_JOB_NOT_FOUND',
  'PRINT_JOB_NOT_SENT',
  'PRINT_CANCEL_FAILED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The form field an error belongs to, so the screen can put it above that field. */
export type ErrorField =
  | 'rmNumber'
  | 'birthDate'
  | 'email'
  | 'mobile'
  | 'password'
  | 'confirmation'
  | 'deliveryAddress'
  // The staff console's settings
  | 'registryUrl'
  | 'kioskId'
  | 'chamber'
  | 'idleWarnS'
  | 'idleEndS'
  // The console's secrets
  | 'registrySecret'
  // The staff PIN forms: first run, a colleague added, one's own PIN changed
  | 'staffName'
  | 'pin'
  | 'pinConfirmation'
  | 'memberName'
  | 'memberPin'
  | 'memberPinConfirmation'
  | 'currentPin'
  | 'newPin'
  | 'newPinConfirmation';

/** One refused field of a form, with the reason. */
export type FieldProblem = { field: ErrorField; code: ErrorCode };

/**
 * `code` (and `field`) name the first problem; `problems` lists every refused field when a
 * form has several, so the screen can show them all at once.
 */
export type KioskError = {
  code: ErrorCode;
  message: string;
  field?: ErrorField;
  problems?: FieldProblem[];
  /** Values the sentence names: attempts left, until when. */
  params?: Record<string, string | number>;
};

export type Result<T> = { ok: true; value: T } | { ok: false; error: KioskError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** A refusal: an error built in place (with params or problems), or a code, a message for the logs, and the field. */
export function fail<T = never>(error: KioskError): Result<T>;
export function fail<T = never>(code: ErrorCode, message: string, field?: ErrorField): Result<T>;
export function fail<T = never>(codeOrError: ErrorCode | KioskError, message = '', field?: ErrorField): Result<T> {
  if (typeof codeOrError === 'object') return { ok: false, error: codeOrError };
  return { ok: false, error: field ? { code: codeOrError, message, field } : { code: codeOrError, message } };
}

/** A form refused field by field. `problems` must not be empty. */
export function failFields<T = never>(problems: [FieldProblem, ...FieldProblem[]], message: string): Result<T> {
  const [first] = problems;
  return { ok: false, error: { code: first.code, field: first.field, message, problems } };
}
