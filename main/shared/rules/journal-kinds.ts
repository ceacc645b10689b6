/**
 * The journal's kinds: the audit log's action codes grouped into a few words a front-desk
 * agent understands ("Paiements et remboursements", not `pvc-paid`). Shared by the store,
 * which filters with them in SQL, and by the console, which names them.
 *
 * There is no "synchronisation" kind: the sync engine writes nothing to the audit log (its
 * state is in the console's "Synchronisation" section and in the kiosk's log), so such a
 * filter would only ever show an empty day.
 */
export const JOURNAL_KINDS = ['money', 'cards', 'printing', 'agents', 'settings', 'kiosk'] as const;
export type JournalKind = (typeof JOURNAL_KINDS)[number];

/** Each kind's action codes; an action belongs to one kind only (a unit test checks it). */
export const JOURNAL_KIND_ACTIONS: Record<JournalKind, readonly string[]> = {
  // The money of the desk: orders taken, paid, refunded or cancelled, the till closed.
  money: ['pvc-ordered', 'pvc-paid', 'pvc-refunded', 'pvc-cancelled', 'till-printed'],
  // Cards that left, and the identity checks before them.
  cards: ['card-issued', 'identity-checked', 'pvc-handed-over'],
  printing: ['pvc-printed', 'pvc-print-failed', 'pvc-retry', 'pvc-reprint', 'printer-set', 'printer-test', 'journal-printed', 'print-cancelled'],
  // Agents and their PINs: first run, logins, colleagues added or removed.
  agents: ['staff-created', 'staff-login', 'staff-added', 'staff-removed', 'staff-pin-changed'],
  settings: ['settings-changed', 'secret-set', 'secret-deleted'],
  // The kiosk itself: stopped, identification paused after wrong dates and resumed.
  kiosk: ['kiosk-stopped', 'identification-paused', 'identification-resumed'],
};

/** How many entries one day's journal shows and prints at most; a day with more says so. */
export const JOURNAL_DAY_LIMIT = 2000;
