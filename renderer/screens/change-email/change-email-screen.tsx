import type { FormEvent } from 'react';
import { isEmail } from '../../../main/shared/rules/email.ts';
import { emailForScreen } from '../../../main/shared/rules/email-mask.ts';
import type { Status } from '../../app/machine.ts';
import type { Forms } from '../../app/visit-state.ts';
import { EmailSuggestion } from '../../components/email-suggestion.tsx';
import { ErrorSummary, summaryFor, unlessFixed } from '../../components/error-summary.tsx';
import { ScreenHeading } from '../../components/screen-heading.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useT } from '../../i18n/index.tsx';

export type ChangeEmailScreenProps = {
  form: Forms['changeEmail'];
  /** The address the pending link went to; shown masked unless typed in this visit. */
  email: string | null;
  /** Addresses this visit sent the link to (to activate, or here before): only those are shown whole. */
  typedEmails: readonly string[];
  state: Pick<Status, 'errors' | 'errorTick' | 'pending'>;
  onEdit(value: string): void;
  onSubmit(): void;
  onBack(): void;
  /** The account turned out active already: the way on is to log in. */
  onLogin(): void;
};

/**
 * "Ce n'est pas mon adresse": a mistyped address at activation is not a dead end. The artisan
 * proved their RM number and date of birth in this visit; they type the right address, the
 * registry sends a new link there and the old one stops working.
 */
export function ChangeEmailScreen({ form, email, typedEmails, state, onEdit, onSubmit, onBack, onLogin }: ChangeEmailScreenProps) {
  const { t } = useT();
  const errors = { ...state.errors, email: unlessFixed(state.errors.email, 'error.EMAIL_INVALID', isEmail(form.email)) };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!state.pending) onSubmit();
  };
  return (
    <main id="main" className="screen change-email-screen">
      <ScreenHeading>{t('changeEmail.heading')}</ScreenHeading>
      {/* The registry may not say where the pending link went (an account made elsewhere): no "sent to ." then. */}
      <p className="lead">{email ? t('changeEmail.lead', { email: emailForScreen(email, typedEmails) }) : t('changeEmail.leadNoAddress')}</p>
      <ErrorSummary items={summaryFor(errors, 'change-email', ['email'])} tick={state.errorTick} />
      <form autoComplete="off" noValidate onSubmit={submit}>
        <TextField
          id="change-email-email"
          label={t('changeEmail.email')}
          hint={t('changeEmail.hint')}
          error={errors.email}
          value={form.email}
          type="email"
          onChange={onEdit}
        >
          <EmailSuggestion value={form.email} onAccept={onEdit} />
        </TextField>
        <button id="change-email-submit" type="submit" className="button button-primary button-wide" aria-disabled={state.pending || undefined}>
          {t('changeEmail.submit')}
        </button>
      </form>
      <div className="actions">
        {state.errors.general?.key === 'error.ACCOUNT_EXISTS' && (
          <button type="button" className="button button-secondary button-wide" onClick={onLogin}>
            {t('outcome.found.login')}
          </button>
        )}
        <button type="button" className="button button-secondary button-wide" onClick={onBack}>
          {t('help.back')}
        </button>
      </div>
    </main>
  );
}
