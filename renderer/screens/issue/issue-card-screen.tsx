import type { CardView } from '../../../main/cards/card-service.ts';
import type { IssuanceResult } from '../../../main/staff/issuance-service.ts';
import type { FieldError } from '../../app/flow.ts';
import { ScreenHeading } from '../../components/screen-heading.tsx';
import { type MessageKey, useT } from '../../i18n/index.tsx';
import { CardPreview } from '../card/card-preview.tsx';

export type Delivery = { kind: 'paper' } | { kind: 'email' } | { kind: 'pvc'; method: 'cash' | 'card' };

export type IssueCardProps = {
  card: CardView;
  result: IssuanceResult | null;
  error: FieldError | undefined;
  pending: boolean;
  onRetake(): void;
  onIssue(delivery: Delivery): void;
  onFinish(): void;
};

/** The card staff are about to hand over, and the three ways to do it. */
export function IssueCardScreen({ card, result, error, pending, onRetake, onIssue, onFinish }: IssueCardProps) {
  const { t } = useT();
  const act = (label: string, delivery: Delivery, kind: 'primary' | 'secondary' = 'secondary') => (
    <button type="button" className={`button button-${kind}`} aria-disabled={pending || undefined} onClick={() => !pending && onIssue(delivery)}>
      {label}
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
        {result && (
          <p className={`panel ${result.status === 'failed' ? 'panel-warning' : 'panel-success'}`} role="status">
            {t(`issue.result.${result.delivery}.${result.status}` as MessageKey, { number: result.orderNumber ?? '' })}
          </p>
        )}
        <div className="space-actions">
          {/* Once a PVC card is ordered here, these buttons go: a second tap must not charge again. */}
          {result?.delivery !== 'pvc' && act(t('issue.pvcCash'), { kind: 'pvc', method: 'cash' }, 'primary')}
          {result?.delivery !== 'pvc' && act(t('issue.pvcCard'), { kind: 'pvc', method: 'card' }, 'primary')}
          {act(t('issue.paper'), { kind: 'paper' })}
          {act(t('issue.email'), { kind: 'email' })}
        </div>
      </section>
      <button type="button" className="button button-secondary button-wide" onClick={onFinish}>
        {t('issue.finish')}
      </button>
    </main>
  );
}
