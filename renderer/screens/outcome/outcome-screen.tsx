import chamber from '../../../assets/chamber.json';
import type { IdentifyOutcome } from '../../../main/shared/artisan.ts';
import { ScreenHeading } from '../../components/screen-heading.tsx';
import { useT } from '../../i18n/index.tsx';
import { formatIsoDate, formatTime, spacedRmNumber } from '../format.ts';

export type OutcomeScreenProps = {
  outcome: Exclude<IdentifyOutcome, { kind: 'wrong-date' }>;
  onCorrect(): void;
  onFinish(): void;
  onNext(): void;
  /** Asks again with what was typed (the list may have loaded meanwhile). */
  onRetry(): void;
  /** A pending activation found again: "Ce n'est pas mon adresse" sends its link elsewhere. */
  onNotMine(): void;
  /** "Retour" to identification, the number and date as typed. */
  onBack(): void;
};

/** Where identification ended, and the next step, for each answer of the registry copy. */
export function OutcomeScreen({ outcome, onCorrect, onFinish, onNext, onRetry, onNotMine, onBack }: OutcomeScreenProps) {
  const { t, locale } = useT();
  // The visit ends here: "Terminer" is this screen's own action (the top bar leaves it out), with
  // the top bar's accessible name, so it is one and the same button wherever it stands.
  const finish = (
    <button type="button" className="button button-primary button-wide" aria-label={t('app.finishLabel')} onClick={onFinish}>
      {t('app.finish')}
    </button>
  );
  const correct = (
    <button type="button" className="button button-secondary button-wide" onClick={onCorrect}>
      {t('outcome.restart')}
    </button>
  );

  switch (outcome.kind) {
    case 'found': {
      const a = outcome.artisan;
      return (
        <main id="main" className="screen outcome-screen outcome-found">
          <ScreenHeading>{t('outcome.found.heading', { firstName: a.firstName, lastName: a.lastName })}</ScreenHeading>
          <div className="panel panel-success">
            <p className="qualification">{t(`qualification.${a.qualification}`)}</p>
            {a.companyName && <p>{t('outcome.found.company', { company: a.companyName })}</p>}
            <p className="rm">{spacedRmNumber(a.rmNumber)}</p>
          </div>
          <p className="lead">{t(`outcome.found.${a.accountStatus}`)}</p>
          <div className="actions">
            <button type="button" className="button button-primary button-wide" onClick={onNext}>
              {t(a.accountStatus === 'none' ? 'outcome.found.activate' : a.accountStatus === 'pending' ? 'outcome.found.checkMail' : 'outcome.found.login')}
            </button>
            {a.accountStatus === 'pending' && (
              <button type="button" className="button button-secondary button-wide" onClick={onNotMine}>
                {t('checkMail.notMine')}
              </button>
            )}
            <button type="button" className="button button-secondary button-wide" onClick={onBack}>
              {t('help.back')}
            </button>
          </div>
        </main>
      );
    }
    case 'not-found':
      return (
        <main id="main" className="screen outcome-screen outcome-not-found">
          <ScreenHeading>{t('outcome.notFound.heading')}</ScreenHeading>
          <p className="lead">{t('outcome.notFound.body', { rmNumber: spacedRmNumber(outcome.rmNumber) })}</p>
          <div className="actions">
            {correct}
            {finish}
          </div>
        </main>
      );
    case 'locked':
      return (
        <main id="main" className="screen outcome-screen outcome-locked">
          <ScreenHeading>{t('outcome.locked.heading')}</ScreenHeading>
          <div className="panel panel-warning">
            <p className="lead">{t('outcome.locked.body', { rmNumber: spacedRmNumber(outcome.rmNumber), time: formatTime(outcome.until, locale) })}</p>
          </div>
          <div className="actions">{finish}</div>
        </main>
      );
    case 'radiated':
      return (
        <main id="main" className="screen outcome-screen outcome-radiated">
          <ScreenHeading>{t('outcome.radiated.heading')}</ScreenHeading>
          <p className="lead">{t('outcome.radiated.body', { rmNumber: spacedRmNumber(outcome.rmNumber), date: formatIsoDate(outcome.radiatedOn, locale) })}</p>
          <p>{t('outcome.radiated.contact', { chamber: outcome.chamber })}</p>
          {/* Whom to call, in figures a person can write down: this desk (assets/chamber.json). */}
          <p className="label">{t('outcome.radiated.deskLabel')}</p>
          <dl className="facts">
            <dt>{t('support.phone')}</dt>
            <dd>{chamber.supportPhone}</dd>
            <dt>{t('support.email')}</dt>
            <dd>{chamber.supportEmail}</dd>
            <dt>{t('support.hours')}</dt>
            <dd>{chamber.deskHours[locale]}</dd>
          </dl>
          <div className="actions">{finish}</div>
        </main>
      );
    case 'loading':
      return (
        <main id="main" className="screen outcome-screen outcome-loading">
          <ScreenHeading>{t(outcome.unreachable ? 'outcome.unreachable.heading' : 'outcome.loading.heading')}</ScreenHeading>
          <div className="panel panel-warning" role="status">
            <p className="lead">
              {outcome.unreachable
                ? t('outcome.unreachable.body')
                : outcome.percent === null
                  ? t('outcome.loading.bodyNoPercent')
                  : t('outcome.loading.body', { percent: outcome.percent })}
            </p>
          </div>
          <p>{t(outcome.unreachable ? 'outcome.unreachable.next' : 'outcome.loading.next')}</p>
          <div className="actions">
            <button type="button" className="button button-primary button-wide" onClick={onRetry}>
              {t('outcome.loading.retry')}
            </button>
            {/* One primary action: trying again is the one this screen is for. */}
            <button type="button" className="button button-secondary button-wide" aria-label={t('app.finishLabel')} onClick={onFinish}>
              {t('app.finish')}
            </button>
          </div>
        </main>
      );
    case 'paused':
      return (
        <main id="main" className="screen outcome-screen outcome-paused">
          <ScreenHeading>{t('outcome.paused.heading')}</ScreenHeading>
          <div className="panel panel-warning">
            <p className="lead">{t('outcome.paused.body')}</p>
          </div>
          <div className="actions">{finish}</div>
        </main>
      );
    default: {
      const unreachable: never = outcome;
      throw new Error(`unknown outcome ${JSON.stringify(unreachable)}`);
    }
  }
}
