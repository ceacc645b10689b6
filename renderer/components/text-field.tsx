import type { InputHTMLAttributes } from 'react';
import type { FieldError } from '../app/machine.ts';
import { useT } from '../i18n/index.tsx';
import type { KeyboardKind } from './touch-keyboard/type-into.ts';

export type TextFieldProps = {
  id: string;
  label: string;
  hint?: string;
  error?: FieldError | undefined;
  value: string;
  onChange(value: string): void;
  /** Extra content under the input (a suggestion, a checklist). */
  children?: React.ReactNode;
  /** The on-screen keyboard this field asks for; by default from its type. */
  keyboard?: KeyboardKind;
} & Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'inputMode' | 'maxLength'>;

/** A labelled input with its hint and, above it, its error: the GOV.UK pattern. Never remembered by the browser. */
export function TextField({ id, label, hint, error, value, onChange, children, type = 'text', inputMode, maxLength = 254, keyboard }: TextFieldProps) {
  const { t } = useT();
  const kind: KeyboardKind =
    keyboard ?? (type === 'email' ? 'email' : type === 'tel' ? 'tel' : type === 'password' ? 'password' : inputMode === 'numeric' ? 'numeric' : 'text');
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field ${error ? 'field-error' : ''}`}>
      <label htmlFor={id} className="label">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="error-message">
          {t(error.key, error.params)}
        </p>
      )}
      <input
        id={id}
        className="input"
        type={type}
        // A kiosk is shared: nothing typed here is the browser's to remember and offer the next
        // person (Chromium's saved form entries). No field may ask otherwise, so this is no prop.
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="off"
        maxLength={maxLength}
        value={value}
        aria-describedby={describedBy || undefined}
        aria-invalid={error ? true : undefined}
        data-touch-keyboard={kind}
        {...(inputMode ? { inputMode } : {})}
        onChange={(e) => onChange(e.target.value)}
      />
      {children}
    </div>
  );
}
