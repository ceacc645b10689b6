/**
 * What the kiosk window may do, as pure decisions the Electron handlers consult
 * (main/index.ts): tested without Electron, applied with it.
 */

export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://kiosk';

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    // Custom schemes report origin "null" in WHATWG URL: rebuild it from scheme and host.
    return parsed.protocol === `${APP_SCHEME}:` ? `${APP_SCHEME}://${parsed.host}` : parsed.origin;
  } catch {
    return null;
  }
}

/** The origin of a frame's URL, as handle() expects it; null when it cannot be read. */
export function callerOrigin(frameUrl: string | undefined): string | null {
  return frameUrl ? originOf(frameUrl) : null;
}

/** The window only ever shows the app's own pages. */
export function isAllowedNavigation(url: string): boolean {
  return originOf(url) === APP_ORIGIN;
}

/** The camera, for the ID photo, is the one permission, and only for the app's origin. */
export function isPermissionAllowed(permission: string, requestingUrl: string, mediaTypes: readonly string[] = []): boolean {
  if (originOf(requestingUrl) !== APP_ORIGIN) return false;
  return permission === 'media' && mediaTypes.length > 0 && mediaTypes.every((t) => t === 'video');
}

/**
 * Chromium's permission checks (asked without a prompt, e.g. before listing devices), for the
 * app's origin: the camera (`mediaType` "video") and "audio". The audio check is what lets
 * `enumerateDevices()` list the audio outputs with their ids, so audio mode sees headphones
 * plugged in and plays on them (`setSinkId`); Electron routes that listing through this check
 * (electron/electron#42713, fixed by #42775). It grants no microphone: capturing sound is a
 * permission *request*, which `isPermissionAllowed` refuses for anything but the camera.
 */
export function isPermissionCheckAllowed(permission: string, requestingOrigin: string, mediaType: string | undefined): boolean {
  return permission === 'media' && (mediaType === 'video' || mediaType === 'audio') && originOf(requestingOrigin) === APP_ORIGIN;
}

export type KeyInput = { type: string; key: string; control: boolean; meta: boolean; alt: boolean; shift: boolean };

/**
 * Shortcuts that would reload, close, zoom or open devtools: blocked in production, so a
 * visitor cannot leave the kiosk or break its layout from a keyboard left on the desk.
 */
export function isBlockedShortcut(input: KeyInput): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.toLowerCase();
  const mod = input.control || input.meta;
  if (key === 'f5' || key === 'f11' || key === 'f12') return true;
  if (input.alt && key === 'f4') return true;
  if (mod && ['r', 'w', 'q', 'n', 't', 'p', 's', 'o', '+', '-', '=', '0'].includes(key)) return true;
  if (mod && input.shift && ['i', 'j', 'c'].includes(key)) return true;
  return false;
}
