import { type FormEvent, useState } from 'react';
import type { SecretsView } from '../../../main/shared/kiosk.ts';
import type { Errors } from '../../app/machine.ts';
import { ConfirmAction } from '../../components/confirm-action.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useT } from '../../i18n/index.tsx';

export type SecretsPanelProps = {
  secrets: SecretsView | null;
  errors: Errors;
  pending: boolean;
  /** Resolves true once kept: only then is what was typed cleared. */
  onSet(value: string): Promise<boolean>;
  onDelete(): void;
};

/**
 * The keychain as staff see it: where secrets live (or why the keychain cannot be used), which
 * are set, and the registry's secret, which can be replaced or erased (asked twice: without it the
 * kiosk no longer syncs) but never shown.
 */
export function SecretsPanel({ secrets, errors, pending, onSet, onDelete }: SecretsPanelProps) {
  const { t } = useT();
  const [value, setValue] = useState('');
  if (!secrets) return null;
  const registrySet = secrets.secrets.find((s) => s.name === 'registry-secret')?.set ?? false;
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    // Refused (too short), the value stays for staff to correct, with why above the field.
    void onSet(value).then((kept) => kept && setValue(''));
  };
  return (
    <section className="panel panel-neutral" aria-labelledby="secrets-title">
      <h2 id="secrets-title">{t('secrets.title')}</h2>
      <p className={secrets.store === 'memory' ? 'error-message' : undefined}>{t(secrets.store === 'keychain' ? 'secrets.inKeychain' : 'secrets.inMemory')}</p>
      {secrets.problem && (
        <>
          <p className="secrets-problem">{t(`secrets.problem.${secrets.problem}`)}</p>
          {/* Packages and commands are for IT: folded away, for the agent to open and read out. */}
          <details className="it-details">
            <summary>{t('secrets.it.title')}</summary>
            <p>{t(`secrets.it.${secrets.problem}`)}</p>
          </details>
        </>
      )}
      <ul className="plain-list">
        {secrets.secrets.map((s) => (
          <li key={s.name}>{t('secrets.line', { name: t(`secrets.name.${s.name}`), state: t(s.set ? 'secrets.set' : 'secrets.notSet') })}</li>
        ))}
      </ul>
      <form autoComplete="off" noValidate onSubmit={save}>
        <TextField
          id="registry-secret"
          label={t('secrets.newValue')}
          type="password"
          value={value}
          error={errors.registrySecret}
          maxLength={200}
          onChange={setValue}
        />
        <div className="space-actions">
          <button type="submit" className="button button-secondary" aria-disabled={pending || undefined}>
            {t('secrets.save')}
          </button>
          {registrySet && (
            <ConfirmAction
              id="secret-delete"
              label={t('secrets.delete')}
              question={t('secrets.deleteConfirm')}
              confirmLabel={t('secrets.deleteYes')}
              pending={pending}
              onConfirm={onDelete}
            />
          )}
        </div>
      </form>
    </section>
  );
}
