import { createAccountNow } from './accounts/account-now.ts';
import { type AccountsService, createAccountsService } from './accounts/accounts-service.ts';
import { createSessionHolder, type SessionHolder } from './accounts/session.ts';
import { createDispatcher, type Dispatch } from './api/handle.ts';
import { createHandlers } from './api/handlers.ts';
import { createCardKeyring } from './cards/card-keyring.ts';
import { type CardService, createCardService } from './cards/card-service.ts';
import { recallPhoto } from './cards/photo-recall.ts';
import { startEmbeddedRegistry } from './demo-registry/embedded.ts';
import { DEMO_IDENTITIES } from './demo-registry/seed.ts';
import { createActivationWatch } from './events/activation-watch.ts';
import { createEventBus, type EventBus } from './events/events.ts';
import { createPrinterWatch } from './events/printer-watch.ts';
import { createReceiptWatch } from './events/receipt-watch.ts';
import { birthDateHasher } from './identity/birth-date-hash.ts';
import { createIdentityService, type IdentityService } from './identity/identify.ts';
import { errorKind, type Logger } from './logging/logger.ts';
import { createHandOverByEmail } from './orders/hand-over-email.ts';
import { createPvcOrderService, type PvcOrderService } from './orders/pvc-order-service.ts';
import { createTillService } from './orders/till-service.ts';
import { askReceiptPrinterIfIdle } from './printing/escpos-link.ts';
import { createPrintService } from './printing/print-service.ts';
import { createPrintersService } from './printing/printers-service.ts';
import type { Spooler } from './printing/spooler.ts';
import { systemSpooler } from './printing/system-spooler.ts';
import { createRegistryClient, type RegistryConfig } from './registry/client.ts';
import { createPushNow } from './registry/push-now.ts';
import { createSyncEngine, SYNC_MARKS, type SyncEngine, type SyncOptions } from './registry/sync-engine.ts';
import { checkBirthDateKey } from './secrets/key-id.ts';
import { loadKioskSecrets } from './secrets/kiosk-secrets.ts';
import { openSecretStore } from './secrets/open-secrets.ts';
import { KeychainUnavailable, type SecretStore } from './secrets/secret-store.ts';
import { createSecretsService } from './secrets/secrets-service.ts';
import { readSettings } from './settings/kiosk-settings.ts';
import { type PrinterSettings, readPrinters } from './settings/printer-settings.ts';
import { createSettingsService } from './settings/settings-service.ts';
import type { StaffOverview } from './shared/console.ts';
import type { AppInfo, RegistrySource, SecretsState, SettingsView } from './shared/kiosk.ts';
import { systemSpeechEngine } from './speech/os-engines.ts';
import type { SpeechEngine } from './speech/speech-engine.ts';
import { createSpeechService, type SpeechOptions } from './speech/speech-service.ts';
import { createIssuanceService } from './staff/issuance-service.ts';
import { createJournalService } from './staff/journal-service.ts';
import { createPrintCancelService } from './staff/print-cancel-service.ts';
import { createStaffService } from './staff/staff-service.ts';
import { appendAudit, recentAuditLines } from './store/audit-repo.ts';
import type { WriteDb } from './store/database.ts';
import { openStore } from './store/open-store.ts';
import { isPending } from './store/outbox-repo.ts';
import { consoleJobs } from './store/print-jobs-repo.ts';

/** How long identification waits for the registry's word on an account the replica does not know confirmed. */
const LIVE_ACCOUNT_WAIT_MS = 2000;

export type KioskOptions = {
  dataDir: string;
  log: Logger;
  clock?: () => Date;
  /** The chamber's registry; without it the kiosk runs on its embedded demo registry. */
  registry?: RegistryConfig;
  /** The chamber's card verification page, which cards' QR codes point to; by default the registry's `/v`. */
  cardVerifyUrl?: string;
  /** How often to sync in the background; 0 syncs only at start and on demand. */
  syncIntervalMs?: number;
  sync?: SyncOptions;
  version?: string;
  /** Idle delays of the screens; by default the console's settings (DESIGN.md §9: 60 s, then wiped at 75 s). */
  idle?: { idleWarnMs: number; idleEndMs: number };
  /** How long the staff console stays open without a touch; by default the renderer's 5 minutes. */
  staffLockMs?: number;
  /** Printers to use where staff have set none in the console. */
  printers?: Partial<PrinterSettings>;
  spooler?: Spooler;
  /** Printed on test tickets; by default the console's settings. */
  chamberName?: string;
  /** What "Arrêter la borne" does in this shell; by default nothing but the audit entry. */
  onStop?: () => void;
  /** Where secrets live; by default the OS keychain (memory for a demo kiosk without one). */
  secrets?: SecretStore;
  /** Audio mode's synthesizer; by default the operating system's. */
  speech?: SpeechEngine;
  /** Test hook: every sentence audio mode speaks, in order (see speech-service.ts). */
  speechTranscript?: SpeechOptions['transcript'];
};

export type Kiosk = {
  db: WriteDb;
  identity: IdentityService;
  accounts: AccountsService;
  cards: CardService;
  session: SessionHolder;
  sync: SyncEngine;
  orders: PvcOrderService;
  /** What changed, for the screens (pushed over IPC or Server-Sent Events): no screen polls. */
  events: EventBus;
  demo: boolean;
  /**
   * Forgets whoever was at the screen: the artisan's session, the agent signed in, a card being
   * issued and its photo. For the shell, when the page is gone without saying "Terminer" (a
   * crash, a hang): the reloaded page belongs to the next person.
   */
  endVisit(): void;
  /** The contract's dispatcher for one transport, answering only the given origins. */
  dispatcher(transport: AppInfo['transport'], trustedOrigins: readonly string[]): Dispatch;
  close(): Promise<void>;
};

/** The kiosk core, in plain Node: everything but the Electron shell and the transports. */
export async function createKiosk({
  dataDir,
  log,
  clock = () => new Date(),
  registry,
  cardVerifyUrl,
  syncIntervalMs = 60_000,
  sync: syncOptions,
  version = '0.0.0',
  idle,
  staffLockMs,
  printers: printerDefaults = {},
  spooler = systemSpooler(),
  chamberName,
  secrets,
  onStop = () => undefined,
  speech: speechEngine = systemSpeechEngine(),
  speechTranscript,
}: KioskOptions): Promise<Kiosk> {
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const c of closers.reverse()) await c().catch((e: unknown) => log.error('close-failed', { kind: errorKind(e) }));
  };
  try {
    const db = await openStore(dataDir, log.child('store'));
    closers.push(() => db.close());
    // No registry given (the environment): the one staff set in the console, if any.
    const saved = await readSettings(db);
    let source: RegistrySource = registry ? 'environment' : 'demo';
    if (!registry && saved.registryUrl && saved.kioskId) {
      registry = { url: saved.registryUrl, kioskId: saved.kioskId, secret: '' };
      source = 'console';
    }
    let opened: { store: SecretStore; state: SecretsState };
    let notUsed: SettingsView['notUsed'] = null;
    if (secrets) opened = { store: secrets, state: { store: secrets.kind, problem: null } };
    else {
      try {
        opened = await openSecretStore(dataDir, registry === undefined, log.child('secrets'));
      } catch (error) {
        // A registry saved in the console must never keep the kiosk from starting (nobody could
        // reach the console to undo it): without a keychain, the demo, with the reason for staff
        // and IT. One IT set in the environment is theirs to fix, and stops the start as before.
        if (!(error instanceof KeychainUnavailable) || source !== 'console') throw error;
        log.warn('saved-registry-not-used', {
          reason: 'no-keychain',
          problem: error.problem,
          action: 'started on the demo registry; fix the keychain, or run `cli settings-reset-registry`',
        });
        registry = undefined;
        source = 'demo';
        notUsed = { reason: 'no-keychain', registryUrl: saved.registryUrl, kioskId: saved.kioskId };
        opened = await openSecretStore(dataDir, true, log.child('secrets'));
      }
    }
    const demo = registry === undefined;
    const { birthDateKey, cardKeys } = await loadKioskSecrets(dataDir, opened.store, log.child('secrets'));
    await checkBirthDateKey(db, birthDateKey, SYNC_MARKS, log.child('secrets'));
    const hashBirthDate = birthDateHasher(birthDateKey);

    let config: RegistryConfig | undefined = registry && {
      ...registry,
      // The registry's secret lives in the keychain; one given at start (the environment)
      // is moved there first.
      secret: () => opened.store.get('registry-secret'),
    };
    // Only when the keychain has none: a secret staff changed in the console is not undone
    // by a variable left in the environment.
    if (registry && typeof registry.secret === 'string' && registry.secret !== '' && (await opened.store.get('registry-secret')) === null) {
      await opened.store.set('registry-secret', registry.secret);
      log.child('secrets').info('secret-moved-to-keychain', { secret: 'registry-secret', from: 'environment' });
    }
    let demoMailboxLink: ((rmNumber: string, email: string) => Promise<string>) | null = null;
    if (!config) {
      const embedded = await startEmbeddedRegistry(dataDir, log.child('demo-registry'));
      closers.push(embedded.close);
      config = embedded.config;
      demoMailboxLink = embedded.mailboxLink;
    }
    const client = createRegistryClient(config, log.child('registry'));
    // The chamber's card keys: this kiosk's registered, the others' synced at each run.
    const keyring = await createCardKeyring({ db, own: cardKeys, client, log: log.child('card-keys') });
    const signer = { ...cardKeys, verifyUrl: cardVerifyUrl ?? `${config.url.replace(/\/+$/, '')}/v` };
    const sync = createSyncEngine({
      alsoEachRun: keyring.sync,
      db,
      client,
      hashBirthDate,
      clock,
      log: log.child('sync'),
      ...(syncOptions ? { options: syncOptions } : {}),
    });
    closers.push(() => sync.stop());
    const events = createEventBus(log.child('events'));
    sync.onStatus((s) => events.emit({ kind: 'sync-status', state: s.state }));
    // The kiosk serves at once from the copy it has, whatever the registry does (down, slow,
    // stuck): the first sync runs in the background, and until a first load is complete,
    // identification says "loading" rather than "not found". A failed run is in the status.
    if (syncIntervalMs > 0) sync.start(syncIntervalMs, 0);
    // A failed run is in the sync status and the log (the engine's run() writes both).
    else void sync.syncNow({ asked: false }).catch(() => undefined);

    // The registry asked an account's status now: at identification, and for a card by e-mail.
    const account = createAccountNow({ client, log: log.child('accounts') });
    const identity = createIdentityService({
      db,
      hashBirthDate,
      clock,
      log: log.child('identity'),
      // An empty copy the registry did not answer for is not "loading": the artisan is told to see the desk.
      replica: async () => {
        const state = await sync.replica();
        if (state.complete) return state;
        const s = await sync.status();
        return { ...state, unreachable: s.records === 0 && s.lastError !== null && s.state !== 'syncing' };
      },
      // A person waits at the keypad: asked once, for a short while; no answer leaves the replica's word.
      liveAccount: (rmNumber) => account.within(rmNumber, LIVE_ACCOUNT_WAIT_MS),
      onPause: (paused) => events.emit({ kind: 'identification-paused', paused }),
    });
    const session = createSessionHolder();
    // A person is waiting: one try, no wait. "Queued" only when the registry is away or busy;
    // a bug or any other refusal is logged and answered INTERNAL (main/registry/push-now.ts).
    const pushNow = createPushNow({ push: () => sync.push({ retries: 0 }), pending: (key) => isPending(db, key), log: log.child('push-now') });
    // Only the registry knows when a link is followed on a phone: asked while someone waits.
    const activationWatch = createActivationWatch({
      bus: events,
      session,
      // Asked through the accounts service, which holds the registry to what it said before.
      status: (rm) => accounts.confirmation(rm),
      log: log.child('activation-watch'),
    });
    closers.push(async () => activationWatch.stop());
    const accounts = createAccountsService({
      db,
      client,
      session,
      clock,
      log: log.child('accounts'),
      pushNow,
      awaitingConfirmation: activationWatch.waitFor,
      demoMailboxLink,
    });
    const cards = createCardService({ db, client, session, keys: signer, trusted: keyring.trusted, clock, log: log.child('cards'), pushNow });
    const staff = createStaffService({ db, clock, log: log.child('staff') });
    const print = createPrintService({
      db,
      clock,
      log: log.child('print'),
      spooler,
      onChange: (jobId) => events.emit({ kind: 'orders-changed', orderId: null, jobId }),
    });
    closers.push(async () => print.close());
    // Jobs a stopped kiosk handed to the spooler and never saw end are followed again.
    await print.resume().catch((e: unknown) => log.error('print-resume-failed', { kind: errorKind(e) }));
    // The thermal printer says nothing of a roll run out or a cover open until a ticket is due:
    // asked in the background while no ticket prints, so staff mend it before an artisan pays.
    const receiptWatch = createReceiptWatch({
      bus: events,
      printer: async () => (await readPrinters(db, printerDefaults)).receipt,
      ask: (printer) => askReceiptPrinterIfIdle(printer),
      log: log.child('receipt-watch'),
    });
    closers.push(async () => receiptWatch.stop());
    const printers = createPrintersService({
      db,
      print,
      spooler,
      defaults: printerDefaults,
      chamber: async () => chamberName ?? (await readSettings(db)).chamber,
      clock,
      log: log.child('printers'),
      onSet: (role) => events.emit({ kind: 'printer-state', role }),
      onReceiptAnswer: receiptWatch.heard,
    });
    const orders = createPvcOrderService({
      db,
      print,
      printers: printers.settings,
      cardState: printers.cardState,
      receiptState: printers.receiptState,
      clock,
      log: log.child('orders'),
      onChange: (orderId) => events.emit({ kind: 'orders-changed', orderId, jobId: null }),
    });
    // A printer switched off or CUPS stopped says nothing: asked while staff are at the console.
    const printerWatch = createPrinterWatch({
      bus: events,
      cardState: printers.cardState,
      paperState: printers.paperState,
      staffPresent: () => staff.current() !== null,
      log: log.child('printer-watch'),
    });
    closers.push(async () => printerWatch.stop());
    closers.push(async () => orders.close());
    // What a stopped kiosk left half-done (a paid card not yet out) is carried on now.
    await orders.resume().catch((e: unknown) => log.error('orders-resume-failed', { kind: errorKind(e) }));
    const secretsService = createSecretsService({
      store: opened.store,
      state: opened.state,
      db,
      clock,
      log: log.child('secrets'),
      onChange: () => client.forgetToken(),
    });
    const speech = createSpeechService({
      engine: speechEngine,
      log: log.child('speech'),
      ...(speechTranscript ? { transcript: speechTranscript } : {}),
    });
    const overview = async (): Promise<StaffOverview> => ({
      sync: await sync.status(),
      jobs: await consoleJobs(db, 10),
      audit: await recentAuditLines(db, 10),
      orders: await orders.list(),
      identificationPausedUntil: await identity.pause(),
      speech: await speech.status(),
    });
    const syncNow = () =>
      sync.syncNow().then(
        () => undefined,
        () => undefined,
      );
    const demoIdentities = demo ? DEMO_IDENTITIES.map((a) => ({ rmNumber: a.rmNumber, birthDate: a.dateOfBirth })) : [];
    const settings = createSettingsService({
      db,
      running: { source, registryUrl: registry?.url ?? null, kioskId: registry?.kioskId ?? null },
      notUsed,
      secrets: { store: opened.state.store, registrySecretSet: async () => (await opened.store.get('registry-secret')) !== null },
      clock,
      log: log.child('settings'),
    });
    const handOverMail = createHandOverByEmail({ db, orders, account: account.now, pushNow, log: log.child('hand-over-email') });
    const issuance = createIssuanceService({
      db,
      keys: signer,
      print,
      orders,
      printers: printers.settings,
      pushNow,
      account: account.now,
      replica: sync.replica,
      recallPhoto: async (rmNumber) => (await recallPhoto({ db, client, log: log.child('issuance') }, rmNumber)).photo?.jpeg ?? null,
      clock,
      log: log.child('issuance'),
    });
    const till = createTillService({
      db,
      print,
      printers: printers.settings,
      chamber: async () => chamberName ?? (await readSettings(db)).chamber,
      clock,
      log: log.child('till'),
    });
    const journal = createJournalService({
      db,
      print,
      printers: printers.settings,
      chamber: async () => chamberName ?? (await readSettings(db)).chamber,
      clock,
      log: log.child('journal'),
    });
    const printCancel = createPrintCancelService({ db, print, orders, clock, log: log.child('print-cancel') });
    const info = async () => {
      const s = await readSettings(db);
      const speaks = (await speech.status()).available;
      return {
        version,
        demo,
        demoIdentities,
        demoMailbox: demoMailboxLink !== null,
        language: s.language,
        speech: { available: speaks, aloud: s.speechAloud },
        ...(idle ?? { idleWarnMs: s.idleWarnS * 1000, idleEndMs: s.idleEndS * 1000 }),
        ...(staffLockMs ? { staffLockMs } : {}),
      };
    };
    return {
      db,
      identity,
      accounts,
      cards,
      session,
      sync,
      orders,
      events,
      demo,
      endVisit: () => {
        session.end();
        issuance.end();
        handOverMail.end();
        staff.logout();
      },
      dispatcher: (transport, trustedOrigins) =>
        createDispatcher({
          handlers: createHandlers({
            identity,
            accounts,
            cards,
            staff,
            orders,
            handOverMail,
            printers,
            secrets: secretsService,
            settings,
            issuance,
            till,
            journal,
            printCancel,
            stopKiosk: async (staffId) => {
              await db.transaction((tx) => appendAudit(tx, { actor: `staff:${staffId}`, action: 'kiosk-stopped', details: {} }, clock()));
              log.info('kiosk-stop-asked', { staffId });
              // After the answer has left: the screen shows it, then the kiosk goes.
              setTimeout(onStop, 200);
            },
            overview,
            syncNow,
            session,
            info,
            speech,
            transport,
          }),
          trustedOrigins,
          log: log.child('api'),
        }),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
