import type { FormEvent } from 'react';
import type { MyInformation } from '../../../main/shared/artisan.ts';
import { isEmail } from '../../../main/shared/rules/email.ts';
import { emailForScreen } from '../../../main/shared/rules/email-mask.ts';
import type { Status } from '../../app/machine.ts';
import type { Forms } from '../../app/visit-state.ts';
import { EmailSuggestion } from '../../components/email-suggestion.tsx';
import { ErrorSummary, summaryFor, unlessFixed } from '../../components/error-summary.tsx';
import { Notices } from '../../components/notices.tsx';
import { ScreenHeading } from '../../components/screen-heading.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useT } from '../../i18n/index.tsx';
import { spacedRmNumber } from '../format.ts';

export type SpaceScreenProps = {
  state: Pick<Status, 'errors' | 'errorTick' | 'pending' | 'notices'> & { info: MyInformation };
  form: Forms['contact'];
  /** The addresses typed in this visit (to log in): only those are shown whole. */
  typedEmails: readonly string[];
  onEdit(field: keyof Forms['contact'], value: string): void;
  onSave(): void;
  onLogout(): void;
  onPhoto(): void;
  onCard(): void;
};

/** "Mes informations": what the register says (read-only) and the contact details (editable). */
export function SpaceScreen({ state, form, typedEmails, onEdit, onSave, onLogout, onPhoto, onCard }: SpaceScreenProps) {
  const { t } = useT();
  const info = state.info;
  const errors = { ...state.errors, email: unlessFixed(state.errors.email, 'error.EMAIL_INVALID', isEmail(form.email)) };
  if (!info) {
    return (
      <main id="main" className="screen space-screen">
        <ScreenHeading>{t('space.heading')}</ScreenHeading>
        <p role="status">{t('space.loading')}</p>
      </main>
    );
  }
  const r = info.registry;
  const main = r.activities.find((a) => a.main) ?? r.activities[0];
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!state.pending) onSave();
  };
  return (
    <main id="main" className="screen space-screen">
      <ScreenHeading>{t('space.heading')}</ScreenHeading>
      <Notices keys={state.notices} />
      {/* What the artisan came for, as actions that open the next screens: full-width buttons
          with an arrow under a heading, never a row that reads as tabs. */}
      <section className="panel panel-next" aria-labelledby="card-next-title">
        <h2 id="card-next-title">{t('space.cardTitle')}</h2>
        <p>{t('space.cardLead')}</p>
        <button type="button" className="button button-primary button-wide button-go" onClick={onCard}>
          {t('space.myCard')}
        </button>
        <button type="button" className="button button-secondary button-wide button-go" onClick={onPhoto}>
          {t('space.myPhoto')}
        </button>
      </section>
      <ErrorSummary items={summaryFor(errors, 'contact', ['email', 'mobile', 'deliveryAddress'])} tick={state.errorTick} />
      <section className="panel panel-neutral" aria-labelledby="registry-title">
        <h2 id="registry-title">{t('space.registryTitle')}</h2>
        <dl className="facts">
          <dt>{t('space.name')}</dt>
          <dd>{`${r.firstNames} ${r.usageName ?? r.birthName}`}</dd>
          <dt>{t('space.title')}</dt>
          <dd>{t(`qualification.${r.qualification}`)}</dd>
          <dt>{t('space.company')}</dt>
          <dd>{r.companyName ?? r.tradeName ?? '—'}</dd>
          <dt>{t('space.activity')}</dt>
          <dd>{main ? `${main.label} (${main.code})` : '—'}</dd>
          <dt>{t('space.rmNumber')}</dt>
          <dd className="rm">{spacedRmNumber(r.rmNumber)}</dd>
        </dl>
        <p className="hint">{t('space.registryHint', { chamber: r.chamber })}</p>
      </section>
      <form autoComplete="off" noValidate onSubmit={save} aria-labelledby="contact-title">
        <h2 id="contact-title">{t('space.contactTitle')}</h2>
        <TextField
          id="contact-email"
          label={t('space.email')}
          hint={t('space.emailHint')}
          error={errors.email}
          value={form.email}
          type="email"
          onChange={(v) => onEdit('email', v)}
        >
          <EmailSuggestion value={form.email} onAccept={(suggestion) => onEdit('email', suggestion)} />
          {info.contact.pendingEmail && <p className="hint">{t('space.emailPending', { email: emailForScreen(info.contact.pendingEmail, typedEmails) })}</p>}
        </TextField>
        <TextField
          id="contact-mobile"
          label={t('space.mobile')}
          error={state.errors.mobile}
          value={form.mobile}
          type="tel"
          maxLength={40}
          onChange={(v) => onEdit('mobile', v)}
        />
        <fieldset className="field" id="contact-deliveryAddress" tabIndex={-1}>
          <legend className="label">{t('space.deliveryTitle')}</legend>
          {state.errors.deliveryAddress && <p className="error-message">{t(state.errors.deliveryAddress.key)}</p>}
          <TextField id="contact-line1" label={t('space.line1')} value={form.line1} maxLength={200} onChange={(v) => onEdit('line1', v)} />
          <TextField id="contact-line2" label={t('space.line2')} value={form.line2} maxLength={200} onChange={(v) => onEdit('line2', v)} />
          <TextField
            id="contact-postalCode"
            label={t('space.postalCode')}
            value={form.postalCode}
            inputMode="numeric"
            maxLength={10}
            onChange={(v) => onEdit('postalCode', v)}
          />
          <TextField id="contact-city" label={t('space.city')} value={form.city} maxLength={100} onChange={(v) => onEdit('city', v)} />
        </fieldset>
        <button id="contact-submit" type="submit" className="button button-primary button-wide" aria-disabled={state.pending || undefined}>
          {t('space.save')}
        </button>
      </form>
      <button type="button" className="button button-secondary button-wide" onClick={onLogout}>
        {t('space.logout')}
      </button>
    </main>
  );
}
