import { type FormEvent, useState } from 'react';
import { isEmail } from '../../../main/shared/rules/email.ts';
import { checkPassword } from '../../../main/shared/rules/password.ts';
import type { Errors } from '../../app/machine.ts';
import type { Forms } from '../../app/visit-state.ts';
import { EmailSuggestion } from '../../components/email-suggestion.tsx';
import { ErrorSummary, summaryFor, unlessFixed } from '../../components/error-summary.tsx';
import { ScreenHeading } from '../../components/screen-heading.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useT } from '../../i18n/index.tsx';

export type ActivateScreenProps = {
  form: Forms['activate'];
  errors: Errors;
  errorTick: number;
  pending: boolean;
  onEdit(field: keyof Forms['activate'], value: string): void;
  onSubmit(): void;
  /** "Retour" to the identification's answer; what was typed here stays. */
  onBack(): void;
};

const RULES = ['mixed12', 'long14', 'passphrase7'] as const;

/** E-mail, optional mobile, password twice, "Activer" — with the CNIL rules shown live. */
export function ActivateScreen({ form, errors: refused, errorTick, pending, onEdit, onSubmit, onBack }: ActivateScreenProps) {
  const { t } = useT();
  const [show, setShow] = useState(false);
  const check = checkPassword(form.password);
  const ruleMet = check.rules;
  // No red "does not follow any rule" left beside a green ✔: the rules the screen checks live
  // clear their own errors.
  const errors = {
    ...refused,
    email: unlessFixed(refused.email, 'error.EMAIL_INVALID', isEmail(form.email)),
    password: unlessFixed(refused.password, 'error.PASSWORD_WEAK', check.met !== null),
    confirmation: unlessFixed(refused.confirmation, 'error.PASSWORD_MISMATCH', form.confirmation !== '' && form.confirmation === form.password),
  };
  const summary = summaryFor(errors, 'activate', ['email', 'mobile', 'password', 'confirmation']);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!pending) onSubmit();
  };

  return (
    <main id="main" className="screen activate-screen">
      <ScreenHeading>{t('activate.heading')}</ScreenHeading>
      <p className="lead">{t('activate.lead')}</p>
      <form autoComplete="off" noValidate onSubmit={submit}>
        {/* Side by side in landscape (styles.css): one under the other, "Activer" fell below a
            1080-pixel screen in large text. The summary and the contact first, then the
            password, and "Activer" under it, in reading order. In large text the confirmation and
            "Activer" go beside the password (styles.css says why). */}
        <div className="columns activate-columns">
          <div className="column">
            <ErrorSummary items={summary} tick={errorTick} />
            <TextField
              id="activate-email"
              label={t('activate.email')}
              hint={t('activate.emailHint')}
              error={errors.email}
              value={form.email}
              type="email"
              onChange={(v) => onEdit('email', v)}
            >
              <EmailSuggestion value={form.email} onAccept={(suggestion) => onEdit('email', suggestion)} />
            </TextField>
            <TextField
              id="activate-mobile"
              label={t('activate.mobile')}
              hint={t('activate.mobileHint')}
              error={errors.mobile}
              value={form.mobile}
              type="tel"
              maxLength={40}
              onChange={(v) => onEdit('mobile', v)}
            />
          </div>
          <div className="column">
            <TextField
              id="activate-password"
              label={t('activate.password')}
              error={errors.password}
              value={form.password}
              type={show ? 'text' : 'password'}
              keyboard="password"
              maxLength={200}
              onChange={(v) => onEdit('password', v)}
            >
              <button type="button" className="button button-link" aria-pressed={show} onClick={() => setShow(!show)}>
                {show ? t('activate.hidePassword') : t('activate.showPassword')}
              </button>
              <div className="rules" id="password-rules">
                <p>{t('activate.rulesTitle')}</p>
                <ul>
                  {RULES.map((rule) => (
                    <li key={rule} className={ruleMet[rule] ? 'rule rule-met' : 'rule'}>
                      <span aria-hidden="true">{ruleMet[rule] ? '✔ ' : '○ '}</span>
                      {t(`activate.rule.${rule}`)}
                      <span className="visually-hidden"> ({ruleMet[rule] ? t('activate.ruleMet') : t('activate.ruleNotMet')})</span>
                    </li>
                  ))}
                </ul>
              </div>
            </TextField>
            <TextField
              id="activate-confirmation"
              label={t('activate.confirmation')}
              error={errors.confirmation}
              value={form.confirmation}
              type={show ? 'text' : 'password'}
              keyboard="password"
              maxLength={200}
              onChange={(v) => onEdit('confirmation', v)}
            />
            <button id="activate-submit" type="submit" className="button button-primary button-wide button-sticky" aria-disabled={pending || undefined}>
              {t('activate.submit')}
            </button>
          </div>
        </div>
      </form>
      <button type="button" className="button button-secondary button-wide" onClick={onBack}>
        {t('help.back')}
      </button>
      <section className="help-body privacy" aria-labelledby="privacy-title">
        <h2 id="privacy-title">{t('activate.privacyTitle')}</h2>
        <p>{t('activate.privacy')}</p>
      </section>
    </main>
  );
}
