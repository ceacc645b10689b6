/**
 * What makes a registry configuration usable, whoever gives it: IT through the environment
 * (KIOSK_REGISTRY_URL, KIOSK_ID, KIOSK_REGISTRY_SECRET, checked at start) or staff in the
 * console (checked at save). One rule, so the two never disagree about the same value.
 */

/** The address: https, or plain http on this machine only. */
export function registryUrlOk(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  return url.protocol === 'https:' || (url.protocol === 'http:' && loopback);
}

/** The kiosk id the registry knows it by: letters, digits, `_`, `.` and `-`, no space. */
export function kioskIdOk(value: string): boolean {
  return /^[\w.-]{1,100}$/.test(value);
}

/** The shortest registry secret accepted: shorter ones are guessable. */
export const REGISTRY_SECRET_MIN = 16;

/** The registry secret: at least 16 characters, no space at either end (a copy-paste slip). */
export function registrySecretOk(value: string): boolean {
  return value.length >= REGISTRY_SECRET_MIN && value.length <= 200 && value.trim() === value;
}
