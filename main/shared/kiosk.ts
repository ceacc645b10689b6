/**
 * What staff can change without a developer, kept in the store (secrets are in the
 * keychain, printers in printer-settings.ts). The registry's address and this kiosk's id
 * take effect at the next start; the rest at the next visit.
 */
export type KioskSettings = {
  /** The chamber's registry; null: the embedded demo registry. */
  registryUrl: string | null;
  kioskId: string | null;
  /** Printed on tickets and receipts. */
  chamber: string;
  /** Seconds without a touch before the warning, and before the visit is wiped. */
  idleWarnS: number;
  idleEndS: number;
  /** The language each visit starts in. */
  language: 'fr' | 'en';
  /**
   * Audio mode may speak through the kiosk's loudspeaker when no headphones are plugged in.
   * Off by default: what the kiosk says about an artisan is not for the whole hall.
   */
  speechAloud: boolean;
};

/** The kiosk's secrets, by name. Nothing else is kept in the keychain. */
export const SECRET_NAMES = ['registry-secret', 'birth-date-key', 'card-signing-key'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];
/** Why the OS keychain cannot be used (said to staff in one sentence, i18n `secrets.problem.*`). */
export type KeychainProblem = 'not-installed' | 'no-service' | 'locked' | 'other';
/** Where the secrets live (the OS keychain, or memory for one run), and why not the keychain. */
export type SecretsState = { store: 'keychain' | 'memory'; problem: KeychainProblem | null };
/** What the console may know of the secrets: where they live, and which are set. Never a value. */
export type SecretsView = SecretsState & { secrets: { name: SecretName; set: boolean }[] };

/** Whether this machine can speak, and if not, why, in words for the chamber's IT. */
export type SpeechCheck = { available: true; engine: string } | { available: false; engine: string; reason: string };

/** What the screens need to know about this kiosk. */
export type AppInfo = {
  version: string;
  /** 'electron' in the product; 'browser' when served by the browser-mode bridge. */
  transport: 'electron' | 'browser';
  /** True when the kiosk runs on its embedded demo data. */
  demo: boolean;
  /** Identities a person may try in demo mode (shown on the help panel); empty otherwise. */
  demoIdentities: { rmNumber: string; birthDate: string }[];
  /** Demo mode with the embedded registry's mailbox: the waiting screen asks for a link to this visit's own mail (`accounts:demo-mailbox`). */
  demoMailbox: boolean;
  /** Idle: a warning after `idleWarnMs` without a touch, the visit wiped at `idleEndMs`. */
  idleWarnMs: number;
  idleEndMs: number;
  /** The staff console locks after this long without a touch; absent: the renderer's 5 minutes (set shorter by tests). */
  staffLockMs?: number;
  /** The language each visit starts in (a setting of the console). */
  language: 'fr' | 'en';
  /** Audio mode: whether this machine can speak, and whether it may without headphones (a console setting). */
  speech: { available: boolean; aloud: boolean };
};

/** Where the registry in use comes from: IT's environment variables, the console's settings, or none (the demo). */
export type RegistrySource = 'environment' | 'console' | 'demo';

/**
 * The console's settings, what is in effect and where it comes from, and whether a restart
 * would change anything (never when the environment decides, nor when the saved registry
 * cannot be used here: a restart would not change that).
 */
export type SettingsView = {
  settings: KioskSettings;
  restartNeeded: boolean;
  running: { source: RegistrySource; registryUrl: string | null; kioskId: string | null };
  /** A registry saved in the console that this start could not use, and why: the kiosk runs the demo instead. */
  notUsed: { reason: 'no-keychain'; registryUrl: string | null; kioskId: string | null } | null;
};
