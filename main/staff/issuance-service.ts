import { type AccountAnswer, type CardMailCheck, createCardMailCheck } from '../accounts/card-mail-check.ts';
import { buildCard, type CardModel, type CardSigner } from '../cards/card-model.ts';
import { renderCardPdf } from '../cards/card-pdf.ts';
import { cardViewOf, checkPhoto, PHOTO_REQUIRED } from '../cards/card-service.ts';
import { localIsoDate } from '../identity/birth-date.ts';
import { parseRmNumber } from '../identity/rm-number.ts';
import type { Logger } from '../logging/logger.ts';
import type { PvcOrderService } from '../orders/pvc-order-service.ts';
import type { PrintService } from '../printing/print-service.ts';
import type { PrinterSettings } from '../settings/printer-settings.ts';
import type { CardView } from '../shared/card.ts';
import { fail, type Result } from '../shared/errors.ts';
import type { PaymentMethod } from '../shared/orders.ts';
import { maskEmail } from '../shared/rules/email-mask.ts';
import type { EmailRefusal, EmailTarget, IdDocument, IssuanceResult, SearchHit } from '../shared/staff.ts';
import { findByRmNumber, searchArtisans } from '../store/artisans-repo.ts';
import { appendAudit } from '../store/audit-repo.ts';
import type { WriteDb } from '../store/database.ts';
import { enqueue } from '../store/outbox-repo.ts';

export type Delivery = { kind: 'paper' } | { kind: 'email' } | { kind: 'pvc'; method: PaymentMethod };
type Staff = { id: number; name: string };
type Deps = {
  db: WriteDb;
  /** The card key, and the verification page its QR codes point to. */
  keys: CardSigner;
  print: PrintService;
  orders: PvcOrderService;
  printers: () => Promise<PrinterSettings>;
  /** Pushes the outbox now; resolves true once the registry has the operation with this key. */
  pushNow: (key: string) => Promise<boolean>;
  /** The artisan's account as the registry has it now, asked live. */
  account: (rmNumber: string) => Promise<AccountAnswer>;
  /** Whether the local copy is complete (the sync engine's replica state). */
  replica: () => Promise<{ complete: boolean }>;
  /** The artisan's photo as the registry keeps it, or as this kiosk's outbox still holds it (the newest); null when none is found. */
  recallPhoto: (rmNumber: string) => Promise<Buffer | null>;
  clock: () => Date;
  log: Logger;
};

/**
 * "Délivrer une carte": staff find an artisan in the local replica (offline), check an
 * identity document, take the photo with the kiosk's camera, and issue the card on the card
 * printer (a PVC order paid at once), on paper, or by e-mail. One issuance at a time, in
 * memory only; every step that matters is in the audit log under the staff member's id.
 */
export function createIssuanceService({ db, keys, print, orders, printers, pushNow, account, replica, recallPhoto, clock, log }: Deps) {
  /**
   * `mail`: the registry held to what it said of the account in this issuance (card-mail-check.ts);
   * `showing`: the address last shown to staff, masked, and recognised by the artisan: the only
   * address a card may go to.
   */
  let current: { rmNumber: string; document: IdDocument; photo: Buffer | null; mail: CardMailCheck; showing: string | null } | null = null;

  async function card(): Promise<Result<CardModel>> {
    if (!current) return fail('ISSUANCE_REQUIRED', 'no issuance in progress');
    const artisan = await findByRmNumber(db, current.rmNumber);
    if (!artisan) return fail('ISSUANCE_REQUIRED', 'artisan no longer in the replica');
    const built = buildCard(artisan, current.photo ? new Uint8Array(current.photo) : null, localIsoDate(clock()), keys);
    return built.ok ? { ok: true, value: built.card } : fail('CARD_RADIATED', 'radiated');
  }

  const audit = (staff: Staff, action: string, details: Record<string, string | number>) =>
    db.transaction((tx) => appendAudit(tx, { actor: `staff:${staff.id}`, action, details }, clock()));

  return {
    /** By RM number, SIREN, or words of the name or company (two letters at least). */
    async search(query: string): Promise<Result<SearchHit[]>> {
      const q = query.trim();
      const rm = parseRmNumber(q);
      const digits = q.replace(/[\s.]/g, '');
      const words = q.split(/\s+/).filter((w) => w.length >= 2);
      if (!rm.ok && !/^\d{9}$/.test(digits) && words.length === 0) return fail('SEARCH_TOO_SHORT', 'type two letters at least');
      const hits = await searchArtisans(
        db,
        rm.ok ? { rmNumber: rm.value.rmNumber } : /^\d{9}$/.test(digits) ? { siren: digits } : { words: words.slice(0, 4) },
      );
      // Nobody found in a copy still loading is no answer: staff are told, not misled.
      if (hits.length === 0 && !(await replica()).complete) return fail('REPLICA_LOADING', 'the list of artisans is still loading');
      return { ok: true, value: hits };
    },

    /** Staff checked an identity document of this kind: the issuance starts. */
    async start(rmNumber: string, document: IdDocument, staff: Staff): Promise<Result<CardView>> {
      const artisan = await findByRmNumber(db, rmNumber);
      if (!artisan) return fail('ISSUANCE_REQUIRED', 'no such artisan in the replica');
      if (artisan.radiatedOn) return fail('CARD_RADIATED', 'radiated');
      current?.photo?.fill(0);
      const started = {
        rmNumber,
        document,
        photo: null as Buffer | null,
        mail: createCardMailCheck({ rmNumber, account, log, where: 'issuance' }),
        showing: null as string | null,
      };
      current = started;
      await audit(staff, 'identity-checked', { rmNumber, document });
      // The photo the artisan already has (taken at a kiosk, kept by the registry) goes on the card; staff may retake it.
      const photo = await recallPhoto(rmNumber);
      if (current === started && !started.photo) started.photo = photo;
      else photo?.fill(0);
      log.info('issuance-started', { staffId: staff.id, document });
      return this.view();
    },

    async setPhoto(base64: string): Promise<Result<CardView>> {
      if (!current) return fail('ISSUANCE_REQUIRED', 'no issuance in progress');
      const checked = checkPhoto(base64);
      if (!checked.ok) return checked;
      current.photo?.fill(0);
      current.photo = checked.value;
      const rmNumber = current.rmNumber;
      await db.transaction((tx) => enqueue(tx, 'photo', { rmNumber, jpeg: base64 }, clock()));
      return this.view();
    },

    /** Where the card would go by e-mail, shown (masked) to staff and the artisan before anything is sent. */
    async emailTarget(): Promise<Result<EmailTarget>> {
      const issuance = current;
      if (!issuance) return fail('ISSUANCE_REQUIRED', 'no issuance in progress');
      const { target, showing } = await issuance.mail.target(() => current === issuance);
      if (current === issuance) issuance.showing = showing;
      return { ok: true, value: target };
    },

    async view(): Promise<Result<CardView>> {
      const built = await card();
      return built.ok ? { ok: true, value: cardViewOf(built.value) } : built;
    },

    /** The card on paper (office printer), by e-mail (the registry sends it), or as a PVC card paid now. */
    async issue(delivery: Delivery, staff: Staff): Promise<Result<IssuanceResult>> {
      const built = await card();
      if (!built.ok) return built;
      const c = built.value;
      if (!c.photo) return { ok: false, error: PHOTO_REQUIRED };
      const document = current?.document ?? 'carte-identite';
      const details = { rmNumber: c.rmNumber, year: c.year, delivery: delivery.kind, document };
      if (delivery.kind === 'paper') {
        const printer = (await printers()).paper;
        if (!printer) return fail('PRINTER_NOT_SET', 'no paper printer');
        const job = await print.printPdf('paper', printer, await renderCardPdf(c, 'paper'), `card sheet ${c.year}`);
        await audit(staff, 'card-issued', details);
        return { ok: true, value: { delivery: 'paper', status: job.status === 'failed' ? 'failed' : job.status === 'completed' ? 'completed' : 'sent' } };
      }
      if (delivery.kind === 'email') {
        const issuance = current;
        if (!issuance) return fail('ISSUANCE_REQUIRED', 'no issuance in progress');
        const refused = (reason: EmailRefusal): Result<IssuanceResult> => {
          log.info('card-email-refused', { reason });
          return { ok: true, value: { delivery: 'email', status: 'refused', reason } };
        };
        // Only to the address the artisan was shown, and recognised as theirs, asked again at the
        // moment of sending: the answer staff read may be minutes old.
        const heard = await issuance.mail.beforeSending(issuance.showing, () => current === issuance);
        if ('refused' in heard) return refused(heard.refused);
        const pdf = Buffer.from(await renderCardPdf(c, 'card')).toString('base64');
        const key = await db.transaction(async (tx) => {
          // The address goes with the card: the registry sends it there only while it is still the account's.
          const k = await enqueue(tx, 'card-issuance', { rmNumber: c.rmNumber, year: c.year, delivery: 'email', email: heard.email, pdf }, clock());
          await appendAudit(tx, { actor: `staff:${staff.id}`, action: 'card-issued', details }, clock());
          return k;
        });
        // "Sent" only once the registry has taken the operation (it sends the mail); else it waits in the outbox.
        const sent = await pushNow(key);
        log.info('card-issued', { delivery: 'email', sent });
        return { ok: true, value: { delivery: 'email', status: sent ? 'sent' : 'queued', maskedEmail: maskEmail(heard.email) } };
      }
      // No order is made for a card that cannot come out now: staff are told why, and nothing waits behind.
      const blocked = await orders.cardPrinterBlocked();
      if (blocked) return { ok: true, value: { delivery: 'pvc', status: 'refused', printer: blocked, orderNumber: null } };
      const asked = await orders.request({ rmNumber: c.rmNumber, year: c.year, chamber: c.chamber }, await renderCardPdf(c, 'card'), {
        actor: `staff:${staff.id}`,
        ticket: false,
      });
      if (!asked.ok) return asked;
      const { orderId, number, state } = asked.value;
      // An order already paid (printing, printed, failed): nothing is charged again, and staff are told.
      if (state !== 'requested') return { ok: true, value: { delivery: 'pvc', status: 'already', orderNumber: number } };
      // Staff are at the desk with the artisan: the payment is taken now, once.
      const paid = await orders.pay(orderId, delivery.method, staff);
      if (!paid.ok && (paid.error.code === 'PRINTER_NOT_SET' || paid.error.code === 'CARD_PRINTER_NOT_READY')) {
        // The printer stopped between the two questions: the order made waits for its payment, and staff are told so.
        const printer = (await orders.cardPrinterBlocked()) ?? 'unknown';
        return { ok: true, value: { delivery: 'pvc', status: 'refused', printer, orderNumber: number } };
      }
      if (!paid.ok) return paid;
      await audit(staff, 'card-issued', { ...details, order: number });
      return { ok: true, value: { delivery: 'pvc', status: paid.value.state === 'failed' ? 'failed' : 'sent', orderNumber: number } };
    },

    /** The issuance is over (done, abandoned, staff logged out): its photo is wiped. */
    end(): void {
      current?.photo?.fill(0);
      current = null;
    },
  };
}

export type IssuanceService = ReturnType<typeof createIssuanceService>;
