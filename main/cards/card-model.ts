import type { CardKeys } from '../secrets/card-signing-key.ts';
import type { Qualification } from '../shared/artisan.ts';
import type { CardView } from '../shared/card.ts';
import type { ArtisanRow } from '../store/artisans-repo.ts';
import { type CardClaims, cardQrText, cardYear, signCardToken, validUntil } from './card-token.ts';

/** Titles printed on the card (shared/domain). */
export const TITLES: Record<Qualification, string> = {
  artisan: 'Artisan',
  'maitre-artisan': 'Maître artisan',
  'artisan-art': 'Artisan d’art',
  'maitre-artisan-art': 'Maître artisan en métier d’art',
  'conjoint-collaborateur': 'Conjoint collaborateur',
  none: 'Chef d’entreprise artisanale',
};

/**
 * Everything printed on a card, decided before any drawing: the screen's CardView (the same
 * fields, written once) with the photo as JPEG bytes (null for the placeholder) and the signed
 * token. `cardViewOf` drops the token, so a field added here reaches the screen only through CardView.
 */
export type CardModel = Omit<CardView, 'photo'> & {
  photo: Uint8Array | null;
  token: string;
};

/** The kiosk's card key, and the chamber's verification page its cards' QR codes point to (none: the bare token). */
export type CardSigner = CardKeys & { verifyUrl?: string | null };

export type CardRefusal = 'radiated';

/** The card of an artisan, signed; a radiated artisan gets no card. */
export function buildCard(
  artisan: ArtisanRow,
  photo: Uint8Array | null,
  today: string,
  keys: CardSigner,
): { ok: true; card: CardModel } | { ok: false; reason: CardRefusal } {
  if (artisan.radiatedOn) return { ok: false, reason: 'radiated' };
  const year = cardYear(today);
  const lastName = artisan.usageName ?? artisan.birthName;
  const claims: CardClaims = { k: keys.kid, r: artisan.rmNumber, n: `${artisan.firstNames} ${lastName}`, y: year, e: validUntil(year) };
  const token = signCardToken(claims, keys.privateKey);
  const main = artisan.activities.find((a) => a.main) ?? artisan.activities[0];
  return {
    ok: true,
    card: {
      chamber: artisan.chamber,
      title: TITLES[artisan.qualification],
      firstNames: artisan.firstNames,
      lastName,
      company: artisan.companyName ?? artisan.tradeName,
      activity: main?.label ?? null,
      rmNumber: artisan.rmNumber,
      year,
      validUntil: claims.e,
      photo,
      token,
      qr: cardQrText(token, keys.verifyUrl),
    },
  };
}
