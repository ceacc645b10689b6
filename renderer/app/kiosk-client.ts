import type { Channel, InputOf, KioskEvent, OutputOf } from '../../main/api/contract.ts';
import type { KioskApi } from '../../main/api/kiosk-api.ts';
import type { Result } from '../../main/shared/errors.ts';

const TOKEN_KEY = 'kiosk-token';

/**
 * Said to a listener once its events flow (and again after the stream was cut and came back):
 * whatever changed before was not heard, so the screen reads once what it shows.
 */
export type Subscribed = { kind: 'subscribed' };
export type Heard = KioskEvent | Subscribed;
type Listener = (event: Heard) => void;

const SUBSCRIBED: Subscribed = { kind: 'subscribed' };
// A stream the bridge refused (a 503 while too many are open) is tried again this much later. A
// 401 (the kiosk restarted, with a new token) is refused each time: only the new address helps.
const REOPEN_MS = 5000;

/**
 * Browser mode's events: one EventSource on GET /api/events for all the listeners of the page,
 * open only while someone listens. EventSource cannot send headers: the token goes in the
 * query string, which the bridge accepts for this endpoint only.
 */
function eventStream(token: string) {
  const listeners = new Set<Listener>();
  let source: EventSource | null = null;
  let reopen: number | undefined;
  const tell = (event: Heard) => {
    for (const listener of [...listeners]) listener(event);
  };
  const open = () => {
    const s = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    source = s;
    s.onopen = () => tell(SUBSCRIBED);
    s.onmessage = (message: MessageEvent<string>) => {
      let event: unknown;
      try {
        event = JSON.parse(message.data);
      } catch {
        return;
      }
      if (typeof event === 'object' && event !== null && typeof (event as { kind?: unknown }).kind === 'string') tell(event as KioskEvent);
    };
    s.onerror = () => {
      // Cut: the browser reconnects by itself (onopen says so). Refused: closed for good, so
      // opened again a little later, while someone still listens.
      if (s.readyState !== EventSource.CLOSED) return;
      source = null;
      reopen = window.setTimeout(() => {
        reopen = undefined;
        if (listeners.size > 0 && !source) open();
      }, REOPEN_MS);
    };
  };
  return (listener: Listener): (() => void) => {
    listeners.add(listener);
    if (!source && reopen === undefined) open();
    else if (source?.readyState === EventSource.OPEN) queueMicrotask(() => listeners.has(listener) && listener(SUBSCRIBED));
    return () => {
      listeners.delete(listener);
      if (listeners.size > 0) return;
      source?.close();
      source = null;
      window.clearTimeout(reopen);
      reopen = undefined;
    };
  };
}

let stream: ((listener: Listener) => () => void) | undefined;

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
  const events = eventStream(token);
  stream = events;
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
    subscribe: (listener) =>
      events((event) => {
        if (event.kind !== 'subscribed') listener(event);
      }),
  };
}

let client: KioskApi | undefined;

/** The kiosk API: the preload's in Electron, the loopback bridge in browser mode. */
export function kiosk(): KioskApi {
  client ??= window.kiosk ?? bridgeClient();
  return client;
}

/**
 * Hears the main process's events, in Electron (IPC) and in browser mode (Server-Sent Events)
 * alike; `subscribed` first, once they flow. Returns the function that stops hearing them.
 * Screens listen instead of polling: on an event, they read again what they show.
 */
export function subscribe(listener: Listener): () => void {
  const api = kiosk();
  if (stream) return stream(listener);
  // IPC is there from the start: events flow as soon as the listener is set.
  let on = true;
  const stop = api.subscribe(listener);
  queueMicrotask(() => on && listener(SUBSCRIBED));
  return () => {
    on = false;
    stop();
  };
}
