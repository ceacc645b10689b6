import { type FormEvent, useState } from 'react';
import type { Errors } from '../../app/machine.ts';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { Notices } from '../../components/notices.tsx';
import { ScreenHeading } from '../../components/screen-heading.tsx';
import { TextField } from '../../components/text-field.tsx';
import { type MessageKey, useT } from '../../i18n/index.tsx';
import { NewPinFields, newPinErrors } from './new-pin-fields.tsx';

export type StaffPinScreenProps = {
  /** Why the PIN is asked again (the console locked itself when left idle). */
  notices?: MessageKey[];
  configured: boolean;
  errors: Errors;
  errorTick: number;
  pending: boolean;
  onSetup(name: string, pin: string, confirmation: string): void;
  onLogin(pin: string): void;
};

/**
 * The staff's way in: their PIN, or at first run the first agent's name and a PIN typed
 * twice, checked as it is typed. A refused first PIN stays typed (GOV.UK: never clear what
 * the person typed); a wrong login PIN is cleared for the next try.
 */
export function StaffPinScreen({ notices = [], configured, errors, errorTick, pending, onSetup, onLogin }: StaffPinScreenProps) {
  const { t } = useT();
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const pinErrors = newPinErrors(pin, confirmation, { pin: errors.pin, confirmation: errors.pinConfirmation });
  const nameError = name.trim() ? undefined : errors.staffName;
  const items: SummaryItem[] = configured
    ? []
    : [
        ...(nameError ? [{ targetId: 'staff-name', error: nameError }] : []),
        ...(pinErrors.pin ? [{ targetId: 'staff-pin', error: pinErrors.pin }] : []),
        ...(pinErrors.confirmation ? [{ targetId: 'staff-pin-confirmation', error: pinErrors.confirmation }] : []),
      ];
  if (errors.general) items.push({ targetId: 'staff-submit', error: errors.general });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    if (configured) {
      onLogin(pin);
      setPin('');
    } else onSetup(name, pin, confirmation);
  };
  return (
    <main id="main" className="screen staff-pin-screen">
      <ScreenHeading>{t('staff.heading')}</ScreenHeading>
      <Notices keys={notices} />
      {!configured && <p className="lead">{t('staff.setupLead')}</p>}
      <ErrorSummary items={items} tick={errorTick} />
      <form autoComplete="off" noValidate onSubmit={submit}>
        {configured ? (
          <TextField id="staff-pin" label={t('staff.pin')} value={pin} type="password" inputMode="numeric" keyboard="numeric" maxLength={8} onChange={setPin} />
        ) : (
          <>
            <TextField id="staff-name" label={t('staff.name')} error={nameError} value={name} maxLength={80} onChange={setName} />
            <NewPinFields
              ids={{ pin: 'staff-pin', confirmation: 'staff-pin-confirmation' }}
              labels={{ pin: 'staff.pin', confirmation: 'staff.pinConfirmation' }}
              pin={pin}
              confirmation={confirmation}
              errors={pinErrors}
              onPin={setPin}
              onConfirmation={setConfirmation}
            />
          </>
        )}
        <button id="staff-submit" type="submit" className="button button-primary button-wide" aria-disabled={pending || undefined}>
          {configured ? t('staff.enter') : t('staff.create')}
        </button>
      </form>
    </main>
  );
}
