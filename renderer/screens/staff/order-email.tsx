import { useEffect, useRef, useState } from 'react';
import type { Result } from '../../../main/shared/errors.ts';
import type { HandedOverByEmail } from '../../../main/shared/orders.ts';
import type { OrderEmailTarget } from '../../../main/shared/staff.ts';
import { ConfirmQuestion, useConfirmation } from '../../components/confirm-action.tsx';
import type { MessageKey } from '../../i18n/fr.ts';
import { useT } from '../../i18n/index.tsx';

export type OrderEmailCalls = {
  /** Where the order's card would go by e-mail (asked of the registry now), or why not. */
  onEmailTarget(orderId: number): Promise<Result<OrderEmailTarget>>;
  /** Sends it to the address of that showing; the console's overview is refreshed by the caller. */
  onEmailSend(orderId: number, showing: string): Promise<Result<HandedOverByEmail>>;
};

type Shown = { orderId: number; number: string; maskedEmail: string; showing: string };
type Words = { orderId: number; key: MessageKey; params?: Record<string, string> };

/**
 * A failed PVC order's card by e-mail, as "Délivrer une carte" does it: a tap asks the registry
 * for the account's address, which takes the button's place, masked, as a question staff read to
 * the artisan ("Annuler" gives the focus back, nothing sent); confirmed, the kiosk asks the
 * registry again and sends only to that address. Whatever stops it is said under the order, in
 * words that say what to do (the order stays open: paper and refund stay below).
 */
export function useOrderEmail({ onEmailTarget, onEmailSend }: OrderEmailCalls, pending: boolean) {
  const { t } = useT();
  const asking = useConfirmation<Shown>();
  const [words, setWords] = useState<Words | null>(null);
  const [busy, setBusy] = useState(false);
  // A double tap reaches the handler twice before React draws the wait: one call only.
  const inFlight = useRef(false);
  const wordsId = words ? `order-email-words-${words.orderId}` : null;
  useEffect(() => {
    if (wordsId) document.getElementById(wordsId)?.focus();
  }, [wordsId, words]);

  async function once<T>(run: () => Promise<Result<T>>): Promise<Result<T> | null> {
    if (inFlight.current || pending) return null;
    inFlight.current = true;
    setBusy(true);
    try {
      return await run().catch((): Result<T> => ({ ok: false, error: { code: 'KIOSK_UNREACHABLE', message: 'the call was rejected' } }));
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }

  async function ask(orderId: number, number: string, triggerId: string): Promise<void> {
    setWords(null);
    const r = await once(() => onEmailTarget(orderId));
    if (!r) return;
    if (!r.ok) setWords({ orderId, key: `error.${r.error.code}` });
    else if (r.value.kind === 'refused') setWords({ orderId, key: `orders.emailRefused.${r.value.reason}` });
    else asking.ask({ orderId, number, maskedEmail: r.value.maskedEmail, showing: r.value.showing }, triggerId);
  }

  async function send(shown: Shown): Promise<void> {
    asking.close();
    const r = await once(() => onEmailSend(shown.orderId, shown.showing));
    if (!r) return;
    const { orderId } = shown;
    if (r.ok) setWords({ orderId, key: `issue.result.email.${r.value.mail}`, params: { email: r.value.maskedEmail } });
    else if (r.error.code === 'CARD_EMAIL_REFUSED' && typeof r.error.params?.reason === 'string')
      setWords({ orderId, key: `orders.emailRefused.${r.error.params.reason}` as MessageKey });
    else setWords({ orderId, key: `error.${r.error.code}` });
  }

  return {
    busy,
    /** Whether the question about this order is on show (it takes the buttons' place). */
    asking: (orderId: number) => asking.asking?.orderId === orderId,
    /** "Envoyer par e-mail" tapped: the address is asked first. */
    ask,
    /** Another step was taken: the question goes, and what was said of an earlier one. */
    close() {
      asking.close();
      setWords(null);
    },
    question(orderId: number) {
      const shown = asking.asking;
      if (shown?.orderId !== orderId) return null;
      return (
        <ConfirmQuestion
          id={asking.questionId}
          question={t('orders.emailConfirm', { number: shown.number, email: shown.maskedEmail })}
          confirmLabel={t('orders.emailYes')}
          pending={pending || busy}
          onConfirm={() => void send(shown)}
          onCancel={asking.cancel}
        />
      );
    },
    /** What became of the e-mail, under the order: sent, queued, or why nothing went. */
    words(orderId: number) {
      if (words?.orderId !== orderId) return null;
      const refusal = words.key.startsWith('orders.emailRefused.') || words.key.startsWith('error.');
      return (
        <p id={`order-email-words-${orderId}`} tabIndex={-1} className={refusal ? 'panel panel-warning' : 'panel panel-neutral'} role="status">
          {t(words.key, words.params)}
        </p>
      );
    },
  };
}
