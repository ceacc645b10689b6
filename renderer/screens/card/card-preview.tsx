import type { CardView } from '../../../main/shared/card.ts';
import { useT } from '../../i18n/index.tsx';
import { formatIsoDate, spacedRmNumber } from '../format.ts';

/** The card as it prints, drawn from the same fields as the PDF: for the artisan and for staff. */
export function CardPreview({ card }: { card: CardView }) {
  const { t, locale } = useT();
  const name = `${card.firstNames} ${card.lastName}`;
  return (
    <figure className="card-preview" aria-label={t('card.cardOf', { year: card.year })}>
      <div className="card-band">
        <span className="card-cma">Chambre de Métiers et de l’Artisanat</span>
        <strong>{card.chamber}</strong>
        <span className="card-year">{t('card.cardOf', { year: card.year })}</span>
      </div>
      <div className="card-body">
        {card.photo ? (
          <img className="card-photo" src={card.photo} alt={t('card.photoAlt', { name })} />
        ) : (
          <div className="card-photo card-photo-empty" aria-hidden="true" />
        )}
        <div className="card-fields">
          <p className="card-title">{card.title}</p>
          <p className="card-first">{card.firstNames}</p>
          <p className="card-last">{card.lastName}</p>
          {card.company && <p>{card.company}</p>}
          {card.activity && <p className="card-activity">{card.activity}</p>}
          <p className="card-rm">N° {spacedRmNumber(card.rmNumber)}</p>
          <p className="card-valid">{t('card.validUntil', { date: formatIsoDate(card.validUntil, locale) })}</p>
        </div>
      </div>
    </figure>
  );
}
