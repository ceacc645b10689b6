import { type FormEvent, useEffect, useState } from 'react';
import type { StaffMember } from '../../../main/shared/staff.ts';
import type { Errors } from '../../app/machine.ts';
import { ConfirmAction } from '../../components/confirm-action.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useT } from '../../i18n/index.tsx';
import { NewPinFields, newPinErrors } from './new-pin-fields.tsx';

export type MembersPanelProps = {
  members: StaffMember[] | null;
  selfId: number;
  errors: Errors;
  pending: boolean;
  onAdd(name: string, pin: string, confirmation: string): void;
  onRemove(id: number): void;
  onPinChange(input: { current: string; pin: string; confirmation: string }): Promise<boolean>;
};

/**
 * The desk's staff: each with their own PIN, so that the audit log says who did what. Removing a
 * colleague is asked twice: their code stops opening the console at once.
 */
export function MembersPanel({ members, selfId, errors, pending, onAdd, onRemove, onPinChange }: MembersPanelProps) {
  const { t } = useT();
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [change, setChange] = useState({ current: '', pin: '', confirmation: '' });
  // A member added (the list grew): the form is ready for the next one.
  const count = members?.length ?? 0;
  useEffect(() => {
    if (count > 0) {
      setName('');
      setPin('');
      setConfirmation('');
    }
  }, [count]);
  if (!members) return null;
  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!pending) onAdd(name, pin, confirmation);
  };
  const submitChange = (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    void onPinChange(change).then((changed) => changed && setChange({ current: '', pin: '', confirmation: '' }));
  };
  const addErrors = newPinErrors(pin, confirmation, { pin: errors.memberPin, confirmation: errors.memberPinConfirmation });
  const changeErrors = newPinErrors(change.pin, change.confirmation, { pin: errors.newPin, confirmation: errors.newPinConfirmation });
  return (
    <section className="panel panel-neutral" aria-labelledby="members-title">
      <h2 id="members-title">{t('members.title')}</h2>
      <ul className="plain-list member-list">
        {members.map((m) => (
          <li key={m.id}>
            {m.id === selfId ? (
              t('members.you', { name: m.name })
            ) : (
              <>
                {m.name}{' '}
                <ConfirmAction
                  id={`member-remove-${m.id}`}
                  label={t('members.remove', { name: m.name })}
                  question={t('members.removeConfirm', { name: m.name })}
                  confirmLabel={t('members.removeYes', { name: m.name })}
                  pending={pending}
                  onConfirm={() => onRemove(m.id)}
                />
              </>
            )}
          </li>
        ))}
      </ul>
      <form autoComplete="off" noValidate onSubmit={add} aria-labelledby="member-add-title">
        <h3 id="member-add-title">{t('members.addTitle')}</h3>
        <TextField
          id="member-name"
          label={t('members.name')}
          error={name.trim() ? undefined : errors.memberName}
          value={name}
          maxLength={80}
          onChange={setName}
        />
        <NewPinFields
          ids={{ pin: 'member-pin', confirmation: 'member-pin-confirmation' }}
          labels={{ pin: 'members.pin', confirmation: 'members.pinConfirmation' }}
          pin={pin}
          confirmation={confirmation}
          errors={addErrors}
          onPin={setPin}
          onConfirmation={setConfirmation}
        />
        <button type="submit" className="button button-secondary" aria-disabled={pending || undefined}>
          {t('members.add')}
        </button>
      </form>
      <form autoComplete="off" noValidate onSubmit={submitChange} aria-labelledby="pin-change-title">
        <h3 id="pin-change-title">{t('members.changeTitle')}</h3>
        <TextField
          id="current-pin"
          label={t('members.currentPin')}
          error={errors.currentPin}
          value={change.current}
          type="password"
          inputMode="numeric"
          keyboard="numeric"
          maxLength={8}
          onChange={(current) => setChange({ ...change, current })}
        />
        <NewPinFields
          ids={{ pin: 'new-pin', confirmation: 'new-pin-confirmation' }}
          labels={{ pin: 'members.newPin', confirmation: 'members.newPinConfirmation' }}
          pin={change.pin}
          confirmation={change.confirmation}
          errors={changeErrors}
          onPin={(p) => setChange({ ...change, pin: p })}
          onConfirmation={(c) => setChange({ ...change, confirmation: c })}
        />
        <button type="submit" className="button button-secondary" aria-disabled={pending || undefined}>
          {t('members.change')}
        </button>
      </form>
    </section>
  );
}
