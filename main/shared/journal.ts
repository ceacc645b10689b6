import type { PrintJob } from './print-jobs.ts';
import type { JournalKind } from './rules/journal-kinds.ts';

/**
 * Who made an entry, as the console names them: an agent, the kiosk itself, the artisan at the
 * screen, IT on the command line (main/cli/), or a code this version does not know (kept, so
 * that IT can still tell who it was).
 */
export type AuditActor =
  | { kind: 'staff'; id: number; name: string | null }
  | { kind: 'kiosk' }
  | { kind: 'artisan' }
  | { kind: 'cli' }
  | { kind: 'other'; code: string };

/**
 * An audit entry as the console's journal reads it: the action code and its details as
 * logged, with the names the log keeps only as ids put back (the agent, the colleague an entry
 * is about, the artisan of the card or order). The RM number leaves masked: the console is
 * read at a desk the public walks past, and its last digits are enough to tell two people apart.
 */
export type AuditLine = {
  seq: number;
  at: string;
  actor: AuditActor;
  action: string;
  details: Record<string, string | number | boolean | null>;
  /** The colleague an entry is about (added, removed, their PIN changed). */
  staffName: string | null;
  artisan: { name: string | null; rmEnd: string } | null;
};

/** One day of the journal as the console shows it. */
export type JournalDay = {
  /** The local day shown, and the kiosk's today (the day picker goes no further). YYYY-MM-DD. */
  day: string;
  today: string;
  memberId: number | null;
  kind: JournalKind | null;
  /** Everyone who did something that day, whatever the filters: the agent filter's choices. */
  agents: { id: number; name: string }[];
  /** The entries of the day that pass the filters, oldest first. */
  lines: AuditLine[];
  /** More entries than one day shows (JOURNAL_DAY_LIMIT): the screen says so. */
  more: boolean;
};

/** The journal printed: its job, and how many entries it held. */
export type JournalPrint = { job: PrintJob; lines: number };
