import { normaliseEmail } from './email.ts';

/**
 * E-mail addresses on a kiosk screen that anyone passing by can read. An address the person
 * did not type in this visit (the one a pending activation went to, an address waiting for
 * its confirmation) is shown masked: enough for its owner to recognise it, not enough for a
 * stranger to learn it. Pure code, shared with the renderer.
 */

const HIDDEN = '•••';

/** "jean.dupond@gmail.com" -> "j•••@gmail.com". The length of the name is not given away either. */
export function maskEmail(address: string): string {
  const e = normaliseEmail(address);
  const at = e.lastIndexOf('@');
  if (at < 0) return HIDDEN;
  const first = Array.from(e.slice(0, at))[0] ?? '';
  return `${first}${HIDDEN}${e.slice(at)}`;
}

/** The address as the screen may show it: whole when the person typed it in this visit, masked otherwise. */
export function emailForScreen(address: string, typedThisVisit: readonly string[]): string {
  const e = normaliseEmail(address);
  return e !== '' && typedThisVisit.some((typed) => normaliseEmail(typed) === e) ? e : maskEmail(e);
}
