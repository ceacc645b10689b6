/**
 * The key that hashes dates of birth lives in the keychain (kiosk-secrets.ts). Kiosks from
 * before the keychain kept it in this file of the data directory: read once, moved into the
 * keychain, then deleted.
 */
export const LEGACY_BIRTH_DATE_KEY_FILE = 'birth-date-hmac.key';
