import { errorKind, type Logger } from '../logging/logger.ts';
import {
  type AccountStatusWire,
  accountStatusSchema,
  activationEmailResponseSchema,
  type DeliveryAddress,
  loginResponseSchema,
  profileSchema,
} from '../registry/accounts-wire.ts';
import { type RegistryClient, RegistryError } from '../registry/client.ts';
import type { MyInformation } from '../shared/artisan.ts';
import { type FieldProblem, fail, type Result } from '../shared/errors.ts';
import { isEmail, normaliseEmail } from '../shared/rules/email.ts';
import { checkPassword } from '../shared/rules/password.ts';
import { recordAccountKnown } from '../store/account-known-repo.ts';
import { findByRmNumber } from '../store/artisans-repo.ts';
import type { WriteDb } from '../store/database.ts';
import { enqueue } from '../store/outbox-repo.ts';
import { type Distrust, judgeStatus, sameAddress } from './account-trust.ts';
import { normaliseMobile } from './mobile.ts';
import type { SessionHolder } from './session.ts';

export type AccountsDeps = {
  db: WriteDb;
  client: RegistryClient;
  session: SessionHolder;
  clock: () => Date;
  log: Logger;
  /** Pushes the outbox now; resolves true once the registry has the operation with this key. */
  pushNow: (key: string) => Promise<boolean>;
  /**
   * Told when this visit's artisan now waits for their activation link to be followed (after
   * activating, resending, changing the address, or a pending activation found again): the
   * main process watches the registry for them and says `mail-confirmed` (main/events/).
   */
  awaitingConfirmation?: (rmNumber: string) => void;
  /** Demo mode: a new access link to one address's demo mailbox, for one account's mail (the embedded registry's). */
  demoMailboxLink?: ((rmNumber: string, email: string) => Promise<string>) | null;
};

const fields = <T>(problems: FieldProblem[]): Result<T> => {
  const [first] = problems;
  return fail({ code: first?.code ?? 'INVALID_INPUT', field: first?.field ?? 'email', message: `refused: ${problems.map((p) => p.code).join(',')}`, problems });
};

/** A registry failure as the person should hear it. */
function fromRegistry<T>(error: unknown, log: Logger): Result<T> {
  if (!(error instanceof RegistryError)) throw error;
  if (error.kind === 'offline') return fail({ code: 'REGISTRY_UNREACHABLE', message: error.message });
  const code = error.answer?.code;
  const d = error.answer?.details ?? {};
  if (code === 'LOGIN_FAILED') return fail({ code: 'LOGIN_FAILED', message: 'wrong e-mail or password', params: { count: Number(d.attemptsLeft ?? 0) } });
  if (code === 'LOGIN_LOCKED') return fail({ code: 'LOGIN_LOCKED', message: 'too many failures', params: { until: String(d.until ?? '') } });
  if (code === 'EMAIL_TAKEN') return fail({ code: 'EMAIL_TAKEN', message: 'address used by another account', field: 'email' });
  if (code === 'EMAIL_INVALID') return fail({ code: 'EMAIL_INVALID', message: 'registry refused the address', field: 'email' });
  if (code === 'PASSWORD_WEAK') return fail({ code: 'PASSWORD_WEAK', message: 'registry refused the password', field: 'password' });
  if (code === 'ACCOUNT_EXISTS' || code === 'NOT_PENDING') return fail({ code, message: code });
  if (code === 'EMAIL_UNCHANGED') return fail({ code, message: 'the link went to this address already', field: 'email' });
  log.warn('registry-refused', { kind: error.kind, code: code ?? null });
  return fail({ code: 'REGISTRY_ERROR', message: error.message });
}

/**
 * Activation, confirmation, login and contact details, for the artisan identified in this
 * visit's session. Online: the registry holds accounts and passwords; the kiosk passes a
 * password through once and never keeps or logs it.
 */
export function createAccountsService({
  db,
  client,
  session,
  clock,
  log,
  pushNow,
  awaitingConfirmation = () => undefined,
  demoMailboxLink = null,
}: AccountsDeps) {
  const identified = () => session.get().rmNumber;
  const needSession = <T>(): Result<T> => fail({ code: 'SESSION_REQUIRED', message: 'no artisan identified in this visit' });

  /**
   * The registry's word on this visit's account is no longer taken: the visit is not (or no
   * longer) logged in on it, and whatever it says of the account from now on is not believed
   * either. The reason is logged for IT, with nothing of the person.
   */
  const untrusted = <T>(reason: Distrust): Result<T> => {
    const { account } = session.get();
    if (account.distrust === null) log.warn('account-answer-untrusted', { reason });
    session.update({ loggedIn: false, account: { ...account, distrust: reason } });
    return fail({ code: 'REGISTRY_UNTRUSTED', message: `the registry's answer about the account is not believed (${reason})` });
  };
  const distrusted = () => session.get().account.distrust;
  /**
   * What the kiosk just saw of the account goes into its replica at once (account-known-repo.ts):
   * an artisan back a minute later, here, is not offered "Activer mon compte" again. A store that
   * fails here does not undo what the registry did: logged, and the visit goes on.
   */
  const known = async (rm: string, status: AccountStatusWire['status']): Promise<void> => {
    if (status === 'none') return;
    try {
      await db.transaction((tx) => recordAccountKnown(tx, rm, status, clock()));
    } catch (error) {
      log.error('account-known-not-recorded', { kind: errorKind(error) });
    }
  };
  const malformed = (error: unknown) => error instanceof RegistryError && error.kind === 'malformed';

  /** The account's status, asked now and held against what the visit heard: the answer, or why it is not believed. */
  async function hearStatus(rm: string): Promise<{ answer: AccountStatusWire } | { distrust: Distrust }> {
    let answer: AccountStatusWire;
    try {
      answer = await client.accounts('GET', `${rm}/status`, accountStatusSchema);
    } catch (error) {
      if (malformed(error)) return { distrust: 'malformed' };
      throw error;
    }
    // The visit ended (or another began) while the registry answered: nothing of it is heard.
    if (session.get().rmNumber !== rm) throw new RegistryError('offline', 'the visit ended before the registry answered');
    const judged = judgeStatus(session.get().account, answer);
    if ('distrust' in judged) return judged;
    session.update({ account: judged.heard });
    return { answer };
  }

  /**
   * "An account exists" at activation, where the kiosk's copy said there was none: believed when
   * the registry's status says the account is active (the copy was behind: activated on the
   * portal, or at another desk), not when it says there is none, or is pending.
   */
  async function accountExists<T>(rm: string, refusal: RegistryError): Promise<Result<T>> {
    try {
      const heard = await hearStatus(rm);
      if ('distrust' in heard) return untrusted(heard.distrust);
      if (heard.answer.status !== 'active') return untrusted('exists-without-account');
      await known(rm, 'active');
      log.info('activation-account-exists');
      return fromRegistry(refusal, log);
    } catch (error) {
      return fromRegistry(error, log);
    }
  }

  return {
    async activate(input: { email: string; mobile: string; password: string; confirmation: string }): Promise<Result<AccountStatusWire>> {
      const rm = identified();
      if (!rm) return needSession();
      const problems: FieldProblem[] = [];
      const email = normaliseEmail(input.email);
      if (!isEmail(email)) problems.push({ field: 'email', code: 'EMAIL_INVALID' });
      const mobile = input.mobile.trim() === '' ? null : normaliseMobile(input.mobile);
      if (input.mobile.trim() !== '' && !mobile) problems.push({ field: 'mobile', code: 'MOBILE_INVALID' });
      if (!checkPassword(input.password).met) problems.push({ field: 'password', code: 'PASSWORD_WEAK' });
      else if (input.password !== input.confirmation) problems.push({ field: 'confirmation', code: 'PASSWORD_MISMATCH' });
      if (problems.length > 0) return fields(problems);
      if (distrusted()) return untrusted(distrusted() ?? 'malformed');
      let r: AccountStatusWire;
      try {
        r = await client.accounts('POST', 'activate', accountStatusSchema, { rmNumber: rm, email, mobile, password: input.password });
      } catch (error) {
        if (malformed(error)) return untrusted('malformed');
        if (error instanceof RegistryError && error.answer?.code === 'ACCOUNT_EXISTS') return accountExists(rm, error);
        return fromRegistry(error, log);
      }
      // An account made a moment ago waits for its link: it cannot be confirmed yet, and its
      // link goes to the address typed here, not another.
      if (r.status !== 'pending') return untrusted('not-pending');
      if (!sameAddress(r.email, email)) return untrusted('other-address');
      const { account } = session.get();
      const judged = judgeStatus({ ...account, linkTo: email }, r);
      if ('distrust' in judged) return untrusted(judged.distrust);
      session.update({ email, typedEmail: email, activatedHere: true, account: judged.heard });
      await known(rm, 'pending');
      awaitingConfirmation(rm);
      log.info('account-activation-requested');
      return { ok: true, value: { status: 'pending', email } };
    },

    /** Where the account stands; once the link is followed, this visit goes on logged in. */
    async status(): Promise<Result<AccountStatusWire & { loggedIn: boolean }>> {
      const rm = identified();
      if (!rm) return needSession();
      if (distrusted()) return untrusted(distrusted() ?? 'malformed');
      try {
        const heard = await hearStatus(rm);
        if ('distrust' in heard) return untrusted(heard.distrust);
        const s = heard.answer;
        await known(rm, s.status);
        const current = session.get();
        if (s.status === 'active' && current.activatedHere && !current.loggedIn) session.update({ loggedIn: true, email: s.email });
        if (s.status === 'pending') awaitingConfirmation(rm);
        return { ok: true, value: { ...s, loggedIn: session.get().loggedIn } };
      } catch (error) {
        return fromRegistry(error, log);
      }
    },

    /**
     * For the activation watch (main/events/activation-watch.ts): whether this visit's pending
     * activation was confirmed, as far as the kiosk believes the registry; null when the
     * registry could not be asked (offline, busy) or the visit is no longer this artisan's.
     */
    async confirmation(rm: string): Promise<'pending' | 'confirmed' | 'untrusted' | null> {
      if (identified() !== rm) return null;
      if (distrusted()) return 'untrusted';
      try {
        const heard = await hearStatus(rm);
        if ('distrust' in heard) {
          untrusted(heard.distrust);
          return 'untrusted';
        }
        await known(rm, heard.answer.status);
        return heard.answer.status === 'active' ? 'confirmed' : 'pending';
      } catch (error) {
        if (!(error instanceof RegistryError)) throw error;
        log.debug('confirmation-unanswered', { kind: error.kind });
        return null;
      }
    },

    async resend(): Promise<Result<{ email: string }>> {
      const rm = identified();
      if (!rm) return needSession();
      if (distrusted()) return untrusted(distrusted() ?? 'malformed');
      try {
        const r = await client.accounts('POST', `${rm}/resend`, accountStatusSchema.pick({ email: true }));
        // The link goes again where it went before, or (a pending activation found again) to the
        // address the registry names: from now on, the one a confirmation must be for.
        const { account } = session.get();
        if (r.email === null || (account.linkTo !== null && !sameAddress(r.email, account.linkTo))) return untrusted('other-address');
        session.update({ account: { ...account, linkTo: account.linkTo ?? normaliseEmail(r.email) } });
        await known(rm, 'pending');
        awaitingConfirmation(rm);
        return { ok: true, value: { email: r.email } };
      } catch (error) {
        if (malformed(error)) return untrusted('malformed');
        return fromRegistry(error, log);
      }
    },

    /**
     * "Ce n'est pas mon adresse": the pending activation's link goes to a new address, asked
     * with the RM number and date of birth proven in this visit (the registry checks both).
     * The registry says whether the address is new, free, and the activation still pending.
     */
    async changeActivationEmail(input: { email: string }): Promise<Result<{ email: string }>> {
      const { rmNumber: rm, birthDate } = session.get();
      if (!rm || !birthDate) return needSession();
      const email = normaliseEmail(input.email);
      if (!isEmail(email)) return fields([{ field: 'email', code: 'EMAIL_INVALID' }]);
      if (distrusted()) return untrusted(distrusted() ?? 'malformed');
      try {
        const r = await client.accounts('POST', `${rm}/activation-email`, activationEmailResponseSchema, { email, birthDate });
        if (!sameAddress(r.email, email)) return untrusted('other-address');
        session.update({ email, typedEmail: email, account: { ...session.get().account, linkTo: email } });
        await known(rm, 'pending');
        awaitingConfirmation(rm);
        log.info('activation-email-changed');
        return { ok: true, value: { email } };
      } catch (error) {
        if (malformed(error)) return untrusted('malformed');
        const refused = fromRegistry<{ email: string }>(error, log);
        // The registry's refusals of the address belong above the field, like the kiosk's own.
        const code = refused.ok ? null : refused.error.code;
        return code === 'EMAIL_UNCHANGED' || code === 'EMAIL_TAKEN' || code === 'EMAIL_INVALID' ? fields([{ field: 'email', code }]) : refused;
      }
    },

    /**
     * Demo mode: a link to the demo mailbox of the address typed in this visit, for this
     * artisan's mail only; none for an address this visit did not type (found again, masked).
     */
    async demoMailbox(): Promise<Result<{ url: string | null }>> {
      const { rmNumber: rm, typedEmail } = session.get();
      if (!rm) return needSession();
      if (!demoMailboxLink || typedEmail === null) return { ok: true, value: { url: null } };
      return { ok: true, value: { url: await demoMailboxLink(rm, typedEmail) } };
    },

    async login(input: { email: string; password: string }): Promise<Result<{ email: string }>> {
      const rm = identified();
      if (!rm) return needSession();
      if (!isEmail(input.email)) return fields([{ field: 'email', code: 'EMAIL_INVALID' }]);
      try {
        const r = await client.accounts('POST', 'login', loginResponseSchema, { email: normaliseEmail(input.email), password: input.password });
        // An account, but not the artisan identified at this kiosk: refuse, say nothing of whose.
        if (r.rmNumber !== rm) return fail({ code: 'LOGIN_OTHER_ARTISAN', message: 'login does not match the identified artisan' });
        // Logged in, says the registry, but for another address than the one typed: not believed.
        if (!sameAddress(r.email, input.email)) return untrusted('other-address');
        session.update({ loggedIn: true, email: normaliseEmail(r.email), typedEmail: normaliseEmail(r.email) });
        await known(rm, 'active');
        log.info('login');
        return { ok: true, value: { email: normaliseEmail(r.email) } };
      } catch (error) {
        if (malformed(error)) return untrusted('malformed');
        return fromRegistry(error, log);
      }
    },

    async forgotPassword(input: { email: string }): Promise<Result<{ sent: true }>> {
      if (!isEmail(input.email)) return fields([{ field: 'email', code: 'EMAIL_INVALID' }]);
      try {
        await client.accounts('POST', 'password-reset', { parse: () => undefined }, { email: normaliseEmail(input.email) });
        return { ok: true, value: { sent: true } };
      } catch (error) {
        return fromRegistry(error, log);
      }
    },

    async myInformation(): Promise<Result<MyInformation>> {
      const { rmNumber: rm, loggedIn } = session.get();
      if (!rm || !loggedIn) return needSession();
      const artisan = await findByRmNumber(db, rm);
      if (!artisan) return needSession();
      try {
        const contact = await client.accounts('GET', `${rm}/profile`, profileSchema);
        const { rmNumber, birthName, usageName, firstNames, companyName, tradeName, activities, qualification, chamber, address } = artisan;
        return {
          ok: true,
          value: { registry: { rmNumber, birthName, usageName, firstNames, companyName, tradeName, activities, qualification, chamber, address }, contact },
        };
      } catch (error) {
        return fromRegistry(error, log);
      }
    },

    /**
     * Records contact changes in the outbox (so they survive a network cut) and tries to
     * deliver them at once. A new e-mail address waits for its confirmation link.
     */
    async updateContact(input: {
      email: string;
      mobile: string;
      deliveryAddress: { line1: string; line2: string; postalCode: string; city: string } | null;
    }): Promise<Result<{ delivered: boolean; emailPending: boolean }>> {
      const { rmNumber: rm, loggedIn, email: current } = session.get();
      if (!rm || !loggedIn) return needSession();
      const problems: FieldProblem[] = [];
      const email = normaliseEmail(input.email);
      if (!isEmail(email)) problems.push({ field: 'email', code: 'EMAIL_INVALID' });
      const mobile = input.mobile.trim() === '' ? null : normaliseMobile(input.mobile);
      if (input.mobile.trim() !== '' && !mobile) problems.push({ field: 'mobile', code: 'MOBILE_INVALID' });
      let deliveryAddress: DeliveryAddress | null = null;
      if (input.deliveryAddress) {
        const a = input.deliveryAddress;
        if (!a.line1.trim() || !a.city.trim()) problems.push({ field: 'deliveryAddress', code: 'ADDRESS_INCOMPLETE' });
        else if (!/^\d{5}$/.test(a.postalCode.trim())) problems.push({ field: 'deliveryAddress', code: 'POSTAL_CODE_INVALID' });
        else deliveryAddress = { line1: a.line1.trim(), line2: a.line2.trim() || null, postalCode: a.postalCode.trim(), city: a.city.trim() };
      }
      if (problems.length > 0) return fields(problems);
      const emailPending = email !== current;
      const key = await db.transaction((tx) =>
        enqueue(tx, 'profile-change', { rmNumber: rm, mobile, deliveryAddress, ...(emailPending ? { email } : {}) }, clock()),
      );
      log.info('contact-change-queued', { emailChanged: emailPending });
      const delivered = await pushNow(key);
      return { ok: true, value: { delivered, emailPending } };
    },

    logout(): void {
      session.update({ loggedIn: false });
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
