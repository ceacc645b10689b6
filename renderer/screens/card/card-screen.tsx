import type { CardView } from '../../../main/shared/card.ts';
import type { Status } from '../../app/machine.ts';
import type { CardLink } from '../../app/visit-state.ts';
import { Notices } from '../../components/notices.tsx';
import { QrCode } from '../../components/qr-code.tsx';
import { ScreenHeading } from '../../components/screen-heading.tsx';
import { useSeen } from '../../components/use-seen.ts';
import { type MessageKey, useT } from '../../i18n/index.tsx';
import { formatDayUnlessToday, formatTime } from '../format.ts';
import { CardPreview } from './card-preview.tsx';

export type CardScreenProps = {
  state: Pick<Status, 'notices' | 'errors' | 'pending'> & { card: CardView | null; cardLink: CardLink | null };
  onPhoto(): void;
  onEmail(): void;
  onPhone(): void;
  onPvc(): void;
  onBack(): void;
};

const PHONE_SENTENCES: Partial<Record<MessageKey, MessageKey>> = {
  'error.REGISTRY_UNREACHABLE': 'card.phoneOffline',
  'error.REGISTRY_UNTRUSTED': 'card.phoneUntrusted',
};

/** "Ma carte": the card as it prints, front and back, drawn from the same fields as the PDF. */
export function CardScreen({ state, onPhoto, onEmail, onPhone, onPvc, onBack }: CardScreenProps) {
  const { t, locale } = useT();
  const { card, cardLink, notices, errors } = state;
  // The code for the phone comes below the buttons: out of sight in landscape, where the tap
  // seemed to do nothing. Each new link is brought into view and read out.
  const linkRef = useSeen<HTMLDivElement>(cardLink);
  const linkDay = cardLink && formatDayUnlessToday(cardLink.expiresAt, locale);
  // The registry's refusals read for this button: nothing was typed here to be "kept", and a
  // link the kiosk does not believe is about a download, not an account.
  const general = errors.general && (PHONE_SENTENCES[errors.general.key] ?? errors.general.key);
  if (!card) {
    return (
      <main id="main" className="screen card-screen">
        <ScreenHeading>{t('card.heading')}</ScreenHeading>
        <p role="status">{t('space.loading')}</p>
      </main>
    );
  }
  return (
    <main id="main" className="screen card-screen">
      <ScreenHeading>{t('card.heading')}</ScreenHeading>
      <Notices keys={notices} />
      {/* The card beside the ways to take it home in landscape (styles.css): one under the
          other, they fell below a 1080-pixel screen in large text. */}
      <div className="columns">
        <div className="column">
          <p className="lead">{t('card.lead')}</p>
          <CardPreview card={card} />
          {!card.photo && (
            <div className="panel panel-warning">
              <p>{t('card.noPhoto')}</p>
              <button type="button" className="button button-primary" onClick={onPhoto}>
                {t('card.addPhoto')}
              </button>
            </div>
          )}
        </div>
        <div className="column">
          <section className="take-home" aria-labelledby="download-title">
            <h2 id="download-title">{t('card.download')}</h2>
            <p>{t('card.downloadLead')}</p>
            {errors.general && general && (
              <p className="error-message" role="alert">
                {t(general, errors.general.params)}
              </p>
            )}
            <div className="space-actions">
              <button type="button" className="button button-primary" aria-disabled={state.pending || undefined} onClick={() => !state.pending && onEmail()}>
                {t('card.byEmail')}
              </button>
              <button type="button" className="button button-secondary" aria-disabled={state.pending || undefined} onClick={() => !state.pending && onPhone()}>
                {t('card.byPhone')}
              </button>
            </div>
            {/* A refusal is the latest word on this panel: an earlier code does not stay beside it. */}
            {cardLink && !general && (
              <div ref={linkRef} tabIndex={-1} className="panel panel-neutral phone-link">
                <QrCode text={cardLink.url} label={t('card.phoneQr')} size={240} />
                <p>
                  {linkDay
                    ? t('card.phoneLinkDated', { date: linkDay, time: formatTime(cardLink.expiresAt, locale) })
                    : t('card.phoneLink', { time: formatTime(cardLink.expiresAt, locale) })}
                </p>
              </div>
            )}
          </section>
          <section className="take-home" aria-labelledby="pvc-title">
            <h2 id="pvc-title">{t('card.pvcTitle')}</h2>
            <p>{t('card.pvcLead')}</p>
            <button type="button" className="button button-secondary" onClick={onPvc}>
              {t('card.pvcOrder')}
            </button>
          </section>
          <p>{t('card.takeHome')}</p>
          <button type="button" className="button button-secondary button-wide" onClick={onBack}>
            {t('help.back')}
          </button>
        </div>
      </div>
    </main>
  );
}
