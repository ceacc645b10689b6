import type { CardView } from '../../../main/shared/card.ts';
import type { EmailTarget, IssuanceResult } from '../../../main/shared/staff.ts';
import type { FieldError } from '../../app/machine.ts';
import { ConfirmQuestion, useConfirmation } from '../../components/confirm-action.tsx';
import { ScreenHeading } from '../../components/screen-heading.tsx';
import { type Translate, useT } from '../../i18n/index.tsx';
import { CardPreview } from '../card/card-preview.tsx';

export type Delivery = { kind: 'paper' } | { kind: 'email' } | { kind: 'pvc'; method: 'cash' | 'card' };

export type IssueCardProps = {
  card: CardView;
  result: IssuanceResult | null;
  /** Where an e-mailed card would go (asked first), or why it cannot. */
  emailTarget: EmailTarget | null;
  /** The PVC order taken in this issuance, if any: no second payment is offered. */
  ordered: string | null;
  error: FieldError | undefined;
  pending: boolean;
  onRetake(): void;
  onEmailTarget(): void;
  onIssue(delivery: Delivery): void;
  onFinish(): void;
};

/** The card staff are about to hand over, and the three ways to do it. */
export function IssueCardScreen({ card, result, emailTarget, ordered, error, pending, onRetake, onEmailTarget, onIssue, onFinish }: IssueCardProps) {
  const { t } = useT();
  // The PVC card takes money: a tap only asks, naming the means, so a slip between the two buttons is seen.
  const paying = useConfirmation<'cash' | 'card'>();
  const act = (label: string, delivery: Delivery, kind: 'primary' | 'secondary' = 'secondary') => (
    <button type="button" className={`button button-${kind}`} aria-disabled={pending || undefined} onClick={() => !pending && onIssue(delivery)}>
      {label}
    </button>
  );
  const pvc = (method: 'cash' | 'card') => (
    <button
      id={`issue-pvc-${method}`}
      type="button"
      className="button button-primary"
      aria-disabled={pending || undefined}
      onClick={() => !pending && paying.ask(method, `issue-pvc-${method}`)}
    >
      {t(method === 'cash' ? 'issue.pvcCash' : 'issue.pvcCard')}
    </button>
  );
  return (
    <main id="main" className="screen issue-card-screen">
      <ScreenHeading>{t('issue.cardHeading')}</ScreenHeading>
      <CardPreview card={card} />
      <button type="button" className="button button-secondary" onClick={onRetake}>
        {t('issue.retakePhoto')}
      </button>
      <section aria-labelledby="issue-how">
        <h2 id="issue-how">{t('issue.how')}</h2>
        {error && (
          <p className="error-message" role="alert">
            {t(error.key, error.params)}
          </p>
        )}
        {/* One answer at a time: each action's replaces the previous one's (flow.ts). */}
        {result && (
          <p
            className={`panel ${result.status === 'failed' || result.status === 'queued' || result.status === 'refused' ? 'panel-warning' : 'panel-success'}`}
            role="status"
          >
            {resultWords(t, result)}
          </p>
        )}
        {emailTarget && <EmailTargetPanel target={emailTarget} pending={pending} onSend={() => onIssue({ kind: 'email' })} />}
        {!ordered && paying.asking && (
          <ConfirmQuestion
            id={paying.questionId}
            question={t(`issue.pvcConfirm.${paying.asking}`)}
            confirmLabel={t(`issue.pvcYes.${paying.asking}`)}
            pending={pending}
            onConfirm={() => {
              const method = paying.asking;
              paying.close();
              if (method) onIssue({ kind: 'pvc', method });
            }}
            onCancel={paying.cancel}
          />
        )}
        <div className="space-actions">
          {/* Once a PVC card is ordered here, these buttons go: a second tap must not charge again. */}
          {!ordered && !paying.asking && pvc('cash')}
          {!ordered && !paying.asking && pvc('card')}
          {act(t('issue.paper'), { kind: 'paper' })}
          <button type="button" className="button button-secondary" aria-disabled={pending || undefined} onClick={() => !pending && onEmailTarget()}>
            {t('issue.email')}
          </button>
        </div>
      </section>
      <button type="button" className="button button-secondary button-wide" onClick={onFinish}>
        {t('issue.finish')}
      </button>
    </main>
  );
}

/**
 * Before an e-mail goes: the account's address as the registry has it (masked, for the
 * artisan to recognise), then the button that sends; or, with no account, no address, no
 * answer from the registry or one it cannot believe, why not (paper and PVC stay just below).
 */
function EmailTargetPanel({ target, pending, onSend }: { target: EmailTarget; pending: boolean; onSend(): void }) {
  const { t } = useT();
  if (target.kind === 'refused')
    return (
      <p className="panel panel-warning" role="status">
        {t(`issue.emailRefused.${target.reason}`)}
      </p>
    );
  return (
    <div className="panel panel-neutral" role="status">
      <p>{t('issue.emailTo', { email: target.maskedEmail })}</p>
      <p>{t('issue.emailConfirm')}</p>
      <button type="button" className="button button-primary" aria-disabled={pending || undefined} onClick={() => !pending && onSend()}>
        {t('issue.emailSend')}
      </button>
    </div>
  );
}

/** What became of the card, in words: each delivery has its own outcomes (a key per pair, checked by the compiler). */
function resultWords(t: Translate, result: IssuanceResult): string {
  switch (result.delivery) {
    case 'paper':
      return t(`issue.result.paper.${result.status}`);
    case 'email':
      return result.status === 'refused' ? t(`issue.emailRefused.${result.reason}`) : t(`issue.result.email.${result.status}`, { email: result.maskedEmail });
    case 'pvc':
      if (result.status === 'refused')
        return t('issue.result.pvc.refused', {
          printer: t(`orders.cardPrinter.${result.printer}`),
          order: result.orderNumber ? t('issue.result.pvc.orderWaits', { number: result.orderNumber }) : t('issue.result.pvc.noOrder'),
        });
      return t(`issue.result.pvc.${result.status}`, { number: result.orderNumber });
  }
}
