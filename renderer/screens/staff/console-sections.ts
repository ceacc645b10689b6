import type { StaffOverview } from '../../../main/shared/console.ts';
import type { PrintJob } from '../../../main/shared/print-jobs.ts';
import type { PrinterStatus } from '../../../main/shared/printers.ts';
import { jobWait } from '../../../main/shared/rules/print-wait.ts';
import type { MessageKey } from '../../i18n/index.tsx';

/** The console's sections, shown one at a time ("Délivrer une carte" opens its own screens). */
export const CONSOLE_SECTIONS = ['orders', 'till', 'printers', 'sync', 'agents', 'settings', 'secrets', 'journal'] as const;
export type ConsoleSection = (typeof CONSOLE_SECTIONS)[number];

/** What a section's button says in the navigation. */
export const SECTION_LABELS: Record<ConsoleSection, MessageKey> = {
  orders: 'console.nav.orders',
  till: 'till.title',
  printers: 'printers.title',
  sync: 'console.nav.sync',
  agents: 'console.nav.agents',
  settings: 'settings.title',
  secrets: 'console.nav.secrets',
  journal: 'staff.auditTitle',
};

/** One reason a section needs the agent, in words (shown on its badge, and said with its name). */
export type Attention = { words: MessageKey; params?: Record<string, number> };

/** What of the overview the badges read (the whole overview fits). */
export type Watched = {
  orders: readonly Pick<StaffOverview['orders'][number], 'state'>[];
  sync: Pick<StaffOverview['sync'], 'state' | 'outboxError'>;
  identificationPausedUntil: string | null;
  /** The console's print jobs: one waiting past PRINT_STALE_MS needs the agent (a printer switched off). */
  jobs?: readonly Pick<PrintJob, 'status' | 'spoolerId' | 'submittedAt' | 'createdAt' | 'errorKind'>[];
};

/**
 * Printer states that do not stop anything: a queue taking jobs, a roll nearly done (the panel
 * says so), and a thermal printer that never reports its state (the panel says so; nothing to
 * repair, and a badge for ever would teach staff to ignore badges).
 */
const FINE: readonly PrinterStatus['state'][] = ['ready', 'printing', 'paper-near-end', 'no-status'];

/**
 * Which sections need attention now, from what the console already holds (the overview it
 * refreshes, the printers it read): orders to take the money for or that failed, a card printer
 * not set or a printer set but not working, sync failing, identification paused.
 */
export function sectionAttention(
  overview: Watched | null,
  printers: readonly Pick<PrinterStatus, 'role' | 'state'>[] | null,
  now?: Date,
): Partial<Record<ConsoleSection, Attention[]>> {
  const out: Partial<Record<ConsoleSection, Attention[]>> = {};
  const add = (section: ConsoleSection, a: Attention) => {
    out[section] = [...(out[section] ?? []), a];
  };
  const orders = overview?.orders ?? [];
  const toPay = orders.filter((o) => o.state === 'requested').length;
  const failed = orders.filter((o) => o.state === 'failed').length;
  if (toPay > 0) add('orders', { words: 'console.badge.toPay', params: { count: toPay } });
  if (failed > 0) add('orders', { words: 'console.badge.failed', params: { count: failed } });
  const card = printers?.find((p) => p.role === 'card');
  if (card && card.state === 'not-configured') add('printers', { words: 'console.badge.cardUnset' });
  const broken = (printers ?? []).filter((p) => p.state !== 'not-configured' && !FINE.includes(p.state)).length;
  if (broken > 0) add('printers', { words: 'console.badge.printerError', params: { count: broken } });
  // A print waiting past ten minutes: the printer seems off, and the agent may be on another section.
  const stuck = now ? (overview?.jobs ?? []).filter((j) => !j.errorKind && jobWait(j, now)?.stale).length : 0;
  if (stuck > 0) add('printers', { words: 'console.badge.stuckJobs', params: { count: stuck } });
  const sync = overview?.sync;
  if (sync && (sync.state === 'error' || sync.outboxError)) add('sync', { words: 'console.badge.syncFailing' });
  // Offline is no failure of the kiosk, but staff must know: a mistyped address looks the same.
  else if (sync?.state === 'offline') add('sync', { words: 'console.badge.syncOffline' });
  if (overview?.identificationPausedUntil) add('settings', { words: 'console.badge.paused' });
  return out;
}
