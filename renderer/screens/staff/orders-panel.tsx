import { useEffect, useState } from 'react';
import type { InputOf } from '../../../main/api/contract.ts';
import type { StaffOverview } from '../../../main/shared/console.ts';
import { TextField } from '../../components/text-field.tsx';
import { useT } from '../../i18n/index.tsx';
import { formatAmount, formatTime } from '../format.ts';
import { RefundForm } from './refund-form.tsx';

type Order = StaffOverview['orders'][number];
export type OrderStep = InputOf<'staff:order'>;

export type OrdersPanelProps = { orders: Order[]; pending: boolean; onStep(step: OrderStep): void; onCheckAgain(): void };

/**
 * PVC orders at the desk: take the payment (asked twice: a wrong tap would charge and print),
 * follow the printing, retry after a failure, reprint with a reason, hand the card over. Payment is
 * offered only while the card printer is ready (else the reason, in words), and while the receipt
 * printer says it cannot print, only once staff choose to go on without a receipt (what to do to
 * mend it comes first); a paid card that cannot print is refunded (asked twice, with why) or handed
 * over on paper or by e-mail.
 */
export function OrdersPanel({ orders, pending, onStep, onCheckAgain }: OrdersPanelProps) {
  const { t, locale } = useT();
  const [paying, setPaying] = useState<{ orderId: number; method: 'cash' | 'card' } | null>(null);
  const [reprinting, setReprinting] = useState<{ orderId: number; reason: string } | null>(null);
  const [refunding, setRefunding] = useState<number | null>(null);
  // Orders for which staff chose to take the payment without a receipt (the receipt printer cannot print).
  const [noReceipt, setNoReceipt] = useState<readonly number[]>([]);
  // The tapped button gives way to a question: the focus goes to it, so that a keyboard or
  // a screen reader follows instead of landing at the top of the page.
  const payingId = paying ? `${paying.orderId}-${paying.method}` : null;
  useEffect(() => {
    if (payingId) document.getElementById(`pay-question-${payingId}`)?.focus();
  }, [payingId]);
  const reprintingId = reprinting?.orderId ?? null;
  useEffect(() => {
    if (reprintingId !== null) document.getElementById(`reason-${reprintingId}`)?.focus();
  }, [reprintingId]);
  const step = (s: OrderStep) => {
    if (pending) return;
    setPaying(null);
    setReprinting(null);
    setRefunding(null);
    onStep(s);
  };
  const button = (label: string, onClick: () => void, kind: 'primary' | 'secondary' = 'secondary') => (
    <button type="button" className={`button button-${kind}`} aria-disabled={pending || undefined} onClick={() => !pending && onClick()}>
      {label}
    </button>
  );
  return (
    <section className="panel panel-neutral" aria-labelledby="orders-title">
      <h2 id="orders-title">{t('orders.title')}</h2>
      {orders.length === 0 && <p>{t('orders.none')}</p>}
      <ul className="plain-list order-list">
        {orders.map((o) => (
          <li key={o.id} className="order" aria-labelledby={`order-${o.id}`}>
            <h3 id={`order-${o.id}`}>{t('orders.item', { number: o.number, name: o.artisanName ?? t('orders.unknownArtisan') })}</h3>
            <p className="lead">{t(`orders.state.${shownState(o)}`, { amount: formatAmount(o.amountCents, locale) })}</p>
            {o.payment && (
              <p>
                {t('orders.paidBy', {
                  method: t(`orders.method.${o.payment.method}`),
                  time: formatTime(o.payment.at, locale),
                  name: o.payment.staffName,
                })}
              </p>
            )}
            {o.refund && (
              <p>
                {t('orders.refundedBy', {
                  method: t(`orders.method.${o.refund.method}`),
                  time: formatTime(o.refund.at, locale),
                  name: o.refund.staffName,
                  reason: o.refund.reason,
                })}
              </p>
            )}
            {o.cardPrinter && (
              <p className="error-message" role="status">
                {t(`orders.cardPrinter.${o.cardPrinter}`)}
              </p>
            )}
            {o.state === 'failed' &&
              !o.cardPrinter &&
              (o.errorKind ? (
                <p className="error-message">{t('orders.failedWhy', { words: t(`print.error.${o.errorKind}`) })}</p>
              ) : (
                <p>{t('orders.failedReady')}</p>
              ))}
            {o.state === 'requested' && o.cardPrinter && (
              <div className="space-actions">{button(t('orders.cancel'), () => step({ action: 'cancel', orderId: o.id }))}</div>
            )}
            {o.state === 'requested' && !o.cardPrinter && o.receiptPrinter && !noReceipt.includes(o.id) && (
              <>
                <p className="error-message" role="status">
                  {t(`orders.receiptPrinter.${o.receiptPrinter}`)}
                </p>
                <div className="space-actions">
                  {button(t('orders.checkAgain'), onCheckAgain, 'primary')}
                  {button(t('orders.withoutReceipt'), () => setNoReceipt((ids) => [...ids, o.id]))}
                  {button(t('orders.cancel'), () => step({ action: 'cancel', orderId: o.id }))}
                </div>
              </>
            )}
            {o.state === 'requested' && !o.cardPrinter && o.receiptPrinter && noReceipt.includes(o.id) && (
              <p role="status">{t('orders.withoutReceiptChosen')}</p>
            )}
            {o.state === 'requested' &&
              !o.cardPrinter &&
              (!o.receiptPrinter || noReceipt.includes(o.id)) &&
              (paying?.orderId === o.id ? (
                <fieldset className="confirm">
                  <legend id={`pay-question-${o.id}-${paying.method}`} tabIndex={-1}>
                    {t(o.receiptPrinter ? 'orders.confirmPayNoReceipt' : 'orders.confirmPay', {
                      amount: formatAmount(o.amountCents, locale),
                      method: t(`orders.method.${paying.method}`),
                      number: o.number,
                    })}
                  </legend>
                  <div className="space-actions">
                    {button(
                      t('orders.confirm'),
                      () =>
                        step({
                          action: 'pay',
                          orderId: o.id,
                          method: paying.method,
                          ...(o.receiptPrinter && noReceipt.includes(o.id) ? { withoutReceipt: true } : {}),
                        }),
                      'primary',
                    )}
                    {button(t('orders.back'), () => setPaying(null))}
                  </div>
                </fieldset>
              ) : (
                <div className="space-actions">
                  {button(t('orders.payCash'), () => setPaying({ orderId: o.id, method: 'cash' }), 'primary')}
                  {button(t('orders.payCard'), () => setPaying({ orderId: o.id, method: 'card' }), 'primary')}
                  {button(t('orders.cancel'), () => step({ action: 'cancel', orderId: o.id }))}
                </div>
              ))}
            {o.state === 'failed' &&
              (refunding === o.id ? (
                <RefundForm
                  order={o}
                  pending={pending}
                  onRefund={(method, reason) => step({ action: 'refund', orderId: o.id, method, reason })}
                  onBack={() => setRefunding(null)}
                />
              ) : (
                <div className="space-actions">
                  {!o.cardPrinter && button(t('orders.retry'), () => step({ action: 'retry', orderId: o.id }), 'primary')}
                  {button(t('orders.refund'), () => setRefunding(o.id))}
                  {button(t('orders.handOverPaper'), () => step({ action: 'hand-over-as', orderId: o.id, as: 'paper' }))}
                  {button(t('orders.handOverEmail'), () => step({ action: 'hand-over-as', orderId: o.id, as: 'email' }))}
                </div>
              ))}
            {o.state === 'printed' &&
              (reprinting?.orderId === o.id ? (
                <form
                  noValidate
                  onSubmit={(e) => {
                    e.preventDefault();
                    step({ action: 'reprint', orderId: o.id, reason: reprinting.reason });
                  }}
                >
                  <TextField
                    id={`reason-${o.id}`}
                    label={t('orders.reason')}
                    value={reprinting.reason}
                    maxLength={200}
                    onChange={(reason) => setReprinting({ orderId: o.id, reason })}
                  />
                  <div className="space-actions">
                    <button type="submit" className="button button-primary" aria-disabled={pending || undefined}>
                      {t('orders.reprintConfirm')}
                    </button>
                    {button(t('orders.back'), () => setReprinting(null))}
                  </div>
                </form>
              ) : (
                <div className="space-actions">
                  {button(t('orders.handOver'), () => step({ action: 'hand-over', orderId: o.id }), 'primary')}
                  {button(t('orders.reprint'), () => setReprinting({ orderId: o.id, reason: '' }))}
                </div>
              ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The state as the desk says it: a cancelled order that was paid is "refunded"; a hand-over says how. */
function shownState(o: Order): Order['state'] | 'refunded' | `handed-over-${'paper' | 'email'}` {
  if (o.state === 'cancelled' && o.refund) return 'refunded';
  if (o.state === 'handed-over' && (o.handedOverAs === 'paper' || o.handedOverAs === 'email')) return `handed-over-${o.handedOverAs}`;
  return o.state;
}
