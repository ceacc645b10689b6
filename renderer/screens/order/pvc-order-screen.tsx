import type { OrderTicket } from '../../../main/shared/orders.ts';
import type { FieldError } from '../../app/machine.ts';
import { ScreenHeading } from '../../components/screen-heading.tsx';
import { useT } from '../../i18n/index.tsx';
import { formatAmount } from '../format.ts';

export type PvcOrderScreenProps = {
  order: OrderTicket | null;
  error: FieldError | undefined;
  pending: boolean;
  onConfirm(): void;
  onBack(): void;
  onFinish(): void;
};

/** What the artisan is told of the ticket: out, sent without the printer's word, or not out. */
const ticketWords = { printed: 'order.ticketPrinted', unconfirmed: 'order.ticketUnconfirmed', 'not-printed': 'order.ticketNotPrinted' } as const;

/**
 * "Commander une carte PVC": what it costs and where to pay, then the order number, which the
 * ticket also prints. Nothing is charged here: staff take the payment at the desk.
 */
export function PvcOrderScreen({ order, error, pending, onConfirm, onBack, onFinish }: PvcOrderScreenProps) {
  const { t, locale } = useT();
  if (!order) {
    return (
      <main id="main" className="screen pvc-order-screen">
        <ScreenHeading>{t('order.heading')}</ScreenHeading>
        <p className="lead">{t('order.confirmLead', { amount: formatAmount(500, locale) })}</p>
        {error && (
          <p className="error-message" role="alert">
            {t(error.key, error.params)}
          </p>
        )}
        <div className="space-actions">
          <button type="button" className="button button-primary" aria-disabled={pending || undefined} onClick={() => !pending && onConfirm()}>
            {t('order.confirm')}
          </button>
          <button type="button" className="button button-secondary" onClick={onBack}>
            {t('help.back')}
          </button>
        </div>
      </main>
    );
  }
  const waiting = order.state === 'requested';
  return (
    <main id="main" className="screen pvc-order-screen">
      {/* A heading of its own (a key): the one above, kept by React, did not take the focus
          again, which stayed on "Confirmer la commande" gone from the page, that is nowhere. */}
      <ScreenHeading key="ordered">{t('order.heading')}</ScreenHeading>
      <div className={`panel ${!waiting ? 'panel-neutral' : order.ticket === 'printed' ? 'panel-success' : 'panel-warning'}`} role="status">
        <p className="order-number">{t('order.number', { number: order.number })}</p>
        {waiting ? (
          <p className="lead">{t('order.amount', { amount: formatAmount(order.amountCents, locale) })}</p>
        ) : (
          <p>{t(order.state === 'printed' ? 'order.ready' : 'order.alreadyPaid')}</p>
        )}
        {waiting && <p>{t(ticketWords[order.ticket])}</p>}
        {waiting && order.ticketWhy && <p>{t(`order.ticketWhy.${order.ticketWhy}`)}</p>}
      </div>
      <div className="space-actions">
        <button type="button" className="button button-primary" onClick={onFinish}>
          {t('order.done')}
        </button>
        <button type="button" className="button button-secondary" onClick={onBack}>
          {t('help.back')}
        </button>
      </div>
    </main>
  );
}
