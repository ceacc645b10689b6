import { useT } from '../i18n/index.tsx';
import { KeyButton } from './key-button.tsx';

export type KeypadProps = {
  /** Accessible name of the keypad group, e.g. « Clavier pour "Jour" ». */
  label: string;
  /** Extra keys after the digits, e.g. RM, RE, A, B for the RM number. */
  extraKeys?: readonly string[];
  onKey(key: string): void;
  onErase(): void;
  onNext?: () => void;
};

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

/**
 * A touch keypad that types into the field being filled. Its buttons never take the focus
 * (pointer down is cancelled), so the field keeps its caret and screen readers stay on it;
 * with a keyboard the keys are ordinary buttons.
 */
export function Keypad({ label, extraKeys = [], onKey, onErase, onNext }: KeypadProps) {
  const { t } = useT();
  return (
    // Audio mode types with its own keys: its focus skips these on-screen ones.
    <fieldset className="keypad" aria-label={label} data-audio-skip>
      {[...DIGITS, ...extraKeys].map((key) => (
        <KeyButton key={key} className="keypad-key" onClick={() => onKey(key)}>
          {key}
        </KeyButton>
      ))}
      <KeyButton className="keypad-key keypad-erase" aria-label={t('keypad.eraseLabel')} onClick={onErase}>
        <span aria-hidden="true">⌫ </span>
        {t('keypad.erase')}
      </KeyButton>
      {onNext && (
        <KeyButton className="keypad-key keypad-next" aria-label={t('keypad.nextLabel')} onClick={onNext}>
          {t('keypad.next')}
          <span aria-hidden="true"> →</span>
        </KeyButton>
      )}
    </fieldset>
  );
}
