import { useEffect, useState } from 'react';
import { useT } from '../i18n/index.tsx';

/** After this long without an answer the wait is said: an answer from the kiosk alone comes well before. */
export const SAY_WAIT_AFTER_MS = 1200;

/**
 * A wait that lasts (the registry slow to answer an activation, a login, a card) said in words.
 * A button that shows nothing for seconds gets pressed again, or the artisan thinks the kiosk
 * froze and walks away. A polite live region (read out in audio mode too), shown over the
 * screen so that it is seen wherever the page is scrolled; what was typed is not touched.
 */
export function WaitNotice({ pending }: { pending: boolean }) {
  const { t } = useT();
  const [long, setLong] = useState(false);
  useEffect(() => {
    if (!pending) {
      setLong(false);
      return;
    }
    const timer = setTimeout(() => setLong(true), SAY_WAIT_AFTER_MS);
    return () => clearTimeout(timer);
  }, [pending]);
  return (
    <div role="status" aria-live="polite" className={long ? 'wait-notice panel panel-neutral' : 'visually-empty'}>
      {long && <p>{t('app.waiting')}</p>}
    </div>
  );
}
