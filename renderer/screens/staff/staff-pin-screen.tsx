import { type FormEvent, useState } from 'react';
import type { FieldError } from '../../app/flow.ts';
import { ScreenHeading } from '../../components/screen-heading.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useT } from '../../i18n/index.tsx';

export type StaffPinScreenProps = {
  configured: boolean;
  error: FieldError | undefined;
  pending: boolean;
  onSetup(name: string, pin: string): void;
  onLogin(pin: string): void;
};

/** The staff's way in: their PIN, or at first run the first agent's name and PIN. */
export function StaffPinScreen({ configured, error, pending, onSetup, onLogin }: StaffPinScreenProps) {
  const { t } = useT();
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    if (configured) onLogin(pin);
    else onSetup(name, pin);
    setPin('');
  };
  return (
    <main id="main" className="screen staff-pin-screen">
      <ScreenHeading>{t('staff.heading')}</ScreenHeading>
      {!configured && <p className="lead">{t('staff.setupLead')}</p>}
      {error && (
        <p className="error-message" role="alert">
          {t(error.key, error.params)}
        </p>
      )}
      <form noValidate onSubmit={submit}>
        {!configured && <TextField id="staff-name" label={t('staff.name')} value={name} autoComplete="off" maxLength={80} onChange={setName} />}
        <TextField id="staff-pin" label={t('staff.pin')} value={pin} type="password" inputMode="numeric" keyboard="numeric" maxLength={8} onChange={setPin} />
        <button id="staff-submit" type="submit" className="button button-primary button-wide" aria-disabled={pending || undefined}>
          {configured ? t('staff.enter') : t('staff.create')}
        </button>
      </form>
    </main>
  );
}
