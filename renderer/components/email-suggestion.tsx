import { emailTypoSuggestion } from '../../main/shared/rules/email.ts';
import { useT } from '../i18n/index.tsx';

/**
 * "Vouliez-vous dire …@gmail.com ?" under an e-mail field while the domain looks mistyped:
 * one tap puts it right, and nothing stops the person from keeping what they typed. A live
 * region, so that the hint is heard as well as seen.
 */
export function EmailSuggestion({ value, onAccept }: { value: string; onAccept(suggestion: string): void }) {
  const { t } = useT();
  const suggestion = emailTypoSuggestion(value);
  return (
    <div role="status" aria-live="polite" className="suggestion-region">
      {suggestion && (
        <p className="suggestion">
          {t('activate.emailTypo', { suggestion })}{' '}
          <button type="button" className="button button-link" onClick={() => onAccept(suggestion)}>
            {t('activate.useSuggestion', { suggestion })}
          </button>
        </p>
      )}
    </div>
  );
}
