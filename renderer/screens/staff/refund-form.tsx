import { useEffect, useState } from 'react';
import { ConfirmQuestion, useConfirmation } from '../../components/confirm-action.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useT } from '../../i18n/index.tsx';
import { formatAmount } from '../format.ts';

type Method = 'cash' | 'card';
export type RefundFormProps = {
  order: { id: number; number: string; amountCents: number; payment: { method: Method } | null };
  pending: boolean;
  onRefund(method: Method, reason: string): void;
  onBack(): void;
};

/**
 * "Annuler et rembourser", asked twice: first how the money goes back and why (required),
 * then the question with the amount, the means and the order number, to be confirmed.
 * What was typed stays when staff go back from the question, and the focus goes back to "Continuer".
 */
export function RefundForm({ order, pending, onRefund, onBack }: RefundFormProps) {
  const { t, locale } = useT();
  const [method, setMethod] = useState<Method>(order.payment?.method ?? 'cash');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const asking = useConfirmation<true>();
  // The form opens on its first question; the confirmation's own focus is the hook's.
  useEffect(() => {
    document.getElementById(`refund-reason-${order.id}`)?.focus();
  }, [order.id]);
  const button = (label: string, onClick: () => void, kind: 'primary' | 'secondary' = 'secondary') => (
    <button type="button" className={`button button-${kind}`} aria-disabled={pending || undefined} onClick={() => !pending && onClick()}>
      {label}
    </button>
  );
  if (asking.asking)
    return (
      <ConfirmQuestion
        id={asking.questionId}
        question={t('orders.confirmRefund', { amount: formatAmount(order.amountCents, locale), method: t(`orders.method.${method}`), number: order.number })}
        confirmLabel={t('orders.confirm')}
        pending={pending}
        onConfirm={() => onRefund(method, reason.trim())}
        onCancel={asking.cancel}
      />
    );
  return (
    <form
      autoComplete="off"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason.trim()) return setMissing(true);
        setMissing(false);
        asking.ask(true, `refund-next-${order.id}`);
      }}
    >
      <fieldset className="choice">
        <legend className="label">{t('orders.refundMethod')}</legend>
        {(['cash', 'card'] as const).map((m) => (
          <label key={m} className="choice-option">
            <input type="radio" name={`refund-method-${order.id}`} value={m} checked={method === m} onChange={() => setMethod(m)} />
            <span>{t(`orders.method.${m}`)}</span>
          </label>
        ))}
      </fieldset>
      <TextField
        id={`refund-reason-${order.id}`}
        label={t('orders.refundReason')}
        value={reason}
        maxLength={200}
        error={missing ? { key: 'orders.refundReasonRequired' } : undefined}
        onChange={setReason}
      />
      <div className="space-actions">
        <button id={`refund-next-${order.id}`} type="submit" className="button button-primary" aria-disabled={pending || undefined}>
          {t('orders.refundNext')}
        </button>
        {button(t('orders.back'), onBack)}
      </div>
    </form>
  );
}
