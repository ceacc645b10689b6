/**
 * The channel names of the contract, without their schemas, so that the preload (which
 * runs sandboxed, in every page load) does not carry zod. contract.ts must have exactly
 * these keys: its `satisfies` clause makes a missing or extra one a type error.
 */
export const CHANNELS = [
  'app:info',
  'identity:identify',
  'accounts:activate',
  'accounts:status',
  'accounts:resend',
  'accounts:change-email',
  'accounts:demo-mailbox',
  'accounts:login',
  'accounts:forgot-password',
  'accounts:logout',
  'profile:get',
  'profile:update',
  'photo:set',
  'card:view',
  'card:send-email',
  'card:phone-link',
  'card:verify',
  'order:request',
  'staff:state',
  'staff:setup',
  'staff:login',
  'staff:logout',
  'staff:overview',
  'staff:sync-now',
  'staff:identification-resume',
  'staff:order',
  'staff:printers',
  'staff:printer-set',
  'staff:printer-test',
  'staff:print-cancel',
  'staff:secrets',
  'staff:search',
  'staff:issue-start',
  'staff:issue-photo',
  'staff:issue',
  'staff:issue-end',
  'staff:issue-email-target',
  'staff:order-email-target',
  'staff:till',
  'staff:till-print',
  'staff:journal',
  'staff:journal-print',
  'staff:settings',
  'staff:settings-set',
  'staff:members',
  'staff:stop-kiosk',
  'staff:member-add',
  'staff:pin-change',
  'staff:member-remove',
  'staff:secret-set',
  'staff:secret-delete',
  'session:end',
  'speech:say',
] as const;

export type Channel = (typeof CHANNELS)[number];

/**
 * The kinds of events the main process pushes to the screens (the contract's `events` table
 * has their schemas). No screen polls: it listens, then reads again through a channel.
 */
export const EVENTS = ['sync-status', 'mail-confirmed', 'account-untrusted', 'orders-changed', 'printer-state', 'identification-paused'] as const;

/** The one IPC channel events travel on, from main to the window (never from the window). */
export const EVENT_CHANNEL = 'kiosk:event';

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && (CHANNELS as readonly string[]).includes(name);
}
