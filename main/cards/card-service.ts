import type { SessionHolder } from '../accounts/session.ts';
import { localIsoDate } from '../identity/birth-date.ts';
import type { Logger } from '../logging/logger.ts';
import { type RegistryClient, RegistryError } from '../registry/client.ts';
import type { CardView, VerifyResult } from '../shared/card.ts';
import { fail, type KioskError, type Result } from '../shared/errors.ts';
import { findByRmNumber } from '../store/artisans-repo.ts';
import { appendAudit } from '../store/audit-repo.ts';
import type { WriteDb } from '../store/database.ts';
import { enqueue } from '../store/outbox-repo.ts';
import { type Trust, trustOf } from './card-keyring.ts';
import { buildCard, type CardModel, type CardSigner } from './card-model.ts';
import { renderCardPdf } from './card-pdf.ts';
import { verifyCardToken } from './card-token.ts';
import { recallPhoto } from './photo-recall.ts';

/** JPEG of at most 200 KB (DESIGN.md §6: the kiosk keeps only the crop). */
export const MAX_PHOTO_BYTES = 200 * 1024;

export type CardDeps = {
  db: WriteDb;
  client: RegistryClient;
  session: SessionHolder;
  keys: CardSigner;
  /** The keys "Vérifier une carte" trusts (the chamber's, synced); by default this kiosk's own only. */
  trusted?: () => Trust;
  clock: () => Date;
  log: Logger;
  /** Pushes the outbox now; resolves true once the registry has the operation with this key. */
  pushNow: (key: string) => Promise<boolean>;
};

/** The photo as the camera screen makes it: a JPEG (FF D8 FF) of at most 200 KB. */
export function checkPhoto(base64: string): Result<Buffer> {
  const jpeg = Buffer.from(base64, 'base64');
  if (jpeg.length < 4 || jpeg[0] !== 0xff || jpeg[1] !== 0xd8 || jpeg[2] !== 0xff) return fail({ code: 'PHOTO_INVALID', message: 'not a JPEG' });
  if (jpeg.length > MAX_PHOTO_BYTES) return fail({ code: 'PHOTO_TOO_LARGE', message: `${jpeg.length} bytes` });
  return { ok: true, value: jpeg };
}

/** What "Ma carte" shows of a card: its printed fields, and its photo as a data: URL. */
export function cardViewOf(card: CardModel): CardView {
  const { token: _token, photo, ...fields } = card;
  return { ...fields, photo: photo ? `data:image/jpeg;base64,${Buffer.from(photo).toString('base64')}` : null };
}

/** A card leaves the kiosk (e-mail, phone, paper, PVC) only with the artisan's photo on it. */
export const PHOTO_REQUIRED: KioskError = { code: 'PHOTO_REQUIRED', message: 'the card is not issued without a photo' };

export function createCardService({ db, client, session, keys, trusted, clock, log, pushNow }: CardDeps) {
  const own = trustOf(keys, []);

  /**
   * The photo for this visit's card: the one taken in this visit, else the artisan's photo
   * as the registry keeps it or as this kiosk has it waiting in its outbox (the newest),
   * looked up once a visit. It lives in the session, wiped when the visit ends.
   */
  async function visitPhoto(rmNumber: string): Promise<Buffer | null> {
    const { photo, photoRecalled } = session.get();
    if (photo || photoRecalled) return photo;
    const found = await recallPhoto({ db, client, log }, rmNumber);
    // The visit ended (or another began) while the registry answered: that photo is not for it.
    if (session.get().rmNumber !== rmNumber || session.get().photo) {
      found.photo?.jpeg.fill(0);
      return session.get().photo;
    }
    session.update({ photo: found.photo?.jpeg ?? null, photoRecalled: found.answered });
    return found.photo?.jpeg ?? null;
  }

  /** The logged-in artisan's card, signed, with their photo (null: the placeholder, for the preview only). */
  async function currentCard(): Promise<Result<CardModel>> {
    const { rmNumber, loggedIn } = session.get();
    if (!rmNumber || !loggedIn) return fail({ code: 'SESSION_REQUIRED', message: 'no logged-in artisan' });
    const artisan = await findByRmNumber(db, rmNumber);
    if (!artisan) return fail({ code: 'SESSION_REQUIRED', message: 'artisan no longer in the replica' });
    const photo = await visitPhoto(rmNumber);
    const built = buildCard(artisan, photo ? new Uint8Array(photo) : null, localIsoDate(clock()), keys);
    return built.ok ? { ok: true, value: built.card } : fail({ code: 'CARD_RADIATED', message: 'radiated' });
  }

  /** The card to hand over: refused, in words, while it has no photo. */
  async function cardToIssue(): Promise<Result<CardModel>> {
    const card = await currentCard();
    if (card.ok && !card.value.photo) return fail(PHOTO_REQUIRED);
    return card;
  }

  return {
    /**
     * Checks what a card's QR code holds (the verification URL, or the bare token), offline,
     * against the chamber's card keys as last synced and this kiosk's own, refusing a key the
     * chamber revoked. Anyone at the desk may do it: it reveals only what the card prints.
     */
    verify(scanned: string): VerifyResult {
      const trust = trusted?.() ?? own;
      return verifyCardToken(scanned, trust.keys, localIsoDate(clock()), trust.revoked);
    },

    /** Sends the card PDF to the account's e-mail: the registry sends it, through the outbox. */
    async sendByEmail(): Promise<Result<{ delivered: boolean }>> {
      const card = await cardToIssue();
      if (!card.ok) return card;
      const pdf = Buffer.from(await renderCardPdf(card.value, 'card')).toString('base64');
      const key = await db.transaction(async (tx) => {
        const k = await enqueue(tx, 'card-issuance', { rmNumber: card.value.rmNumber, year: card.value.year, delivery: 'email', pdf }, clock());
        await appendAudit(
          tx,
          { actor: 'artisan', action: 'card-issued', details: { rmNumber: card.value.rmNumber, year: card.value.year, delivery: 'email' } },
          clock(),
        );
        return k;
      });
      log.info('card-issued', { delivery: 'email' });
      return { ok: true, value: { delivered: await pushNow(key) } };
    },

    /** A one-time link (QR code on screen) for the artisan's phone to download the card. */
    async phoneLink(): Promise<Result<{ url: string; expiresAt: string }>> {
      const card = await cardToIssue();
      if (!card.ok) return card;
      const pdf = Buffer.from(await renderCardPdf(card.value, 'card')).toString('base64');
      try {
        const link = await client.cardLink(card.value.rmNumber, pdf);
        await db.transaction(async (tx) => {
          await enqueue(tx, 'card-issuance', { rmNumber: card.value.rmNumber, year: card.value.year, delivery: 'phone' }, clock());
          await appendAudit(
            tx,
            { actor: 'artisan', action: 'card-issued', details: { rmNumber: card.value.rmNumber, year: card.value.year, delivery: 'phone' } },
            clock(),
          );
        });
        log.info('card-issued', { delivery: 'phone' });
        return { ok: true, value: link };
      } catch (error) {
        if (error instanceof RegistryError) {
          // A link the kiosk cannot read or believe goes on no screen: the registry is not trusted with this one.
          if (error.kind === 'malformed') log.warn('card-link-refused', { reason: error.message });
          const code = error.kind === 'offline' ? 'REGISTRY_UNREACHABLE' : error.kind === 'malformed' ? 'REGISTRY_UNTRUSTED' : 'REGISTRY_ERROR';
          return fail({ code, message: error.message });
        }
        throw error;
      }
    },

    /** Keeps the photo for this visit and sends it to the registry through the outbox. */
    async setPhoto(base64: string): Promise<Result<{ bytes: number; delivered: boolean }>> {
      const { rmNumber, loggedIn } = session.get();
      if (!rmNumber || !loggedIn) return fail({ code: 'SESSION_REQUIRED', message: 'no logged-in artisan' });
      const checked = checkPhoto(base64);
      if (!checked.ok) return checked;
      const jpeg = checked.value;
      session.get().photo?.fill(0);
      session.update({ photo: jpeg, photoRecalled: true });
      const key = await db.transaction((tx) => enqueue(tx, 'photo', { rmNumber, jpeg: base64 }, clock()));
      // The new photo replaces the old one everywhere: at the registry (newest wins), and in this visit.
      log.info('photo-taken', { bytes: jpeg.length });
      return { ok: true, value: { bytes: jpeg.length, delivered: await pushNow(key) } };
    },

    /** The logged-in artisan's card drawn for the card printer (CR80), for a PVC order. */
    async forPrinting(): Promise<Result<{ rmNumber: string; year: number; chamber: string; pdf: Uint8Array }>> {
      const card = await cardToIssue();
      if (!card.ok) return card;
      const { rmNumber, year, chamber } = card.value;
      return { ok: true, value: { rmNumber, year, chamber, pdf: await renderCardPdf(card.value, 'card') } };
    },

    /** The card of the logged-in artisan as "Ma carte" previews it. */
    async view(): Promise<Result<CardView>> {
      const built = await currentCard();
      if (!built.ok) return built;
      return { ok: true, value: cardViewOf(built.value) };
    },
  };
}

export type CardService = ReturnType<typeof createCardService>;
