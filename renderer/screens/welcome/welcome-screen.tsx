import specimen from '../../../assets/card-specimen.png?url';
import type { FieldError } from '../../app/machine.ts';
import { AlertMessage } from '../../components/alert-message.tsx';
import { ScreenHeading } from '../../components/screen-heading.tsx';
import { useT } from '../../i18n/index.tsx';

type Props = {
  /** The previous visit could not be ended in the core: said here, for the desk. */
  error?: FieldError | undefined;
  onStart(): void;
  onHelp(screen: 'faq' | 'partners' | 'support' | 'verify'): void;
};

export function WelcomeScreen({ error, onStart, onHelp }: Props) {
  const { t } = useT();
  return (
    <main id="main" className="screen welcome-screen">
      <p className="eyebrow">{t('app.title')}</p>
      <ScreenHeading>{t('welcome.heading')}</ScreenHeading>
      <AlertMessage error={error} />
      <p className="lead">{t('welcome.lead')}</p>
      {/* What the artisan leaves with, drawn by the card's own renderer (scripts/card-specimen.ts). */}
      <figure className="card-specimen">
        <img src={specimen} alt={t('welcome.cardAlt')} width={675} height={426} />
        <figcaption>{t('welcome.cardCaption')}</figcaption>
      </figure>
      <p className="lead">{t('welcome.whatYouNeed')}</p>
      <button type="button" className="button button-primary button-wide button-hero" onClick={onStart}>
        {t('welcome.start')}
      </button>
      <p className="help-line">{t('welcome.needHelp')}</p>
      <p className="help-line audio-hint">{t('audio.welcomeHint')}</p>
      <nav className="help-links" aria-label={t('help.faq')}>
        <button type="button" className="button button-secondary" onClick={() => onHelp('faq')}>
          {t('help.faq')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => onHelp('partners')}>
          {t('help.partners')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => onHelp('support')}>
          {t('help.support')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => onHelp('verify')}>
          {t('help.verify')}
        </button>
      </nav>
    </main>
  );
}
