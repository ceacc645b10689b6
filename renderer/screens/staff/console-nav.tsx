import { type MessageKey, useT } from '../../i18n/index.tsx';

/** The console's sections, by the id of their heading. */
const SECTIONS: readonly [string, MessageKey][] = [
  ['orders-title', 'orders.title'],
  ['till-title', 'till.title'],
  ['sync-title', 'staff.syncTitle'],
  ['speech-title', 'speech.title'],
  ['printers-title', 'printers.title'],
  ['members-title', 'members.title'],
  ['settings-title', 'settings.title'],
  ['secrets-title', 'secrets.title'],
  ['audit-title', 'staff.auditTitle'],
];

/**
 * The console is long: one touch brings a section to the top, and its heading takes the focus
 * so that a screen reader says where it landed. (Buttons, not #links: the app never navigates.)
 */
export function ConsoleNav() {
  const { t } = useT();
  const go = (id: string) => {
    const heading = document.getElementById(id);
    if (!heading) return;
    heading.setAttribute('tabindex', '-1');
    heading.scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
  };
  return (
    <nav className="console-nav" aria-label={t('staff.sections')}>
      {SECTIONS.map(([id, key]) => (
        <button key={id} type="button" className="button button-secondary" onClick={() => go(id)}>
          {t(key)}
        </button>
      ))}
    </nav>
  );
}
