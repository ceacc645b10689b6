import { type FormEvent, useEffect, useState } from 'react';
import type { AppInfo } from '../../../main/shared/kiosk.ts';
import type { FieldError } from '../../app/machine.ts';
import type { FormField, IdentifyForm } from '../../app/visit-state.ts';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { Keypad } from '../../components/keypad.tsx';
import { ScreenHeading } from '../../components/screen-heading.tsx';
import { useT } from '../../i18n/index.tsx';
import { formatIsoDate } from '../format.ts';
import { rmErrorNow } from './rm-error.ts';

export type IdentifyScreenProps = {
  form: IdentifyForm;
  errors: Partial<Record<'rmNumber' | 'birthDate' | 'general', FieldError>>;
  errorTick: number;
  pending: boolean;
  demoIdentities: AppInfo['demoIdentities'];
  onEdit(field: FormField, value: string): void;
  onSubmit(): void;
};

const IDS: Record<FormField, string> = { rmNumber: 'rm-number', day: 'birth-day', month: 'birth-month', year: 'birth-year' };
const ORDER: FormField[] = ['rmNumber', 'day', 'month', 'year'];
// What a keypad press may add to a field before moving on to the next one.
const FULL: Partial<Record<FormField, number>> = { day: 2, month: 2 };
const MAX: Record<FormField, number> = { rmNumber: 32, day: 2, month: 2, year: 4 };
const DATE_PARTS = ['day', 'month', 'year'] as const;
// Digits a date part needs at least: a day or a month may have one.
const LEAST = { day: 1, month: 1, year: 4 };
// The field the keypad types into is marked as the focus is, focused or not: after a refusal
// the focus is on the summary, and keys that went into a field nobody saw were lost tries.
const targetClass = (field: FormField, active: FormField) => (field === active ? ' input-keypad-target' : '');

export function IdentifyScreen({ form, errors: refused, errorTick, pending, demoIdentities, onEdit, onSubmit }: IdentifyScreenProps) {
  const { t, locale } = useT();
  const [active, setActive] = useState<FormField>('rmNumber');
  const [helpOpen, setHelpOpen] = useState(false);
  // A refusal the person has since put right stops showing.
  const rmNumberError = rmErrorNow(refused.rmNumber, form.rmNumber);
  const errors = { ...refused, rmNumber: rmNumberError };
  // After a refusal the keypad types into the first field refused, with that field's keys
  // (RM, RE, A, B for the number), not into the last one filled before "Valider"; for a date,
  // its first part left short ("198" for the year), else its day.
  const firstRefused: FormField | null = refused.rmNumber
    ? 'rmNumber'
    : refused.birthDate
      ? (DATE_PARTS.find((part) => form[part].length < LEAST[part]) ?? 'day')
      : null;
  useEffect(() => {
    if (errorTick > 0 && firstRefused) setActive(firstRefused);
  }, [errorTick, firstRefused]);

  const labels: Record<FormField, string> = {
    rmNumber: t('identify.rmLabel'),
    day: t('identify.day'),
    month: t('identify.month'),
    year: t('identify.year'),
  };
  const focusField = (field: FormField) => {
    setActive(field);
    document.getElementById(IDS[field])?.focus();
  };
  const next = () => {
    const i = ORDER.indexOf(active);
    const following = ORDER[i + 1];
    if (following) focusField(following);
    else document.getElementById('identify-submit')?.focus();
  };
  const type = (key: string) => {
    const value = form[active];
    if (value.length + key.length > MAX[active]) return;
    const updated = value + key;
    onEdit(active, updated);
    const full = FULL[active];
    if (full !== undefined && updated.length >= full) next();
  };
  const erase = () => onEdit(active, form[active].slice(0, -1));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!pending) onSubmit();
  };

  const summary: SummaryItem[] = [];
  if (errors.rmNumber) summary.push({ targetId: IDS.rmNumber, error: errors.rmNumber });
  if (errors.birthDate) summary.push({ targetId: IDS.day, error: errors.birthDate });
  if (errors.general) summary.push({ targetId: 'identify-submit', error: errors.general });

  const dateInput = (field: 'day' | 'month' | 'year', width: string) => (
    <div className={`date-item ${width}`}>
      <label htmlFor={IDS[field]}>{labels[field]}</label>
      <input
        id={IDS[field]}
        className={`input${targetClass(field, active)}`}
        inputMode="none"
        autoComplete="off"
        maxLength={MAX[field]}
        value={form[field]}
        aria-invalid={errors.birthDate ? true : undefined}
        onFocus={() => setActive(field)}
        onChange={(e) => onEdit(field, e.target.value)}
      />
    </div>
  );

  return (
    <main id="main" className="screen identify-screen">
      <ScreenHeading>{t('identify.heading')}</ScreenHeading>
      {/* Two columns in landscape (styles.css): what is typed, and the keypad with "Valider"
          under it, so that no summary or long message pushes "Valider" below the screen. */}
      <form autoComplete="off" noValidate onSubmit={submit} className="identify-form">
        <div className="identify-fields">
          <ErrorSummary items={summary} tick={errorTick} />
          <div className={`field ${errors.rmNumber ? 'field-error' : ''}`}>
            <label htmlFor={IDS.rmNumber} className="label">
              {labels.rmNumber}
            </label>
            <p id="rm-hint" className="hint">
              {t('identify.rmHint')}
            </p>
            {errors.rmNumber && (
              <p id="rm-error" className="error-message">
                {t(errors.rmNumber.key, errors.rmNumber.params)}
              </p>
            )}
            <input
              id={IDS.rmNumber}
              className={`input input-rm${targetClass('rmNumber', active)}`}
              inputMode="none"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={MAX.rmNumber}
              value={form.rmNumber}
              aria-describedby={errors.rmNumber ? 'rm-hint rm-error' : 'rm-hint'}
              aria-invalid={errors.rmNumber ? true : undefined}
              onFocus={() => setActive('rmNumber')}
              onChange={(e) => onEdit('rmNumber', e.target.value)}
            />
          </div>

          <fieldset className={`field ${errors.birthDate ? 'field-error' : ''}`} aria-describedby={errors.birthDate ? 'date-hint date-error' : 'date-hint'}>
            <legend className="label">{t('identify.birthDateLegend')}</legend>
            <p id="date-hint" className="hint">
              {t('identify.birthDateHint')}
            </p>
            {errors.birthDate && (
              <p id="date-error" className="error-message">
                {t(errors.birthDate.key, errors.birthDate.params)}
              </p>
            )}
            <div className="date-inputs">
              {dateInput('day', 'w2')}
              {dateInput('month', 'w2')}
              {dateInput('year', 'w4')}
            </div>
          </fieldset>
        </div>

        <div className="identify-pad">
          <Keypad
            label={t('identify.keypad', { field: labels[active] })}
            extraKeys={active === 'rmNumber' ? ['RM', 'RE', 'A', 'B'] : []}
            onKey={type}
            onErase={erase}
            onNext={next}
          />

          <button id="identify-submit" type="submit" className="button button-primary button-wide" aria-disabled={pending || undefined}>
            {pending ? t('identify.checking') : t('identify.submit')}
          </button>
        </div>
      </form>

      <section className="help">
        <button type="button" className="button button-link" aria-expanded={helpOpen} aria-controls="rm-help" onClick={() => setHelpOpen(!helpOpen)}>
          {t('identify.helpToggle')}
        </button>
        <div id="rm-help" hidden={!helpOpen} className="help-body">
          <p>{t('identify.helpBody')}</p>
          {demoIdentities.length > 0 && (
            <>
              <p>{t('identify.demoHelp')}</p>
              <ul>
                {demoIdentities.map((d) => (
                  <li key={d.rmNumber}>{t('identify.demoIdentity', { rmNumber: d.rmNumber, birthDate: formatIsoDate(d.birthDate, locale) })}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      </section>
    </main>
  );
}
