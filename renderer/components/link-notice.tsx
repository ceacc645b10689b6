import type { LinkNotice as Notice } from '../app/bridge-link.ts';
import { useT } from '../i18n/index.tsx';

/**
 * The page's link to the kiosk, in words (bridge-link.ts): a polite live region for what passes
 * (the kiosk does not answer, it restarted), an alert for what needs the desk.
 */
export function LinkNotice({ notice, screen }: { notice: Notice | null; screen: string }) {
  const { t } = useT();
  const shown = notice && (notice.screen === null || notice.screen === screen) ? notice : null;
  const refused = shown?.key === 'link.refused';
  return (
    <>
      <div role="status" aria-live="polite" className={shown && !refused ? 'link-notice panel panel-warning' : 'visually-empty'}>
        {shown && !refused && <p>{t(shown.key)}</p>}
      </div>
      {refused && (
        <div role="alert" className="link-notice panel panel-warning">
          <p>{t(shown.key)}</p>
        </div>
      )}
    </>
  );
}
