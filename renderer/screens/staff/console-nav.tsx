import { useT } from '../../i18n/index.tsx';
import { type Attention, CONSOLE_SECTIONS, type ConsoleSection, SECTION_LABELS } from './console-sections.ts';

export type ConsoleNavProps = {
  current: ConsoleSection;
  attention: Partial<Record<ConsoleSection, Attention[]>>;
  onChoose(section: ConsoleSection): void;
  /** "Délivrer une carte" and "Vérifier une carte" open their own screens. */
  onIssue(): void;
  onVerify(): void;
};

/**
 * The console's sections, one shown at a time: a list of buttons, the shown one marked
 * `aria-current="page"` (buttons, not #links: the app never navigates). A section that needs
 * the agent carries a badge in words ("2 à encaisser"), said with its name by a screen reader.
 */
export function ConsoleNav({ current, attention, onChoose, onIssue, onVerify }: ConsoleNavProps) {
  const { t } = useT();
  const item = (section: ConsoleSection) => {
    const reasons = attention[section] ?? [];
    return (
      <li key={section}>
        <button
          type="button"
          className="button console-nav-item"
          aria-current={section === current ? 'page' : undefined}
          aria-controls="console-section"
          onClick={() => onChoose(section)}
        >
          <span className="console-nav-label">{t(SECTION_LABELS[section])}</span>
          {reasons.map((a) => (
            <span key={a.words} className="nav-badge">
              <span className="visually-hidden">, </span>
              {t(a.words, a.params)}
            </span>
          ))}
        </button>
      </li>
    );
  };
  const [first, ...rest] = CONSOLE_SECTIONS;
  return (
    <nav className="console-nav" aria-label={t('staff.sections')}>
      <ul>
        {first && item(first)}
        <li>
          <button type="button" className="button console-nav-item console-nav-action" onClick={onIssue}>
            <span className="console-nav-label">
              {t('issue.button')}
              <span aria-hidden="true"> ›</span>
            </span>
          </button>
        </li>
        {rest.map(item)}
        <li>
          <button type="button" className="button console-nav-item console-nav-action" onClick={onVerify}>
            <span className="console-nav-label">
              {t('help.verify')}
              <span aria-hidden="true"> ›</span>
            </span>
          </button>
        </li>
      </ul>
    </nav>
  );
}
