import { PIN_MAX, PIN_MIN, type PinRefusal, pinRefusal } from '../../../main/shared/rules/staff-pin.ts';
import type { FieldError } from '../../app/machine.ts';
import { TextField } from '../../components/text-field.tsx';
import { type MessageKey, useT } from '../../i18n/index.tsx';

const RULE_KEYS: readonly MessageKey[] = ['error.PIN_FORMAT', 'error.PIN_REPEATED', 'error.PIN_SEQUENCE', 'error.PIN_DATE'];
const ruleKey = (r: PinRefusal): MessageKey => `error.PIN_${r.toUpperCase() as Uppercase<PinRefusal>}`;

/**
 * The errors of a new PIN and its confirmation as the agent sees them while typing: the
 * kiosk's rule run live once the PIN is long enough (no red sentence after the first digit),
 * a confirmation that cannot match any more, and the core's refusals until put right.
 */
export function newPinErrors(
  pin: string,
  confirmation: string,
  refused: { pin?: FieldError | undefined; confirmation?: FieldError | undefined },
): { pin: FieldError | undefined; confirmation: FieldError | undefined } {
  const refusal = pinRefusal(pin);
  const live = pin.length >= PIN_MIN && refusal ? { key: ruleKey(refusal) } : undefined;
  const ruleFixed = refused.pin && RULE_KEYS.includes(refused.pin.key) && refusal === null;
  // One thing at a time: the confirmation is judged once the PIN itself is right, as the core does.
  const mismatch = refusal === null && confirmation !== '' && confirmation.length >= pin.length && confirmation !== pin;
  const confirmed = pin !== '' && confirmation === pin;
  return {
    pin: live ?? (ruleFixed ? undefined : refused.pin),
    confirmation: mismatch ? { key: 'error.PIN_MISMATCH' } : confirmed ? undefined : refused.confirmation,
  };
}

export type NewPinFieldsProps = {
  /** The two inputs' ids, which an error summary links to. */
  ids: { pin: string; confirmation: string };
  labels: { pin: MessageKey; confirmation: MessageKey };
  pin: string;
  confirmation: string;
  errors: { pin: FieldError | undefined; confirmation: FieldError | undefined };
  onPin(value: string): void;
  onConfirmation(value: string): void;
};

/** A new PIN typed twice, with what makes a PIN and, above each field, why it is refused. */
export function NewPinFields({ ids, labels, pin, confirmation, errors, onPin, onConfirmation }: NewPinFieldsProps) {
  const { t } = useT();
  return (
    <>
      <TextField
        id={ids.pin}
        label={t(labels.pin)}
        hint={t('staff.pinHint')}
        error={errors.pin}
        value={pin}
        type="password"
        inputMode="numeric"
        keyboard="numeric"
        maxLength={PIN_MAX}
        onChange={onPin}
      />
      <TextField
        id={ids.confirmation}
        label={t(labels.confirmation)}
        error={errors.confirmation}
        value={confirmation}
        type="password"
        inputMode="numeric"
        keyboard="numeric"
        maxLength={PIN_MAX}
        onChange={onConfirmation}
      />
    </>
  );
}
