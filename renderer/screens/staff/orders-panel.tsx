import { useEffect, useState } from 'react';
import type { InputOf } from '../../../main/api/contract.ts';
import type { StaffOverview } from '../../../main/shared/console.ts';
import { ConfirmQuestion, useConfirmation } from '../../components/confirm-action.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useT } from '../../i18n/index.tsx';
import { formatAmount, formatTime } from '../format.ts';
import { type OrderEmailCalls, useOrderEmail } from './order-email.tsx';
import { RefundForm } from './refund-form.tsx';

type Order = StaffOverview['orders'][number];
export type OrderStep = InputOf<'staff:order'>;

export type OrdersPanelProps = OrderEmailCalls & { orders: Order[]; pending: boolean; onStep(step: OrderStep): void; onCheckAgain(): void };

/**
 * PVC orders at the desk: take the payment, cancel the order, hand the card over (each asked twice:
 * a wrong tap would charge and print, end an order for good, or close it with the card still on the
 * desk), follow the printing, retry after a failure, reprint with a reason. Payment is
 * offered only while the card printer is ready (else the reason, in words), and while the receipt
 * printer says it cannot print, only once staff choose to go on without a receipt (what to do to
 * mend it comes first); a paid card that cannot print is refunded (asked twice, with why) or handed
 * over on paper (asked twice) or by e-mail (the address shown first, as the question: order-email.tsx).
 */
export function OrdersPanel({ orders, pending, onStep, onCheckAgain, onEmailTarget, onEmailSend }: OrdersPanelProps) {
  const { t, locale } = useT();
  // Each question takes its button's place and the focus; "Annuler" gives the focus back (confirm-action.tsx).
  const asking = useConfirmation<{ orderId: number; action: 'cash' | 'card' | 'cancel' | 'hand-over' | 'paper' }>();
  const mail = useOrderEmail({ onEmailTarget, onEmailSend }, pending);
  const waiting = pending || mail.busy;
  const refunding = useConfirmation<number>();
  const reprinting = useConfirmation<number>();
  const [reason, setReason] = useState('');
  // Orders for which staff chose to take the payment without a receipt (the receipt printer cannot print).
  const [noReceipt, setNoReceipt] = useState<readonly number[]>([]);
  const withoutReceipt = (o: Order) => Boolean(o.receiptPrinter) && noReceipt.includes(o.id);
  const payable = (o: Order) => !o.cardPrinter && (!o.receiptPrinter || noReceipt.includes(o.id));
  const receiptBlocked = (o: Order) => !o.cardPrinter && Boolean(o.receiptPrinter) && !noReceipt.includes(o.id);
  const reprintingId = reprinting.asking;
  useEffect(() => {
    if (reprintingId !== null) document.getElementById(`reason-${reprintingId}`)?.focus();
  }, [reprintingId]);
  const step = (s: OrderStep) => {
    if (waiting) return;
    asking.close();
    refunding.close();
    reprinting.close();
    mail.close();
    onStep(s);
  };
  const button = (id: string, label: string, onClick: () => void, kind: 'primary' | 'secondary' = 'secondary') => (
    <button id={id} type="button" className={`button button-${kind}`} aria-disabled={waiting || undefined} onClick={() => !waiting && onClick()}>
      {label}
    </button>
  );
  const question = (o: Order, action: 'cash' | 'card' | 'cancel' | 'hand-over' | 'paper') => {
    const amount = formatAmount(o.amountCents, locale);
    if (action === 'hand-over' || action === 'paper')
      return (
        <ConfirmQuestion
          id={asking.questionId}
          question={t(action === 'paper' ? 'orders.paperConfirm' : 'orders.handOverConfirm', { number: o.number })}
          confirmLabel={t(action === 'paper' ? 'orders.paperYes' : 'orders.handOverYes')}
          pending={waiting}
          onConfirm={() => step(action === 'paper' ? { action: 'hand-over-as', orderId: o.id, as: 'paper' } : { action: 'hand-over', orderId: o.id })}
          onCancel={asking.cancel}
        />
      );
    return action === 'cancel' ? (
      <ConfirmQuestion
        id={asking.questionId}
        question={t('orders.cancelConfirm', { number: o.number })}
        confirmLabel={t('orders.cancelYes')}
        cancelLabel={t('orders.cancelNo')}
        pending={pending}
        onConfirm={() => step({ action: 'cancel', orderId: o.id })}
        onCancel={asking.cancel}
      />
    ) : (
      <ConfirmQuestion
        id={asking.questionId}
        question={t(withoutReceipt(o) ? 'orders.confirmPayNoReceipt' : 'orders.confirmPay', {
          amount,
          method: t(`orders.method.${action}`),
          number: o.number,
        })}
        confirmLabel={t('orders.confirm')}
        pending={pending}
        onConfirm={() => step({ action: 'pay', orderId: o.id, method: action, ...(withoutReceipt(o) ? { withoutReceipt: true } : {}) })}
        onCancel={asking.cancel}
      />
    );
  };
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
            {o.state === 'requested' && receiptBlocked(o) && o.receiptPrinter && (
              <p className="error-message" role="status">
                {t(`orders.receiptPrinter.${o.receiptPrinter}`)}
              </p>
            )}
            {o.state === 'requested' && withoutReceipt(o) && <p role="status">{t('orders.withoutReceiptChosen')}</p>}
            {o.state === 'requested' &&
              (asking.asking?.orderId === o.id ? (
                question(o, asking.asking.action)
              ) : (
                <div className="space-actions">
                  {payable(o) &&
                    button(`pay-cash-${o.id}`, t('orders.payCash'), () => asking.ask({ orderId: o.id, action: 'cash' }, `pay-cash-${o.id}`), 'primary')}
                  {payable(o) &&
                    button(`pay-card-${o.id}`, t('orders.payCard'), () => asking.ask({ orderId: o.id, action: 'card' }, `pay-card-${o.id}`), 'primary')}
                  {receiptBlocked(o) && button(`check-again-${o.id}`, t('orders.checkAgain'), onCheckAgain, 'primary')}
                  {receiptBlocked(o) &&
                    button(`without-receipt-${o.id}`, t('orders.withoutReceipt'), () => {
                      setNoReceipt((ids) => [...ids, o.id]);
                      // Its button gives way to the payment's: the focus goes to the first of them.
                      requestAnimationFrame(() => document.getElementById(`pay-cash-${o.id}`)?.focus());
                    })}
                  {button(`cancel-${o.id}`, t('orders.cancel'), () => asking.ask({ orderId: o.id, action: 'cancel' }, `cancel-${o.id}`))}
                </div>
              ))}
            {mail.words(o.id)}
            {o.state === 'failed' &&
              (refunding.asking === o.id ? (
                <RefundForm
                  order={o}
                  pending={pending}
                  onRefund={(method, why) => step({ action: 'refund', orderId: o.id, method, reason: why })}
                  onBack={refunding.cancel}
                />
              ) : asking.asking?.orderId === o.id ? (
                question(o, asking.asking.action)
              ) : mail.asking(o.id) ? (
                mail.question(o.id)
              ) : (
                <div className="space-actions">
                  {!o.cardPrinter && button(`retry-${o.id}`, t('orders.retry'), () => step({ action: 'retry', orderId: o.id }), 'primary')}
                  {button(`refund-${o.id}`, t('orders.refund'), () => refunding.ask(o.id, `refund-${o.id}`))}
                  {button(`hand-over-paper-${o.id}`, t('orders.handOverPaper'), () => {
                    mail.close();
                    asking.ask({ orderId: o.id, action: 'paper' }, `hand-over-paper-${o.id}`);
                  })}
                  {button(`hand-over-email-${o.id}`, t('orders.handOverEmail'), () => {
                    asking.close();
                    void mail.ask(o.id, o.number, `hand-over-email-${o.id}`);
                  })}
                </div>
              ))}
            {o.state === 'printed' &&
              (reprinting.asking === o.id ? (
                <form
                  autoComplete="off"
                  noValidate
                  onSubmit={(e) => {
                    e.preventDefault();
                    step({ action: 'reprint', orderId: o.id, reason });
                  }}
                >
                  <TextField id={`reason-${o.id}`} label={t('orders.reason')} value={reason} maxLength={200} onChange={setReason} />
                  <div className="space-actions">
                    <button type="submit" className="button button-primary" aria-disabled={pending || undefined}>
                      {t('orders.reprintConfirm')}
                    </button>
                    {button(`reprint-back-${o.id}`, t('orders.back'), reprinting.cancel)}
                  </div>
                </form>
              ) : asking.asking?.orderId === o.id ? (
                question(o, asking.asking.action)
              ) : (
                <div className="space-actions">
                  {button(`hand-over-${o.id}`, t('orders.handOver'), () => asking.ask({ orderId: o.id, action: 'hand-over' }, `hand-over-${o.id}`), 'primary')}
                  {button(`reprint-${o.id}`, t('orders.reprint'), () => {
                    setReason('');
                    reprinting.ask(o.id, `reprint-${o.id}`);
                  })}
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
