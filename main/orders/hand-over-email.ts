import { type AccountAnswer, type CardMailCheck, createCardMailCheck } from '../accounts/card-mail-check.ts';
import type { Logger } from '../logging/logger.ts';
import { fail, type Result } from '../shared/errors.ts';
import type { HandedOverByEmail } from '../shared/orders.ts';
import { maskEmail } from '../shared/rules/email-mask.ts';
import type { OrderEmailTarget } from '../shared/staff.ts';
import type { ReadDb } from '../store/database.ts';
import { getOrder } from '../store/pvc-orders-repo.ts';
import type { PvcOrderService, Staff } from './pvc-order-service.ts';

type Deps = {
  db: ReadDb;
  orders: PvcOrderService;
  /** The artisan's account as the registry has it now, asked live. */
  account: (rmNumber: string) => Promise<AccountAnswer>;
  /** Pushes the outbox now; resolves true once the registry has the operation with this key. */
  pushNow: (key: string) => Promise<boolean>;
  log: Logger;
};

/**
 * A paid PVC card that could not be printed, handed over by e-mail: the same path as "Délivrer
 * une carte" by e-mail (main/accounts/card-mail-check.ts). Staff are shown the account's address,
 * masked, as the registry has it now, and say it to the artisan; at sending the registry is asked
 * again and held to what it said; the card goes only to the address shown. Whatever stops it
 * (the registry away, another address, none), nothing is sent and the order stays open with its
 * payment (paper and refund stay possible).
 *
 * One check per order, kept while the order waits (several consoles may ask about it), and
 * forgotten once it is handed over or staff log out: addresses live in memory only.
 */
export function createHandOverByEmail({ db, orders, account, pushNow, log }: Deps) {
  const checks = new Map<number, { rmNumber: string; check: CardMailCheck }>();

  /** The order, still waiting for another way out (failed), with its check; else why not. */
  async function waiting(orderId: number): Promise<Result<{ rmNumber: string; check: CardMailCheck }>> {
    const order = await getOrder(db, orderId);
    if (!order) return fail('ORDER_NOT_FOUND', `no order ${orderId}`);
    if (order.state !== 'failed') {
      checks.delete(orderId);
      return fail('ORDER_STATE', `order ${orderId} is ${order.state}`);
    }
    let entry = checks.get(orderId);
    // A new order for the same id cannot happen, but a check is never shared between artisans.
    if (!entry || entry.rmNumber !== order.rmNumber) {
      entry = { rmNumber: order.rmNumber, check: createCardMailCheck({ rmNumber: order.rmNumber, account, log, where: 'pvc-hand-over' }) };
      checks.set(orderId, entry);
    }
    return { ok: true, value: entry };
  }

  return {
    /** Where the order's card would go by e-mail, to show staff (masked) before anything is sent, with the id of this showing. */
    async target(orderId: number): Promise<Result<OrderEmailTarget>> {
      const found = await waiting(orderId);
      if (!found.ok) return found;
      const entry = found.value;
      const shown = await entry.check.target(() => checks.get(orderId) === entry);
      return { ok: true, value: shown.showing === null ? shown.target : { ...shown.target, showing: shown.showing } };
    },

    /**
     * Sends the card to the address of `showing`, if the registry, asked now, still gives it for
     * the account; the order is closed as handed over by e-mail, once. CARD_EMAIL_REFUSED
     * (params.reason: an EmailRefusal) when nothing goes; ORDER_STATE when the order was closed
     * meanwhile (by another console, or a first tap).
     */
    async send(orderId: number, showing: string | null, staff: Staff): Promise<Result<HandedOverByEmail>> {
      const found = await waiting(orderId);
      if (!found.ok) return found;
      const entry = found.value;
      const verdict = await entry.check.beforeSending(showing, () => checks.get(orderId) === entry);
      if ('refused' in verdict) {
        log.info('pvc-email-refused', { order: orderId, reason: verdict.refused });
        return { ok: false, error: { code: 'CARD_EMAIL_REFUSED', message: `not sent: ${verdict.refused}`, params: { reason: verdict.refused } } };
      }
      const handed = await orders.handOverByEmail(orderId, verdict.email, staff);
      if (!handed.ok) return handed;
      checks.delete(orderId);
      // "Sent" only once the registry has taken the operation (it sends the mail); else it waits in the outbox.
      const sent = await pushNow(handed.value.mailKey);
      log.info('pvc-handed-over-email', { order: orderId, sent });
      return { ok: true, value: { mail: sent ? 'sent' : 'queued', maskedEmail: maskEmail(verdict.email) } };
    },

    /** Staff logged out: what the registry said, and the addresses shown, are forgotten. */
    end(): void {
      checks.clear();
    },
  };
}

export type HandOverByEmailService = ReturnType<typeof createHandOverByEmail>;
