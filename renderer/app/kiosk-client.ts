import type { Channel, InputOf, KioskEvent, OutputOf } from '../../main/api/contract.ts';
import type { KioskApi } from '../../main/api/kiosk-api.ts';
import type { Result } from '../../main/shared/errors.ts';

const TOKEN_KEY = 'kiosk-token';
// Where a page open across a restart swaps its token (main/browser/bridge.ts).
const RENEW_PATH = '/api/renew';

/**
 * Said to a listener once its events flow (and again after the stream was cut and came back):
 * whatever changed before was not heard, so the screen reads once what it shows.
 */
export type Subscribed = { kind: 'subscribed' };
export type Heard = KioskEvent | Subscribed;
type Listener = (event: Heard) => void;

const SUBSCRIBED: Subscribed = { kind: 'subscribed' };
// A stream the bridge refused (a 503 while too many are open), or a kiosk that did not answer
// whether it knows this page, is tried again this much later.
const REOPEN_MS = 5000;
// Set once the page reloads after a restart (reloadAfterRestart): nothing more is sent from it.
const RESTARTED_KEY = 'kiosk-restarted';

/**
 * How the page's link to the kiosk went, in browser mode (Electron's IPC does not break):
 * `down` the kiosk does not answer (stopped, restarting); `up` it answers again; `renewed` it
 * restarted and the page now holds the new launch's token (main/browser/token-handoff.ts);
 * `refused` it refuses this page's token and has no other for it (the page is too old).
 */
export type LinkEvent = 'down' | 'up' | 'renewed' | 'refused';
type Renewal = 'same' | 'renewed' | 'refused' | 'down';

const linkListeners = new Set<(event: LinkEvent) => void>();
let lastLink: LinkEvent = 'up';
// While the kiosk is down, the page asks it this often whether it is back (linkCheck).
const LINK_CHECK_MS = 2000;
let linkCheck: (() => void) | undefined;
let checking: number | undefined;
const tellLink = (event: LinkEvent) => {
  // `renewed` is said each time; the others when they change.
  if (event === lastLink && event !== 'renewed') return;
  lastLink = event;
  // A call that met a kiosk down may be the page's last word to it (no events open on the
  // screen, the person waiting for an answer): the page keeps asking until it is back, so a
  // restart is noticed, and said, without anyone touching the screen.
  window.clearTimeout(checking);
  checking = event === 'down' && linkCheck ? window.setTimeout(() => linkCheck?.(), LINK_CHECK_MS) : undefined;
  for (const listener of [...linkListeners]) listener(event);
};

/** Hears how the page's link to the kiosk goes (browser mode only). Returns the function that stops. */
export function watchLink(listener: (event: LinkEvent) => void): () => void {
  linkListeners.add(listener);
  return () => linkListeners.delete(listener);
}

let reloading = false;
/**
 * After a restart that the visit on screen cannot survive (the kiosk forgot it): the page is
 * loaded again, with the new token and nothing of the visit, and says why on its welcome.
 */
export function reloadAfterRestart(who: Restarted = 'visit'): void {
  reloading = true;
  sessionStorage.setItem(RESTARTED_KEY, who);
  window.location.reload();
}

/** Whose screen the restart ended: an artisan's visit, or the staff console (told to sign in again). */
export type Restarted = 'visit' | 'staff';
let restartedAtLoad: Restarted | null | undefined;
/** Whether, and whose screen, this page was loaded again after a restart: read from the tab once, then gone from it. */
export function takeRestarted(): Restarted | null {
  if (restartedAtLoad === undefined) {
    const kept = sessionStorage.getItem(RESTARTED_KEY);
    restartedAtLoad = kept === 'visit' || kept === 'staff' ? kept : null;
    sessionStorage.removeItem(RESTARTED_KEY);
  }
  return restartedAtLoad;
}

/**
 * Browser mode's events: one EventSource on GET /api/events for all the listeners of the page,
 * open only while someone listens. EventSource cannot send headers: the token goes in the
 * query string, which the bridge accepts for this endpoint only.
 */
function eventStream(token: () => string, renew: () => Promise<Renewal>) {
  const listeners = new Set<Listener>();
  let source: EventSource | null = null;
  let reopen: number | undefined;
  const tell = (event: Heard) => {
    for (const listener of [...listeners]) listener(event);
  };
  const open = () => {
    const openedWith = token();
    const s = new EventSource(`/api/events?token=${encodeURIComponent(openedWith)}`);
    source = s;
    s.onopen = () => {
      tellLink('up');
      tell(SUBSCRIBED);
    };
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
      // Cut: the browser reconnects by itself (onopen says so); meanwhile the kiosk is down.
      if (s.readyState !== EventSource.CLOSED) return tellLink('down');
      // Refused: closed for good. An EventSource does not tell why, so the page asks the
      // kiosk whether it still knows this page's token: a restart swaps it and the stream
      // opens again at once; a 503 or no answer, a little later; a token it refuses, never.
      source = null;
      if (reloading) return;
      void renew().then((renewal) => {
        if (renewal === 'refused' || reloading || listeners.size === 0 || source || reopen !== undefined) return;
        reopen = window.setTimeout(
          () => {
            reopen = undefined;
            if (listeners.size > 0 && !source) open();
          },
          // The page's link check may have swapped the token first: opened again at once too.
          renewal === 'renewed' || token() !== openedWith ? 0 : REOPEN_MS,
        );
      });
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
  let token = fromUrl ?? sessionStorage.getItem(TOKEN_KEY) ?? '';
  // One question at a time, whoever meets the refusal first (the stream or a call).
  let renewing: Promise<Renewal> | null = null;
  const ask = async (): Promise<Renewal> => {
    try {
      const response = await fetch(RENEW_PATH, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: '{}',
      });
      if (response.status === 401 || response.status === 403) return 'refused';
      const body = (await response.json()) as { ok?: boolean; value?: { token?: unknown } };
      const fresh = body.value?.token;
      if (!response.ok || typeof fresh !== 'string' || fresh === '') return 'down';
      if (fresh === token) return 'same';
      token = fresh;
      sessionStorage.setItem(TOKEN_KEY, fresh);
      return 'renewed';
    } catch {
      return 'down';
    }
  };
  const renew = () => {
    renewing ??= ask().then((renewal) => {
      renewing = null;
      if (renewal === 'same') tellLink('up');
      else tellLink(renewal);
      return renewal;
    });
    return renewing;
  };
  // Still down: asked again (tellLink only sets the next question when the link changes).
  linkCheck = () => {
    if (reloading) return;
    void renew().then((renewal) => {
      if (renewal === 'down' && lastLink === 'down' && !reloading) checking = window.setTimeout(() => linkCheck?.(), LINK_CHECK_MS);
    });
  };
  const events = eventStream(() => token, renew);
  stream = events;
  const send = (channel: Channel, input: unknown) =>
    fetch(`/api/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(input),
    });
  return {
    async invoke<C extends Channel>(channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>>> {
      try {
        let response = await send(channel, input);
        // Refused for its token: the kiosk restarted. A call refused was never run, so it is
        // sent again with the new token, unless the page is reloading (the visit was lost).
        if (response.status === 401 && (await renew()) === 'renewed' && !reloading) response = await send(channel, input);
        if (response.ok) tellLink('up');
        return (await response.json()) as Result<OutputOf<C>>;
      } catch {
        tellLink('down');
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
