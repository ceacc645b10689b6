import assert from 'node:assert';
import type { AccountsService } from '../accounts/accounts-service.ts';
import type { SessionHolder } from '../accounts/session.ts';
import type { CardService } from '../cards/card-service.ts';
import { type BirthDateParts, localIsoDate, parseBirthDate } from '../identity/birth-date.ts';
import type { IdentityService } from '../identity/identify.ts';
import { DATE_ERROR, RM_ERROR } from '../identity/refusal-codes.ts';
import type { HandOverByEmailService } from '../orders/hand-over-email.ts';
import type { PvcOrderService } from '../orders/pvc-order-service.ts';
import type { TillService } from '../orders/till-service.ts';
import type { PrintersService } from '../printing/printers-service.ts';
import type { SecretsService } from '../secrets/secrets-service.ts';
import type { SettingsService } from '../settings/settings-service.ts';
import type { StaffOverview } from '../shared/console.ts';
import { type FieldProblem, fail, failFields, ok, type Result } from '../shared/errors.ts';
import type { AppInfo } from '../shared/kiosk.ts';
import type { SpeechService } from '../speech/speech-service.ts';
import type { IssuanceService } from '../staff/issuance-service.ts';
import type { JournalService } from '../staff/journal-service.ts';
import type { PrintCancelService } from '../staff/print-cancel-service.ts';
import type { StaffService } from '../staff/staff-service.ts';
import type { Handlers } from './handle.ts';

export type HandlerDeps = {
  identity: IdentityService;
  accounts: AccountsService;
  cards: CardService;
  staff: StaffService;
  orders: PvcOrderService;
  /** A failed PVC order's card by e-mail, to the address shown only. */
  handOverMail: HandOverByEmailService;
  printers: PrintersService;
  secrets: SecretsService;
  overview: () => Promise<StaffOverview>;
  syncNow: () => Promise<void>;
  session: SessionHolder;
  info: () => Promise<Omit<AppInfo, 'transport'>>;
  settings: SettingsService;
  issuance: IssuanceService;
  till: TillService;
  journal: JournalService;
  printCancel: PrintCancelService;
  speech: SpeechService;
  /** Stops the kiosk (Electron quits; browser mode ends its process), after the answer is sent. */
  stopKiosk: (staffId: number) => Promise<void>;
  transport: AppInfo['transport'];
};

/** The date just proven, as the registry writes it (it parsed already, or no one was found). */
function isoBirthDate(parts: BirthDateParts): string | null {
  const date = parseBirthDate(parts, localIsoDate(new Date()));
  return date.ok ? date.value : null;
}

/** The handler table: one function per channel, each taking one parsed input object. */
export function createHandlers({
  identity,
  accounts,
  cards,
  staff,
  orders,
  handOverMail,
  printers,
  secrets,
  settings,
  issuance,
  till,
  journal,
  printCancel,
  stopKiosk,
  overview,
  syncNow,
  session,
  info,
  speech,
  transport,
}: HandlerDeps): Handlers {
  const staffOnly = <T>(run: () => Promise<T>): Promise<Result<T>> =>
    staff.current() ? run().then((value) => ok(value)) : Promise.resolve(fail('STAFF_REQUIRED', 'staff login required'));
  /** A staff step that may be refused: the refusal, or the value. */
  const asStaff = async <T>(run: (member: { id: number; name: string }) => Promise<Result<T>>): Promise<Result<T>> => {
    const member = staff.current();
    return member ? run(member) : fail('STAFF_REQUIRED', 'staff login required');
  };
  return {
    'app:info': async () => ok({ ...(await info()), transport }),
    'identity:identify': async (input) => {
      const result = await identity.identify(input);
      // The visit is bound to the artisan it proved; anything else leaves no one in session.
      if (result.ok && result.value.kind === 'found') session.identified(result.value.artisan.rmNumber, isoBirthDate(input.birthDate));
      else session.end();
      if (result.ok) return ok(result.value);
      const { rmNumber, birthDate } = result.refused;
      const problems: FieldProblem[] = [];
      if (rmNumber) problems.push({ field: 'rmNumber', code: RM_ERROR[rmNumber] });
      if (birthDate) problems.push({ field: 'birthDate', code: DATE_ERROR[birthDate] });
      const [first, ...rest] = problems;
      assert(first, 'a refusal names at least one field');
      return failFields([first, ...rest], `refused: ${problems.map((p) => p.code).join(',')}`);
    },
    'accounts:activate': (input) => accounts.activate(input),
    'accounts:status': () => accounts.status(),
    'accounts:resend': () => accounts.resend(),
    'accounts:change-email': (input) => accounts.changeActivationEmail(input),
    'accounts:demo-mailbox': () => accounts.demoMailbox(),
    'accounts:login': (input) => accounts.login(input),
    'accounts:forgot-password': (input) => accounts.forgotPassword(input),
    'accounts:logout': async () => {
      accounts.logout();
      return ok({});
    },
    'profile:get': () => accounts.myInformation(),
    'profile:update': (input) => accounts.updateContact(input),
    'photo:set': (input) => cards.setPhoto(input.jpeg),
    'card:view': () => cards.view(),
    'card:send-email': () => cards.sendByEmail(),
    'card:phone-link': () => cards.phoneLink(),
    'card:verify': async (input) => ok(cards.verify(input.token)),
    'order:request': async () => {
      const card = await cards.forPrinting();
      return card.ok ? orders.request(card.value, card.value.pdf) : card;
    },
    'staff:state': async () => ok(await staff.state()),
    'staff:setup': (input) => staff.setup(input),
    'staff:login': (input) => staff.login(input.pin),
    'staff:logout': async () => {
      staff.logout();
      issuance.end();
      handOverMail.end();
      return ok({});
    },
    'staff:overview': () => staffOnly(overview),
    'staff:identification-resume': () =>
      asStaff(async (member) => {
        await identity.resume(member.id);
        return ok(await overview());
      }),
    'staff:sync-now': () =>
      staffOnly(async () => {
        await syncNow();
        return overview();
      }),
    'staff:order': (input) =>
      asStaff(async (member) => {
        if (input.action === 'hand-over-as' && input.as === 'email') {
          const sent = await handOverMail.send(input.orderId, input.showing ?? null, member);
          return sent.ok ? ok({ ...(await overview()), mail: sent.value }) : sent;
        }
        const step =
          input.action === 'pay'
            ? await orders.pay(input.orderId, input.method, member, { withoutReceipt: input.withoutReceipt === true })
            : input.action === 'retry'
              ? await orders.retry(input.orderId, member)
              : input.action === 'reprint'
                ? await orders.reprint(input.orderId, input.reason, member)
                : input.action === 'hand-over'
                  ? await orders.handOver(input.orderId, member)
                  : input.action === 'refund'
                    ? await orders.refund(input.orderId, input.method, input.reason, member)
                    : input.action === 'hand-over-as'
                      ? await orders.handOverAs(input.orderId, 'paper', member)
                      : await orders.cancel(input.orderId, member);
        return step.ok ? ok(await overview()) : step;
      }),
    'staff:order-email-target': (input) => asStaff(() => handOverMail.target(input.orderId)),
    'staff:printers': () => staffOnly(printers.statuses),
    'staff:printer-set': (input) => asStaff((member) => printers.set(input.role, input.printer, member.id)),
    'staff:printer-test': (input) => asStaff((member) => printers.test(input.role, member.id)),
    'staff:print-cancel': (input) =>
      asStaff(async (member) => {
        const done = await printCancel.cancel(input.jobId, member);
        return done.ok ? ok({ ...done.value, overview: await overview() }) : done;
      }),
    'staff:search': (input) => asStaff(() => issuance.search(input.query)),
    'staff:issue-start': (input) => asStaff((member) => issuance.start(input.rmNumber, input.document, member)),
    'staff:issue-photo': (input) => asStaff(() => issuance.setPhoto(input.jpeg)),
    'staff:issue': (input) => asStaff((member) => issuance.issue(input, member)),
    'staff:issue-end': async () => {
      issuance.end();
      return ok({});
    },
    'staff:issue-email-target': () => asStaff(() => issuance.emailTarget()),
    'staff:till': (input) => asStaff(() => till.day(input.day)),
    'staff:till-print': (input) => asStaff((member) => till.print(member, input.day)),
    'staff:journal': (input) => asStaff(() => journal.day(input)),
    'staff:journal-print': ({ heading, empty, lines, ...filter }) => asStaff((member) => journal.print(member, filter, { heading, empty, lines })),
    'staff:settings': () => staffOnly(settings.view),
    'staff:settings-set': (input) => asStaff((member) => settings.set(input, member.id)),
    'staff:members': () => staffOnly(staff.members),
    'staff:stop-kiosk': () =>
      asStaff(async (member) => {
        await stopKiosk(member.id);
        return ok({});
      }),
    'staff:member-add': (input) => asStaff((member) => staff.addMember(input, member)),
    'staff:pin-change': (input) =>
      asStaff(async (member) => {
        const changed = await staff.changePin(input, member);
        return changed.ok ? ok({}) : changed;
      }),
    'staff:member-remove': (input) => asStaff((member) => staff.removeMember(input.id, member)),
    'staff:secrets': () => staffOnly(secrets.view),
    'staff:secret-set': (input) => asStaff((member) => secrets.set(input.name, input.value, member.id)),
    'staff:secret-delete': (input) => asStaff((member) => secrets.delete(input.name, member.id)),
    'speech:say': (input) => speech.say(input),
    'session:end': async () => {
      session.end();
      issuance.end();
      return ok({});
    },
  };
}
