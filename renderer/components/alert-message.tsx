import type { FieldError } from '../app/machine.ts';
import { useT } from '../i18n/index.tsx';
import { useSeen } from './use-seen.ts';

/**
 * An error about no field in particular (a resend that failed, a printer that refused): said
 * at once, focused and brought into view each time a new one comes, like the error summary.
 */
export function AlertMessage({ error }: { error: FieldError | undefined }) {
  const { t } = useT();
  // Every refusal is a new object: the same sentence twice is brought back twice.
  const ref = useSeen<HTMLParagraphElement>(error);
  if (!error) return null;
  return (
    <p ref={ref} tabIndex={-1} className="error-message" role="alert">
      {t(error.key, error.params)}
    </p>
  );
}
