import { emailForScreen } from '../../../main/shared/rules/email-mask.ts';
import type { FieldError } from '../../app/machine.ts';
import { AlertMessage } from '../../components/alert-message.tsx';
import { Notices } from '../../components/notices.tsx';
import { QrCode } from '../../components/qr-code.tsx';
import { ScreenHeading } from '../../components/screen-heading.tsx';
import { useSeen } from '../../components/use-seen.ts';
import type { MessageKey } from '../../i18n/fr.ts';
import { useT } from '../../i18n/index.tsx';

export type CheckMailScreenProps = {
  email: string | null;
  /** The addresses typed in this visit (to activate, or a new one): only those are shown whole. */
  typedEmails: readonly string[];
  mailboxUrl: string | null;
  notices: MessageKey[];
  error: FieldError | undefined;
  /** Set once the link was followed: the screen says so, and waits for "Continuer". */
  activated: { loggedIn: boolean } | null;
  onResend(): void;
  /** "Ce n'est pas mon adresse": the link went to a wrong address. */
  onNotMine(): void;
  /** After "Votre compte est activé": on to the artisan's space, or to log in. */
  onContinue(): void;
  /** "Se connecter", once the registry's word on the account is not believed. */
  onLogin(): void;
};

/**
 * "Vérifiez votre boîte mail": the kiosk sees by itself when the link is followed, and says so
 * (the kiosk's `mail-confirmed` event, heard in app/activation-actions.ts: this screen never polls).
 */
export function CheckMailScreen({ email, typedEmails, mailboxUrl, notices, error, activated, onResend, onNotMine, onContinue, onLogin }: CheckMailScreenProps) {
  const { t } = useT();
  // A pending activation found again shows where its link went, masked: whoever stands at
  // the kiosk has proved a date of birth, not that they own the mailbox.
  const shown = email ? emailForScreen(email, typedEmails) : '';
  // "Votre compte est activé" may come while the person looks elsewhere on the screen: it takes
  // the focus and comes into view, in the same live region that said "waiting".
  const status = useSeen<HTMLDivElement>(activated);
  // The registry's word on the account was not believed (main/accounts/account-trust.ts): no
  // more waiting for a confirmation the kiosk would not take; what to do instead.
  if (!activated && error?.key === 'error.REGISTRY_UNTRUSTED')
    return (
      <main id="main" className="screen check-mail-screen">
        <ScreenHeading>{t('checkMail.untrustedHeading')}</ScreenHeading>
        <AlertMessage error={error} />
        <p>{t('checkMail.untrustedLogin')}</p>
        <button type="button" className="button button-primary button-wide" onClick={onLogin}>
          {t('checkMail.login')}
        </button>
      </main>
    );
  return (
    <main id="main" className="screen check-mail-screen">
      <ScreenHeading>{t(activated ? 'checkMail.doneHeading' : 'checkMail.heading')}</ScreenHeading>
      {!activated && <p className="lead">{t('checkMail.body', { email: shown })}</p>}
      <div ref={status} tabIndex={-1} role="status" aria-live="polite" className={activated ? 'panel panel-success' : undefined}>
        {activated ? (
          <>
            <h2>{t('checkMail.activated')}</h2>
            <p>{t(activated.loggedIn ? 'checkMail.activatedSpace' : 'checkMail.activatedLogin')}</p>
          </>
        ) : (
          <p className="waiting">
            <span className="spinner" aria-hidden="true" /> {t('checkMail.waiting')}
          </p>
        )}
      </div>
      {activated ? (
        <button type="button" className="button button-primary button-wide" onClick={onContinue}>
          {t('checkMail.continue')}
        </button>
      ) : (
        <>
          <Notices keys={notices} params={{ email: shown }} />
          <AlertMessage error={error} />
          <div className="actions">
            <button type="button" className="button button-secondary button-wide" onClick={onResend}>
              {t('checkMail.resend')}
            </button>
            <button type="button" className="button button-secondary button-wide" onClick={onNotMine}>
              {t('checkMail.notMine')}
            </button>
          </div>
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
        </>
      )}
    </main>
  );
}
