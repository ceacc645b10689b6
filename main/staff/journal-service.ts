import type { Logger } from '../logging/logger.ts';
import { renderJournalPdf } from '../printing/journal-document.ts';
import type { PrintService } from '../printing/print-service.ts';
import type { PrinterSettings } from '../settings/printer-settings.ts';
import { fail, type Result } from '../shared/errors.ts';
import type { JournalDay, JournalPrint } from '../shared/journal.ts';
import { JOURNAL_DAY_LIMIT, JOURNAL_KIND_ACTIONS, type JournalKind } from '../shared/rules/journal-kinds.ts';
import { appendAudit, auditAgentsOfDay, auditLinesOfDay } from '../store/audit-repo.ts';
import type { WriteDb } from '../store/database.ts';
import { latestJobFor } from '../store/print-jobs-repo.ts';
import { localDayBounds, localDayOf } from '../store/till-repo.ts';

export type JournalDeps = {
  db: WriteDb;
  print: PrintService;
  printers: () => Promise<PrinterSettings>;
  /** The chamber's name, printed at the top of the journal. */
  chamber: () => Promise<string>;
  clock: () => Date;
  log: Logger;
};

/** Which entries the console asks for: a local day (today when absent), one agent, one kind. */
export type JournalFilter = { day?: string | undefined; memberId?: number | undefined; kind?: JournalKind | undefined };

/**
 * The words of the printed journal, in the console's language: its heading lines, the
 * sentence for a day without entries, and each entry's sentence by its `seq`.
 */
export type JournalWords = { heading: string[]; empty: string; lines: { seq: number; text: string }[] };

const two = (n: number) => String(n).padStart(2, '0');
/** "14:02" in the kiosk's zone: the time a desk reads on its wall clock. */
const timeOf = (iso: string) => {
  const d = new Date(iso);
  return `${two(d.getHours())}:${two(d.getMinutes())}`;
};

/**
 * The console's journal: a day of the audit log, filtered by agent and kind in the store, and
 * printed on the office printer. The chain itself is never touched: this only reads it, and
 * printing adds one entry (journal-printed) like any other act.
 */
export function createJournalService({ db, print, printers, chamber, clock, log }: JournalDeps) {
  const dayOrToday = (day: string | undefined): Result<{ day: string; today: string }> => {
    const today = localDayOf(clock());
    if (day === undefined) return { ok: true, value: { day: today, today } };
    // Compared as text: both are YYYY-MM-DD, checked by the contract.
    if (day > today) return fail({ code: 'JOURNAL_DAY_INVALID', message: `${day} is after today (${today})` });
    return { ok: true, value: { day, today } };
  };

  async function day(filter: JournalFilter): Promise<Result<JournalDay>> {
    const d = dayOrToday(filter.day);
    if (!d.ok) return d;
    const { from, to } = localDayBounds(d.value.day);
    const { lines, more } = await auditLinesOfDay(
      db,
      {
        from,
        to,
        ...(filter.memberId === undefined ? {} : { staffId: filter.memberId }),
        ...(filter.kind === undefined ? {} : { actions: JOURNAL_KIND_ACTIONS[filter.kind] }),
      },
      JOURNAL_DAY_LIMIT,
    );
    return {
      ok: true,
      value: {
        ...d.value,
        memberId: filter.memberId ?? null,
        kind: filter.kind ?? null,
        agents: await auditAgentsOfDay(db, from, to),
        lines,
        more,
      },
    };
  }

  return {
    day,

    /**
     * The filtered day on the office printer. The sentences are the console's (its language,
     * the words the agent just read); which entries go on paper is the core's: the entries
     * given must be exactly those the filters select now, else JOURNAL_CHANGED (an entry came
     * or the screen is old) and nothing prints. Times come from the log itself.
     */
    async print(staff: { id: number; name: string }, filter: JournalFilter, words: JournalWords): Promise<Result<JournalPrint>> {
      const printer = (await printers()).paper;
      if (!printer) return fail({ code: 'PRINTER_NOT_SET', message: 'no paper printer', params: { role: 'paper' } });
      const shown = await day(filter);
      if (!shown.ok) return shown;
      const { lines } = shown.value;
      const text = new Map(words.lines.map((l) => [l.seq, l.text]));
      if (shown.value.more || words.lines.length !== lines.length || lines.some((l) => !text.has(l.seq))) {
        return fail({ code: 'JOURNAL_CHANGED', message: `the screen gave ${words.lines.length} entries, the filters select ${lines.length}` });
      }
      const pdf = await renderJournalPdf({
        chamber: await chamber(),
        heading: words.heading,
        empty: words.empty,
        lines: lines.map((l) => ({ time: timeOf(l.at), text: text.get(l.seq) ?? '' })),
      });
      // The same journal (day and filters) still on its way, at the spooler or at a printer
      // switched off with it, is followed, not printed again: it comes out once the printer is back.
      const document = `journal ${shown.value.day}${filter.kind ? ` ${filter.kind}` : ''}${filter.memberId ? ` agent ${filter.memberId}` : ''}`;
      const previous = await latestJobFor(db, document);
      const sent =
        previous?.spoolerId && (previous.status === 'sent' || previous.status === 'printing')
          ? await print.check(previous.id)
          : await print.printPdf('paper', printer, pdf, document);
      // A sheet or two: followed a few seconds, as test pages are; a job still printing says so.
      const job = sent.status === 'sent' ? await print.follow(sent.id, 5000) : sent;
      await db.transaction((tx) =>
        appendAudit(
          tx,
          {
            actor: `staff:${staff.id}`,
            action: 'journal-printed',
            details: {
              day: shown.value.day,
              kind: filter.kind ?? null,
              memberId: filter.memberId ?? null,
              lines: lines.length,
              // Printed only once the spooler saw the sheet come out; a sheet still at the
              // printer (which may be switched off with it) is not said printed.
              printed: job.status === 'completed',
            },
          },
          clock(),
        ),
      );
      log.info('journal-printed', { day: shown.value.day, lines: lines.length, status: job.status });
      return { ok: true, value: { job, lines: lines.length } };
    },
  };
}

export type JournalService = ReturnType<typeof createJournalService>;
