import { useEffect, useState } from 'react';
import { kiosk } from './kiosk-client.ts';
import type { VisitState } from './visit-state.ts';

/**
 * The waiting screen's link to the demo mailbox (demo mode only): asked once for each address
 * the link went to, and forgotten as soon as the screen is left, so the next visit never shows
 * it. The kiosk grants a link to this artisan's own mail only (`accounts:demo-mailbox`).
 */
export function useDemoMailbox(visit: VisitState, enabled: boolean): string | null {
  const email = enabled && visit.screen === 'check-mail' && !visit.activated ? visit.email : null;
  const [link, setLink] = useState<{ email: string; url: string } | null>(null);
  useEffect(() => {
    setLink(null);
    if (email === null) return;
    let current = true;
    void kiosk()
      .invoke('accounts:demo-mailbox', {})
      .then((r) => {
        if (current && r.ok && r.value.url) setLink({ email, url: r.value.url });
      });
    return () => {
      current = false;
    };
  }, [email]);
  return link && link.email === email ? link.url : null;
}
