import { useEffect } from 'react';
import { emailForScreen } from '../../../main/rules/email-mask.ts';
import type { FieldError } from '../../app/flow.ts';
import { AlertMessage } from '../../components/alert-message.tsx';
import { Notices } from '../../components/notices.tsx';
import { QrCode } from '../../components/qr-code.tsx';
import { ScreenHeading } from '../../components/screen-heading.tsx';
import type { MessageKey } from '../../i18n/fr.ts';
import { useT } from '../../i18n/index.tsx';

export type CheckMailScreenProps = {
  email: string | null;
  /** The address typed to activate in this visit, if any: only that one is shown whole. */
  typedEmail: string;
  mailboxUrl: string | null;
  notices: MessageKey[];
  error: FieldError | undefined;
  /** Asks the kiosk whether the link was followed; called every few seconds. */
  onPoll(): void;
  onResend(): void;
};

const POLL_MS = 2000;

/** "Vérifiez votre boîte mail": the kiosk goes on by itself once the link is followed. */
export function CheckMailScreen({ email, typedEmail, mailboxUrl, notices, error, onPoll, onResend }: CheckMailScreenProps) {
  const { t } = useT();
  // A pending activation found again shows where its link went, masked: whoever stands at
  // the kiosk has proved a date of birth, not that they own the mailbox.
  const shown = email ? emailForScreen(email, [typedEmail]) : '';
  useEffect(() => {
    const timer = setInterval(onPoll, POLL_MS);
    return () => clearInterval(timer);
  }, [onPoll]);
  return (
    <main id="main" className="screen check-mail-screen">
      <ScreenHeading>{t('checkMail.heading')}</ScreenHeading>
      <p className="lead">{t('checkMail.body', { email: shown })}</p>
      <p className="waiting" role="status">
        <span className="spinner" aria-hidden="true" /> {t('checkMail.waiting')}
      </p>
      <Notices keys={notices} params={{ email: shown }} />
      <AlertMessage error={error} />
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
