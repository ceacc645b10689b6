import { type FormEvent, useEffect, useState } from 'react';
import type { StaffMember } from '../../../main/staff/staff-service.ts';
import { TextField } from '../../components/text-field.tsx';
import { useT } from '../../i18n/index.tsx';

export type MembersPanelProps = {
  members: StaffMember[] | null;
  selfId: number;
  pending: boolean;
  onAdd(name: string, pin: string): void;
  onRemove(id: number): void;
};

/** The desk's staff: each with their own PIN, so that the audit log says who did what. */
export function MembersPanel({ members, selfId, pending, onAdd, onRemove }: MembersPanelProps) {
  const { t } = useT();
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  // A member added (the list grew): the form is ready for the next one.
  const count = members?.length ?? 0;
  useEffect(() => {
    if (count > 0) setName('');
  }, [count]);
  if (!members) return null;
  const add = (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    onAdd(name, pin);
    // The PIN is not kept on screen; the name stays in case it must be corrected.
    setPin('');
  };
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
                <button type="button" className="button button-secondary" aria-disabled={pending || undefined} onClick={() => !pending && onRemove(m.id)}>
                  {t('members.remove', { name: m.name })}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <form noValidate onSubmit={add} aria-labelledby="member-add-title">
        <h3 id="member-add-title">{t('members.addTitle')}</h3>
        <TextField id="member-name" label={t('members.name')} value={name} maxLength={80} onChange={setName} />
        <TextField
          id="member-pin"
          label={t('members.pin')}
          value={pin}
          type="password"
          inputMode="numeric"
          keyboard="numeric"
          maxLength={8}
          onChange={setPin}
        />
        <button type="submit" className="button button-secondary" aria-disabled={pending || undefined}>
          {t('members.add')}
        </button>
      </form>
    </section>
  );
}
