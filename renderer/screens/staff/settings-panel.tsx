import { type FormEvent, useEffect, useState } from 'react';
import type { KioskSettings, SettingsView } from '../../../main/shared/kiosk.ts';
import type { Errors } from '../../app/machine.ts';
import { TextField } from '../../components/text-field.tsx';
import { useT } from '../../i18n/index.tsx';

export type SettingsPanelProps = {
  view: SettingsView | null;
  errors: Errors;
  pending: boolean;
  onSave(settings: KioskSettings): void;
};

type Form = { registryUrl: string; kioskId: string; chamber: string; idleWarnS: string; idleEndS: string; language: 'fr' | 'en'; speechAloud: boolean };

const toForm = (s: KioskSettings): Form => ({
  registryUrl: s.registryUrl ?? '',
  kioskId: s.kioskId ?? '',
  chamber: s.chamber,
  idleWarnS: String(s.idleWarnS),
  idleEndS: String(s.idleEndS),
  language: s.language,
  speechAloud: s.speechAloud,
});

/** What staff change without a developer. A refused field keeps what was typed, with why above it. */
export function SettingsPanel({ view, errors, pending, onSave }: SettingsPanelProps) {
  const { t } = useT();
  const [form, setForm] = useState<Form | null>(null);
  // The saved settings fill the form once; after that, what staff type stays.
  useEffect(() => {
    if (view && !form) setForm(toForm(view.settings));
  }, [view, form]);
  // Not loaded yet: the heading is there at once (the focus of the section chosen lands on it,
  // not on the next panel's), with a word that it is coming.
  if (!view || !form)
    return (
      <section className="panel panel-neutral" aria-labelledby="settings-title" aria-busy="true">
        <h2 id="settings-title">{t('settings.title')}</h2>
        <p role="status">{t('app.loading')}</p>
      </section>
    );
  const edit = (field: keyof Form) => (value: string) => setForm({ ...form, [field]: value });
  const { running, notUsed } = view;
  const byEnvironment = running.source === 'environment';
  const whole = (v: string) => (/^\d{1,6}$/.test(v.trim()) ? Number(v.trim()) : 0);
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    // Set by the environment, the registry is not in the form: what the console had saved stays as it was.
    onSave({
      registryUrl: byEnvironment ? view.settings.registryUrl : form.registryUrl.trim() || null,
      kioskId: byEnvironment ? view.settings.kioskId : form.kioskId.trim() || null,
      chamber: form.chamber,
      idleWarnS: whole(form.idleWarnS),
      idleEndS: whole(form.idleEndS),
      language: form.language,
      speechAloud: form.speechAloud,
    });
  };
  return (
    <section className="panel panel-neutral" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings.title')}</h2>
      {/* What is in effect, and who sets it: a kiosk run by IT's environment is not a demo. */}
      <p id="registry-in-effect">
        {running.source === 'demo'
          ? t('settings.inEffect.demo')
          : t(`settings.inEffect.${running.source}`, { url: running.registryUrl ?? '', kioskId: running.kioskId ?? '' })}
      </p>
      {notUsed && <p className="error-message">{t(`settings.notUsed.${notUsed.reason}`, { url: notUsed.registryUrl ?? '' })}</p>}
      {view.restartNeeded && <p className="error-message">{t('settings.restart')}</p>}
      <form autoComplete="off" noValidate onSubmit={save}>
        {!byEnvironment && (
          <>
            <TextField
              id="registryUrl"
              label={t('settings.registryUrl')}
              hint={t('settings.registryHint')}
              value={form.registryUrl}
              error={errors.registryUrl}
              maxLength={300}
              onChange={edit('registryUrl')}
            />
            <TextField id="kioskId" label={t('settings.kioskId')} value={form.kioskId} error={errors.kioskId} maxLength={100} onChange={edit('kioskId')} />
          </>
        )}
        <TextField id="chamber" label={t('settings.chamber')} value={form.chamber} error={errors.chamber} maxLength={200} onChange={edit('chamber')} />
        <TextField
          id="idleWarnS"
          label={t('settings.idleWarnS')}
          value={form.idleWarnS}
          error={errors.idleWarnS}
          inputMode="numeric"
          maxLength={6}
          onChange={edit('idleWarnS')}
        />
        <TextField
          id="idleEndS"
          label={t('settings.idleEndS')}
          value={form.idleEndS}
          error={errors.idleEndS}
          inputMode="numeric"
          maxLength={6}
          onChange={edit('idleEndS')}
        />
        <fieldset className="choice">
          <legend className="label">{t('settings.language')}</legend>
          {(['fr', 'en'] as const).map((lang) => (
            <label key={lang} className="choice-option">
              <input type="radio" name="language" value={lang} checked={form.language === lang} onChange={() => setForm({ ...form, language: lang })} />
              <span lang={lang}>{t(lang === 'fr' ? 'settings.french' : 'settings.english')}</span>
            </label>
          ))}
        </fieldset>
        <div className="choice">
          <label className="choice-option">
            <input
              type="checkbox"
              checked={form.speechAloud}
              aria-describedby="speech-aloud-hint"
              onChange={(e) => setForm({ ...form, speechAloud: e.target.checked })}
            />
            <span>{t('settings.speechAloud')}</span>
          </label>
          <p id="speech-aloud-hint" className="hint">
            {t('settings.speechAloudHint')}
          </p>
        </div>
        <button type="submit" className="button button-primary" aria-disabled={pending || undefined}>
          {t('settings.save')}
        </button>
      </form>
    </section>
  );
}
