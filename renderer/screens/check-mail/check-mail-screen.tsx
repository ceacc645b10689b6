import { useEffect } from 'react';
import type { FieldError } from '../../app/flow.ts';
import { Notices } from '../../components/notices.tsx';
import { QrCode } from '../../components/qr-code.tsx';
import { ScreenHeading } from '../../components/screen-heading.tsx';
import type { MessageKey } from '../../i18n/fr.ts';
import { useT } from '../../i18n/index.tsx';

export type CheckMailScreenProps = {
  email: string | null;
  mailboxUrl: string | null;
  notices: MessageKey[];
  error: FieldError | undefined;
  /** Asks the kiosk whether the link was followed; called every few seconds. */
  onPoll(): void;
  onResend(): void;
};

const POLL_MS = 2000;

/** "Vérifiez votre boîte mail": the kiosk goes on by itself once the link is followed. */
export function CheckMailScreen({ email, mailboxUrl, notices, error, onPoll, onResend }: CheckMailScreenProps) {
  const { t } = useT();
  useEffect(() => {
    const timer = setInterval(onPoll, POLL_MS);
    return () => clearInterval(timer);
  }, [onPoll]);
  return (
    <main id="main" className="screen check-mail-screen">
      <ScreenHeading>{t('checkMail.heading')}</ScreenHeading>
      <p className="lead">{t('checkMail.body', { email: email ?? '' })}</p>
      <p className="waiting" role="status">
        <span className="spinner" aria-hidden="true" /> {t('checkMail.waiting')}
      </p>
      <Notices keys={notices} params={{ email: email ?? '' }} />
      {error && (
        <p className="error-message" role="alert">
          {t(error.key, error.params)}
        </p>
      )}
      <button type="button" className="button button-secondary button-wide" onClick={onResend}>
        {t('checkMail.resend')}
      </button>
      {mailboxUrl && (
        <section className="help-body demo-mailbox">
          <p>{t('checkMail.demo')}</p>
          <p>
            <a href={mailboxUrl} target="_blank" rel="noopener noreferrer">
              {t('checkMail.demoLink')}
            </a>
          </p>
          <QrCode text={mailboxUrl} label={t('checkMail.demoQr')} />
        </section>
      )}
    </main>
  );
}
