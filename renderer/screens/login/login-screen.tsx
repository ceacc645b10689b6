import { type FormEvent, useState } from 'react';
import type { Status } from '../../app/machine.ts';
import type { Forms } from '../../app/visit-state.ts';
import { ErrorSummary, summaryFor } from '../../components/error-summary.tsx';
import { Notices } from '../../components/notices.tsx';
import { ScreenHeading } from '../../components/screen-heading.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useT } from '../../i18n/index.tsx';

export type LoginScreenProps = {
  form: Forms['login'];
  state: Pick<Status, 'errors' | 'errorTick' | 'pending' | 'notices'>;
  onEdit(field: keyof Forms['login'], value: string): void;
  onSubmit(): void;
  onForgot(): void;
  /** "Retour" to the identification's answer, where the path allows it; the address typed stays. */
  onBack?: (() => void) | undefined;
};

/** "Adresse e-mail", "Mot de passe", "Se connecter", "Mot de passe oublié ?". */
export function LoginScreen({ form, state, onEdit, onSubmit, onForgot, onBack }: LoginScreenProps) {
  const { t } = useT();
  // After a refused login the password stays: shown, a slip of one letter is put right where
  // retyping it blind took as many taps as it has letters.
  const [show, setShow] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!state.pending) onSubmit();
  };
  return (
    <main id="main" className="screen login-screen">
      <ScreenHeading>{t('login.heading')}</ScreenHeading>
      <p className="lead">{t('login.lead')}</p>
      <Notices keys={state.notices} />
      <ErrorSummary items={summaryFor(state.errors, 'login', ['email', 'password'])} tick={state.errorTick} />
      <form autoComplete="off" noValidate onSubmit={submit}>
        <TextField id="login-email" label={t('login.email')} error={state.errors.email} value={form.email} type="email" onChange={(v) => onEdit('email', v)} />
        <TextField
          id="login-password"
          label={t('login.password')}
          error={state.errors.password}
          value={form.password}
          type={show ? 'text' : 'password'}
          keyboard="password"
          maxLength={200}
          onChange={(v) => onEdit('password', v)}
        >
          <button type="button" className="button button-link" aria-pressed={show} onClick={() => setShow(!show)}>
            {show ? t('activate.hidePassword') : t('activate.showPassword')}
          </button>
        </TextField>
        <button id="login-submit" type="submit" className="button button-primary button-wide button-sticky" aria-disabled={state.pending || undefined}>
          {t('login.submit')}
        </button>
      </form>
      <button type="button" className="button button-link" onClick={onForgot}>
        {t('login.forgot')}
      </button>
      {onBack && (
        <button type="button" className="button button-secondary button-wide" onClick={onBack}>
          {t('help.back')}
        </button>
      )}
    </main>
  );
}

export type ForgotScreenProps = {
  email: string;
  state: Pick<Status, 'errors' | 'errorTick' | 'pending' | 'notices'>;
  onEdit(value: string): void;
  onSubmit(): void;
  onBack(): void;
};

/** Sends a reset link; says the same whether or not the address has an account. */
export function ForgotScreen({ email, state, onEdit, onSubmit, onBack }: ForgotScreenProps) {
  const { t } = useT();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!state.pending) onSubmit();
  };
  return (
    <main id="main" className="screen forgot-screen">
      <ScreenHeading>{t('forgot.heading')}</ScreenHeading>
      <p className="lead">{t('forgot.lead')}</p>
      <Notices keys={state.notices} />
      <ErrorSummary items={summaryFor(state.errors, 'forgot', ['email'])} tick={state.errorTick} />
      <form autoComplete="off" noValidate onSubmit={submit}>
        <TextField id="forgot-email" label={t('login.email')} error={state.errors.email} value={email} type="email" onChange={onEdit} />
        <button id="forgot-submit" type="submit" className="button button-primary button-wide" aria-disabled={state.pending || undefined}>
          {t('forgot.submit')}
        </button>
      </form>
      <button type="button" className="button button-link" onClick={onBack}>
        {t('forgot.back')}
      </button>
    </main>
  );
}
