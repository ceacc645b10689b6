import type { Channel, InputOf, OutputOf } from '../../main/api/contract.ts';
import type { Result } from '../../main/api/errors.ts';
import type { KioskApi } from '../../main/api/kiosk-api.ts';

const TOKEN_KEY = 'kiosk-token';

/**
 * Browser mode's side of the bridge. The launch URL carries the token once: it is moved to
 * sessionStorage (so a reload still works) and removed from the address bar.
 */
function bridgeClient(): KioskApi {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  const token = fromUrl ?? sessionStorage.getItem(TOKEN_KEY) ?? '';
  return {
    async invoke<C extends Channel>(channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>>> {
      try {
        const response = await fetch(`/api/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(input),
        });
        return (await response.json()) as Result<OutputOf<C>>;
      } catch {
        return { ok: false, error: { code: 'KIOSK_UNREACHABLE', message: 'bridge did not answer' } };
      }
    },
  };
}

let client: KioskApi | undefined;

/** The kiosk API: the preload's in Electron, the loopback bridge in browser mode. */
export function kiosk(): KioskApi {
  client ??= window.kiosk ?? bridgeClient();
  return client;
}
