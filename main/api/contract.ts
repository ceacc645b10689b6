import { z } from 'zod';
import type { AccountStatusView, IdentifyOutcome, MyInformation } from '../shared/artisan.ts';
import type { CardView, VerifyResult } from '../shared/card.ts';
import type { StaffOverview } from '../shared/console.ts';
import type { EventKind, KioskEvent } from '../shared/events.ts';
import type { JournalDay, JournalPrint } from '../shared/journal.ts';
import type { AppInfo, SecretsView, SettingsView } from '../shared/kiosk.ts';
import type { HandedOverByEmail, OrderTicket } from '../shared/orders.ts';
import type { PrintCancelled, PrintJob } from '../shared/print-jobs.ts';
import type { PrinterStatus } from '../shared/printers.ts';
import { JOURNAL_DAY_LIMIT, JOURNAL_KINDS } from '../shared/rules/journal-kinds.ts';
import {
  type EmailTarget,
  ID_DOCUMENTS,
  type IssuanceResult,
  type OrderEmailTarget,
  type SearchHit,
  type StaffMember,
  type StaffState,
} from '../shared/staff.ts';
import type { TillDay, TillPrint } from '../shared/till.ts';
import type { Channel, EVENTS } from './channels.ts';

/**
 * THE contract between the renderer and the main process: one entry per channel
 * (`domain:verb`), with the zod schema that every input must pass and the type of the value
 * that comes back. The preload's `window.kiosk`, the IPC handlers and the browser bridge are
 * all derived from this table; the renderer imports only its types.
 */

/** A phantom marker carrying an output type; it has no value at run time. */
const returns = <T>() => undefined as unknown as T;

// Bounds keep a hostile caller from sending megabytes into a parser.
const text = (max: number) => z.string().max(max);

const orderId = z.number().int().positive();
/** A calendar day, YYYY-MM-DD, that exists ("2026-02-30" does not). */
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => {
    const [y = 0, m = 0, day = 0] = d.split('-').map(Number);
    const date = new Date(Date.UTC(y, m - 1, day));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === day;
  });
const role = z.enum(['card', 'paper', 'receipt']);
const journalFilter = z.object({ day: isoDay.optional(), memberId: z.number().int().positive().optional(), kind: z.enum(JOURNAL_KINDS).optional() }).strict();

export const contract = {
  /** What the screens need to know about this kiosk. Never fails. */
  'app:info': { input: z.object({}).strict(), output: returns<AppInfo>() },
  /**
   * Identifies an artisan by RM number and date of birth against the local replica.
   * Refusals of what was typed come back as errors RM_* or DATE_* with their `field`;
   * every other answer (found, not found, wrong date, locked, radiated) is a value.
   */
  'identity:identify': {
    input: z
      .object({
        rmNumber: text(64),
        birthDate: z.object({ day: text(8), month: text(8), year: text(8) }).strict(),
      })
      .strict(),
    output: returns<IdentifyOutcome>(),
  },
  /**
   * Activates the account of the artisan identified in this visit (never another): e-mail,
   * optional mobile, password twice. Field errors come back together in `problems`.
   */
  'accounts:activate': {
    input: z.object({ email: text(254), mobile: text(40), password: text(200), confirmation: text(200) }).strict(),
    output: returns<AccountStatusView>(),
  },
  /** Where the identified artisan's account stands; `loggedIn` once this visit may go on. */
  'accounts:status': { input: z.object({}).strict(), output: returns<AccountStatusView & { loggedIn: boolean }>() },
  /** Sends the confirmation e-mail again. */
  'accounts:resend': { input: z.object({}).strict(), output: returns<{ email: string }>() },
  /**
   * "Ce n'est pas mon adresse": the pending activation's link goes to this new address instead
   * (the old link stops working). For the artisan identified in this visit, whose RM number and
   * date of birth the registry checks again. EMAIL_INVALID (field `email`), EMAIL_UNCHANGED,
   * EMAIL_TAKEN, ACCOUNT_EXISTS (active already), NOT_PENDING, REGISTRY_UNREACHABLE.
   */
  'accounts:change-email': { input: z.object({ email: text(254) }).strict(), output: returns<{ email: string }>() },
  /**
   * Demo mode only: a link to the demo mailbox of the address typed in this visit (to activate,
   * as a new address, or to log in), showing only this artisan's mail there. Each call grants a
   * new, unguessable link that expires (main/demo-registry/demo-mailbox.ts). `url` is null
   * outside demo mode, or when no address was typed in this visit (a pending activation found
   * again: a date of birth is no proof of owning the mailbox).
   */
  'accounts:demo-mailbox': { input: z.object({}).strict(), output: returns<{ url: string | null }>() },
  'accounts:login': { input: z.object({ email: text(254), password: text(200) }).strict(), output: returns<{ email: string }>() },
  /** Sends a reset link if the address has an account; the answer is the same either way. */
  'accounts:forgot-password': { input: z.object({ email: text(254) }).strict(), output: returns<{ sent: true }>() },
  'accounts:logout': { input: z.object({}).strict(), output: returns<Record<string, never>>() },
  /** "Mes informations": registry-owned facts and contact details. Logged in only. */
  'profile:get': { input: z.object({}).strict(), output: returns<MyInformation>() },
  /** Contact changes, through the outbox; `delivered` says whether the registry has them yet. */
  'profile:update': {
    input: z
      .object({
        email: text(254),
        mobile: text(40),
        deliveryAddress: z
          .object({ line1: text(200), line2: text(200), postalCode: text(10), city: text(100) })
          .strict()
          .nullable(),
      })
      .strict(),
    output: returns<{ delivered: boolean; emailPending: boolean }>(),
  },
  /** The ID photo taken at the kiosk: a JPEG (base64), 35:45, at most 200 KB. Logged in only. */
  'photo:set': { input: z.object({ jpeg: text(300_000) }).strict(), output: returns<{ bytes: number; delivered: boolean }>() },
  /** "Ma carte": the card of the logged-in artisan, with this visit's photo. */
  'card:view': { input: z.object({}).strict(), output: returns<CardView>() },
  /** Sends the card PDF to the account's address (the registry sends it, through the outbox). */
  'card:send-email': { input: z.object({}).strict(), output: returns<{ delivered: boolean }>() },
  /** A one-time download link for the artisan's phone, shown as a QR code; online only. */
  'card:phone-link': { input: z.object({}).strict(), output: returns<{ url: string; expiresAt: string }>() },
  /** "Vérifier une carte": a token read from a card's QR code, checked offline. */
  'card:verify': { input: z.object({ token: text(2000) }).strict(), output: returns<VerifyResult>() },
  /**
   * "Commander une carte PVC": the logged-in artisan's card, to be paid at the desk. Asking
   * again returns the same order. The ticket comes out of the receipt printer if it can.
   */
  'order:request': { input: z.object({}).strict(), output: returns<OrderTicket>() },
  /** Whether staff exist (else the first PIN is to be set), who is logged in, the PIN lock. */
  'staff:state': { input: z.object({}).strict(), output: returns<StaffState>() },
  /**
   * First run only: the first staff member and their PIN, typed twice (main/shared/rules/staff-pin.ts).
   * Refusals come field by field: STAFF_NAME_REQUIRED, PIN_FORMAT / PIN_REPEATED / PIN_SEQUENCE /
   * PIN_DATE on `pin`, PIN_MISMATCH on `pinConfirmation`.
   */
  'staff:setup': { input: z.object({ name: text(80), pin: text(8), confirmation: text(8) }).strict(), output: returns<StaffState>() },
  'staff:login': { input: z.object({ pin: text(8) }).strict(), output: returns<StaffState>() },
  'staff:logout': { input: z.object({}).strict(), output: returns<Record<string, never>>() },
  /** The console at a glance: sync, recent print jobs, recent audit entries. Staff only. */
  'staff:overview': { input: z.object({}).strict(), output: returns<StaffOverview>() },
  /** Lifts the pause of identification (too many wrong dates on this kiosk); in the audit log. Staff only. */
  'staff:identification-resume': { input: z.object({}).strict(), output: returns<StaffOverview>() },
  /** "Synchroniser maintenant". Staff only. */
  'staff:sync-now': { input: z.object({}).strict(), output: returns<StaffOverview>() },
  /**
   * A staff step on a PVC order: payment taken (refused with PRINTER_NOT_SET or CARD_PRINTER_NOT_READY
   * unless the card printer is ready now, and with RECEIPT_PRINTER_NOT_READY while the receipt printer
   * says it cannot print, unless `withoutReceipt`), retry, reprint (with why), handed over, cancelled; a paid
   * card that cannot print refunded (with why) or handed over on paper or by e-mail. By e-mail only
   * to the address shown (`showing`, from staff:order-email-target) and named again by the registry
   * now: else CARD_EMAIL_REFUSED (params.reason), nothing sent; `mail` then says whether the
   * registry took it or the outbox keeps it. A second tap, or another console, gets ORDER_STATE.
   * Staff only.
   */
  'staff:order': {
    input: z.discriminatedUnion('action', [
      // withoutReceipt: staff chose to take the payment while the receipt printer cannot print.
      z.object({ action: z.literal('pay'), orderId, method: z.enum(['cash', 'card']), withoutReceipt: z.boolean().optional() }).strict(),
      z.object({ action: z.literal('retry'), orderId }).strict(),
      z.object({ action: z.literal('reprint'), orderId, reason: text(200) }).strict(),
      z.object({ action: z.literal('hand-over'), orderId }).strict(),
      z.object({ action: z.literal('cancel'), orderId }).strict(),
      // A paid card that cannot be printed: money back (by the means staff used), with why.
      z.object({ action: z.literal('refund'), orderId, method: z.enum(['cash', 'card']), reason: text(200) }).strict(),
      // A paid card that cannot be printed, given on a paper sheet or by e-mail instead.
      z.object({ action: z.literal('hand-over-as'), orderId, as: z.enum(['paper', 'email']), showing: text(64).optional() }).strict(),
    ]),
    output: returns<StaffOverview & { mail?: HandedOverByEmail }>(),
  },
  /**
   * Before a PVC order's card goes by e-mail: the account's address, masked, as the registry has it
   * now, with the id of this showing (to send with); or why it cannot go (as staff:issue-email-target).
   * ORDER_STATE when the order no longer waits for another way out. Staff only.
   */
  'staff:order-email-target': { input: z.object({ orderId }).strict(), output: returns<OrderEmailTarget>() },
  /** Each printer role, the printer set for it, and how it stands. Staff only. */
  'staff:printers': { input: z.object({}).strict(), output: returns<PrinterStatus[]>() },
  /** Sets (or clears, with null) the printer of a role. Staff only. */
  'staff:printer-set': { input: z.object({ role, printer: text(300).nullable() }).strict(), output: returns<PrinterStatus[]>() },
  /** A test page (or test ticket) on the printer of a role; answers once the printer took it. Staff only. */
  'staff:printer-test': { input: z.object({ role }).strict(), output: returns<PrintJob>() },
  /**
   * Cancels a print job that waits for its printer (switched off for good): at the spooler first,
   * so it does not print when the printer is back; in the audit log (print-cancelled). A job that
   * had ended is not cancelled (`outcome: 'ended'`, the job as it ended). PRINT_JOB_NOT_FOUND,
   * PRINT_JOB_NOT_SENT, PRINT_CANCEL_FAILED (params.kind: the spooler could not be asked; nothing
   * changed). A PVC card's order stays open with its card. Staff only.
   */
  'staff:print-cancel': {
    input: z
      .object({
        jobId: z
          .number()
          .int()
          .positive()
          .max(2 ** 31),
      })
      .strict(),
    output: returns<PrintCancelled & { overview: StaffOverview }>(),
  },
  /** "Délivrer une carte": the local replica searched by RM number, SIREN or name (offline). Staff only. */
  'staff:search': { input: z.object({ query: text(120) }).strict(), output: returns<SearchHit[]>() },
  /** Staff checked an identity document of this kind (never its number or image): the issuance starts. */
  'staff:issue-start': {
    input: z.object({ rmNumber: text(20), document: z.enum(ID_DOCUMENTS) }).strict(),
    output: returns<CardView>(),
  },
  /** The photo taken with the kiosk's camera for this issuance (JPEG, base64, at most 200 KB). */
  'staff:issue-photo': { input: z.object({ jpeg: text(300_000) }).strict(), output: returns<CardView>() },
  /** The card on paper, by e-mail, or on the card printer as a PVC order paid now (cash or card). */
  'staff:issue': {
    input: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('paper') }).strict(),
      z.object({ kind: z.literal('email') }).strict(),
      z.object({ kind: z.literal('pvc'), method: z.enum(['cash', 'card']) }).strict(),
    ]),
    output: returns<IssuanceResult>(),
  },
  /** The issuance is over: its photo is wiped. */
  'staff:issue-end': { input: z.object({}).strict(), output: returns<Record<string, never>>() },
  /**
   * Where the card would go by e-mail, before staff send it: the account's address, masked, as
   * the registry has it now; or that the registry does not answer; or why it cannot go (no
   * account, not confirmed, no address). Staff only.
   */
  'staff:issue-email-target': { input: z.object({}).strict(), output: returns<EmailTarget>() },
  /**
   * "Caisse du jour": payments and refunds of a local day of the kiosk (today when no day is
   * given), by means and by agent; a refund counts on the day it was made. TILL_DAY_INVALID for
   * a day after today. Staff only.
   */
  'staff:till': { input: z.object({ day: isoDay.optional() }).strict(), output: returns<TillDay>() },
  /** The same on the thermal printer; a printer that is off gives a failed job, the figures stay. PRINTER_NOT_SET without one. Staff only. */
  'staff:till-print': { input: z.object({ day: isoDay.optional() }).strict(), output: returns<TillPrint>() },
  /**
   * The journal: the audit log of a local day (today when no day is given), oldest first, each
   * entry named (agent, colleague, artisan with the RM number masked); only one agent's entries
   * with `memberId`, only one kind's with `kind`. JOURNAL_DAY_INVALID for a day after today. Staff only.
   */
  'staff:journal': { input: journalFilter, output: returns<JournalDay>() },
  /**
   * "Imprimer le journal du jour": the same day and filters on the office printer (A4 PDF), with
   * the console's words (heading lines, the sentence of each entry by `seq`, in its language).
   * The entries given must be exactly those the filters select now, else JOURNAL_CHANGED and
   * nothing prints. PRINTER_NOT_SET without an office printer; a printer that fails gives a
   * failed job (its kind says why). In the audit log (journal-printed). Staff only.
   */
  'staff:journal-print': {
    input: journalFilter
      .extend({
        heading: z.array(text(300)).min(1).max(6),
        empty: text(300),
        lines: z.array(z.object({ seq: z.number().int().positive(), text: text(1000) }).strict()).max(JOURNAL_DAY_LIMIT),
      })
      .strict(),
    output: returns<JournalPrint>(),
  },
  /** The kiosk's settings as staff can change them. Staff only. */
  'staff:settings': { input: z.object({}).strict(), output: returns<SettingsView>() },
  /** Replaces the settings; each refused field comes back in `problems`, and nothing is kept. Staff only. */
  'staff:settings-set': {
    input: z
      .object({
        registryUrl: text(300).nullable(),
        kioskId: text(100).nullable(),
        chamber: text(200),
        idleWarnS: z.number().int().min(0).max(100_000),
        idleEndS: z.number().int().min(0).max(100_000),
        language: z.enum(['fr', 'en']),
        speechAloud: z.boolean(),
      })
      .strict(),
    output: returns<SettingsView>(),
  },
  /** "Arrêter la borne": the kiosk closes its store and stops (the desk's IT starts it again). Staff only. */
  'staff:stop-kiosk': { input: z.object({}).strict(), output: returns<Record<string, never>>() },
  /** The desk's staff, by name (never a PIN). Staff only. */
  'staff:members': { input: z.object({}).strict(), output: returns<StaffMember[]>() },
  /** A logged-in member adds a colleague with their own PIN (6 to 8 digits, used by nobody else). */
  'staff:member-add': { input: z.object({ name: text(80), pin: text(8), confirmation: text(8) }).strict(), output: returns<StaffMember[]>() },
  /**
   * The logged-in member changes their own PIN: the current one (PIN_CURRENT_WRONG, counted
   * toward the kiosk's lock as at login), then the new one twice, by the rule of staff:setup.
   */
  'staff:pin-change': {
    input: z.object({ current: text(8), pin: text(8), confirmation: text(8) }).strict(),
    output: returns<Record<string, never>>(),
  },
  /** A colleague who left: their PIN stops working; payments and the log still name them. */
  'staff:member-remove': { input: z.object({ id: z.number().int().positive() }).strict(), output: returns<StaffMember[]>() },
  /** Where the secrets live and which are set: never a value. Staff only. */
  'staff:secrets': { input: z.object({}).strict(), output: returns<SecretsView>() },
  /** Puts the registry's secret in the keychain (at least 16 characters). Write-only: no channel reads it back. Staff only. */
  'staff:secret-set': { input: z.object({ name: z.literal('registry-secret'), value: text(200) }).strict(), output: returns<SecretsView>() },
  'staff:secret-delete': { input: z.object({ name: z.literal('registry-secret') }).strict(), output: returns<SecretsView>() },
  /**
   * Audio mode: a sentence of the screen, spoken by the operating system's synthesizer, as a
   * WAV file (base64) for the renderer to play on the headphones. SPEECH_UNAVAILABLE where
   * there is none. `rate` 1 is the usual speed.
   */
  'speech:say': {
    input: z.object({ text: text(1000), lang: z.enum(['fr', 'en']), rate: z.number().min(0.5).max(2) }).strict(),
    output: returns<{ wav: string }>(),
  },
  /** "Terminer" or the idle timeout: forget everything of this visit in the main process. */
  'session:end': { input: z.object({}).strict(), output: returns<Record<string, never>>() },
} as const satisfies Record<Channel, { input: z.ZodType; output: unknown }>;

export type Contract = typeof contract;

/**
 * The events the main process pushes to the screens (over IPC in Electron, Server-Sent Events
 * in browser mode, behind the same checks as calls): one schema per kind. An event names what
 * changed, never whom: the schemas are strict, so an event that grew a field (a name, an
 * address) is stopped before it leaves. A screen that hears one reads again through a channel.
 */
export const events = {
  'sync-status': z.object({ kind: z.literal('sync-status'), state: z.enum(['never', 'syncing', 'ok', 'offline', 'error']) }).strict(),
  'mail-confirmed': z.object({ kind: z.literal('mail-confirmed') }).strict(),
  'account-untrusted': z.object({ kind: z.literal('account-untrusted') }).strict(),
  'orders-changed': z.object({ kind: z.literal('orders-changed'), orderId: orderId.nullable(), jobId: z.number().int().positive().nullable() }).strict(),
  'printer-state': z.object({ kind: z.literal('printer-state'), role }).strict(),
  'identification-paused': z.object({ kind: z.literal('identification-paused'), paused: z.boolean() }).strict(),
} as const satisfies { [K in (typeof EVENTS)[number]]: z.ZodType<Extract<KioskEvent, { kind: K }>> };

// The names the preload knows (channels.ts) and the kinds the core emits are the same list.
const sameKinds: [EventKind, (typeof EVENTS)[number]] extends [(typeof EVENTS)[number], EventKind] ? true : never = true;
void sameKinds;

/** An event as it may leave the main process, or null when it does not match its schema (a bug: the caller logs it). */
export function eventOnTheWire(event: KioskEvent): KioskEvent | null {
  const parsed = events[event.kind]?.safeParse(event);
  return parsed?.success ? (parsed.data as KioskEvent) : null;
}
export { CHANNELS, isChannel } from './channels.ts';
export type { Channel, KioskEvent };
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = Contract[C]['output'];
