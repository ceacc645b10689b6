import { useEffect, useState } from 'react';
import type { MessageKey } from '../i18n/fr.ts';
import { reloadAfterRestart, takeRestarted, watchLink } from './kiosk-client.ts';

/** What the person is told of the page's link to the kiosk (browser mode). */
export type LinkNotice = {
  key: Extract<MessageKey, `link.${string}`>;
  /** The screen it is about: a restart's words go once the person moves on. Null: any screen. */
  screen: string | null;
};

/**
 * What a restart of the kiosk does to the screen on show: `keep` what is typed (nothing of it
 * was in the kiosk yet, the identification form), `quiet` nothing to keep or say (the
 * welcome), `reload` the visit is lost (the kiosk forgot who was identified or logged in).
 */
export type AfterRestart = 'keep' | 'quiet' | 'reload';

/** What the page loaded again after a restart says first: the staff on their PIN screen, an artisan on the welcome. */
function afterReload(): LinkNotice | null {
  const restarted = takeRestarted();
  if (restarted === 'staff') return { key: 'link.restartedStaff', screen: 'staff-pin' };
  return restarted === 'visit' ? { key: 'link.restartedEnded', screen: 'welcome' } : null;
}

// A stream cut and back within this time (the browser reconnects in 2 s) is not worth a word.
const DOWN_GRACE_MS = 3000;

/**
 * Browser mode's link to the kiosk, in words: "the kiosk does not answer" while it is down; when
 * it restarted (the page holds its new token, kiosk-client.ts), what was typed stays where
 * nothing of it had reached the kiosk, and otherwise the page loads again, wiping the visit
 * (never carrying it into the next one), and says so on its welcome; a page too old for the
 * kiosk to know is told to call the desk.
 */
export function useBridgeLink(afterRestart: () => { what: AfterRestart; screen: string; staff: boolean }): LinkNotice | null {
  const [notice, setNotice] = useState<LinkNotice | null>(afterReload);
  useEffect(() => {
    let grace: number | undefined;
    const stop = watchLink((event) => {
      window.clearTimeout(grace);
      switch (event) {
        case 'down':
          grace = window.setTimeout(() => setNotice({ key: 'link.down', screen: null }), DOWN_GRACE_MS);
          return;
        case 'up':
          setNotice((n) => (n?.key === 'link.down' ? null : n));
          return;
        case 'renewed': {
          const { what, screen, staff } = afterRestart();
          if (what === 'reload') return reloadAfterRestart(staff ? 'staff' : 'visit');
          setNotice(what === 'keep' ? { key: 'link.restartedKept', screen } : null);
          return;
        }
        case 'refused':
          setNotice({ key: 'link.refused', screen: null });
          return;
        default: {
          const never: never = event;
          throw new Error(`unknown link event ${String(never)}`);
        }
      }
    });
    return () => {
      stop();
      window.clearTimeout(grace);
    };
  }, [afterRestart]);
  return notice;
}
