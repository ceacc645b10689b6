import { useEffect, useRef, useState } from 'react';
import type { InputOf } from '../../../main/api/contract.ts';
import type { KioskError, Result } from '../../../main/shared/errors.ts';
import type { AuditLine, JournalDay, JournalPrint } from '../../../main/shared/journal.ts';
import { JOURNAL_KINDS, type JournalKind } from '../../../main/shared/rules/journal-kinds.ts';
import { fr } from '../../i18n/fr.ts';
import { type Locale, type MessageKey, type Translate, useT } from '../../i18n/index.tsx';
import { formatAmount, formatIsoDate, formatTime } from '../format.ts';
import { DayPicker, localDay } from './day-picker.tsx';

/**
 * Every action the kiosk writes to its audit log, each with its sentence in i18n
 * (`audit.<action>`). A unit test checks that every action appended in main/ is here.
 */
export const AUDIT_ACTIONS = [
  'card-issued',
  'identity-checked',
  'identification-paused',
  'identification-resumed',
  'kiosk-stopped',
  'printer-set',
  'printer-test',
  'pvc-ordered',
  'pvc-paid',
  'pvc-printed',
  'pvc-print-failed',
  'pvc-retry',
  'pvc-reprint',
  'pvc-handed-over',
  'pvc-cancelled',
  'pvc-refunded',
  'settings-changed',
  'staff-created',
  'staff-login',
  'staff-added',
  'staff-removed',
  'staff-pin-changed',
  'secret-set',
  'secret-deleted',
  'till-printed',
  'journal-printed',
  'print-cancelled',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

const isKnown = (action: string): action is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(action);
/** Whether a key built from a logged value has words (the log may hold a value the screen does not know). */
const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(fr, key);
const wordsFor = (t: Translate, key: string, fallback: string) => (isMessageKey(key) ? t(key) : fallback);

function who(line: AuditLine, t: Translate): string {
  switch (line.actor.kind) {
    case 'staff':
      return line.actor.name ?? t('audit.who.staffId', { id: line.actor.id });
    case 'kiosk':
      return t('audit.who.kiosk');
    case 'artisan':
      return t('audit.who.artisan');
    case 'cli':
      return t('audit.who.cli');
    case 'other':
      return t('audit.who.other', { code: line.actor.code });
  }
}

/** The values a sentence may name, in the reader's words. */
function params(line: AuditLine, t: Translate, locale: Locale): Record<string, string | number> {
  const d = line.details;
  const text = (key: string) => (typeof d[key] === 'string' || typeof d[key] === 'number' ? String(d[key]) : '');
  const artisan = line.artisan ? (line.artisan.name ? `${line.artisan.name} (${line.artisan.rmEnd})` : line.artisan.rmEnd) : t('audit.unknownArtisan');
  return {
    who: who(line, t),
    artisan,
    order: text('order'),
    year: text('year'),
    amount: typeof d.amountCents === 'number' ? formatAmount(d.amountCents, locale) : '',
    method: wordsFor(t, `orders.method.${text('method')}`, text('method')),
    kind: wordsFor(t, `print.error.${text('kind')}`, text('kind')),
    reason: text('reason'),
    document: wordsFor(t, `issue.doc.${text('document')}`, text('document')),
    delivery: wordsFor(t, `audit.delivery.${text('delivery')}`, text('delivery')),
    role: wordsFor(t, `printers.role.${text('role')}`, text('role')),
    printer: text('printer'),
    secret: wordsFor(t, `secrets.name.${text('secret')}`, text('secret')),
    fields: text('fields')
      .split(',')
      .filter(Boolean)
      .map((f) => wordsFor(t, `audit.field.${f}`, f))
      .join(', '),
    staff: line.staffName ?? t('audit.who.staffId', { id: text('staffId') }),
    count: text('wrongDates'),
    minutes: text('minutes'),
    day: text('day') ? formatIsoDate(text('day'), locale) : '',
    job: text('job'),
  };
}

/** The sentence of one entry: "Sophie Martin a encaissé 5,00 € (espèces), commande …, Camille DURAND (…127 RM 078)". */
export function auditSentence(line: AuditLine, t: Translate, locale: Locale): string {
  const p = params(line, t, locale);
  if (!isKnown(line.action)) return t('audit.other', { ...p, action: line.action });
  if (line.action === 'card-issued') {
    const base = line.actor.kind === 'artisan' ? t('audit.card-issued.self', p) : t('audit.card-issued', p);
    return p.order ? `${base}${t('audit.orderSuffix', p)}` : base;
  }
  if (line.action === 'printer-set' && !p.printer) return t('audit.printer-unset', p);
  // A journal whose sheet was not seen come out (still at the printer, or failed) was asked for, not printed.
  if (line.action === 'journal-printed' && line.details.printed !== true) return t('audit.journal-print-asked', p);
  // A print cancelled says what it was for: a PVC order's card or sheet, a day's journal, a test page.
  if (line.action === 'print-cancelled') {
    const what = line.details.what;
    if (what === 'card' && p.order) return t('audit.print-cancelled.card', p);
    if (what === 'card-sheet' && p.order) return t('audit.print-cancelled.card-sheet', p);
    if (what === 'journal' && p.day) return t('audit.print-cancelled.journal', p);
    if (what === 'test-page') return t('audit.print-cancelled.test-page', p);
  }
  return t(`audit.${line.action}`, p);
}

type Printed = { kind: 'printing' } | { kind: 'done'; job: JournalPrint['job']; lines: number } | { kind: 'refused'; error: KioskError };

export type AuditJournalProps = {
  /** Changes whenever the log gets an entry (the console's overview): the day is asked again. */
  version: string;
  /** The agent at the console, named on the printed sheet. */
  printedBy: string;
  onLoad(filter: JournalFilterInput): Promise<Result<JournalDay>>;
  onPrint(input: InputOf<'staff:journal-print'>): Promise<Result<JournalPrint>>;
  now?: () => Date;
};

type JournalFilterInput = InputOf<'staff:journal'>;

/**
 * The console's journal: one day of the log (today first), each entry a sentence with its
 * time, filtered by agent and by kind in the core; "Imprimer le journal du jour" puts the same
 * lines on the office printer, and the job's state is said next to the button.
 */
export function AuditJournal({ version, printedBy, onLoad, onPrint, now = () => new Date() }: AuditJournalProps) {
  const { t, locale } = useT();
  const [filter, setFilter] = useState<{ day: string; memberId?: number; kind?: JournalKind }>(() => ({ day: localDay(now()) }));
  const [journal, setJournal] = useState<JournalDay | null>(null);
  const [failure, setFailure] = useState<KioskError | null>(null);
  const [printed, setPrinted] = useState<Printed | null>(null);
  const [reloads, setReloads] = useState(0);
  const load = useRef(onLoad);
  load.current = onLoad;
  const { day, memberId, kind } = filter;
  // Asked when the filters change, when the log grows and after a print; a late answer to older filters is dropped.
  useEffect(() => {
    let current = true;
    void version;
    void reloads;
    void load.current({ day, ...(memberId ? { memberId } : {}), ...(kind ? { kind } : {}) }).then((r) => {
      if (!current) return;
      setFailure(r.ok ? null : r.error);
      if (r.ok) setJournal(r.value);
    });
    return () => {
      current = false;
    };
  }, [day, memberId, kind, version, reloads]);

  const shown = journal && journal.day === day && (journal.memberId ?? undefined) === memberId && (journal.kind ?? undefined) === kind ? journal : null;
  const today = journal?.today ?? localDay(now());
  const sentence = (line: AuditLine) => auditSentence(line, t, locale);
  const agentName = (id: number | undefined) => (id ? (journal?.agents.find((a) => a.id === id)?.name ?? '') : t('journal.allAgents'));

  const print = () => {
    if (!shown || printed?.kind === 'printing') return;
    setPrinted({ kind: 'printing' });
    const at = now().toISOString();
    void onPrint({
      day,
      ...(memberId ? { memberId } : {}),
      ...(kind ? { kind } : {}),
      heading: [
        t('journal.paper.title'),
        t('journal.paper.day', { day: formatIsoDate(day, locale) }),
        t('journal.paper.filters', { agent: agentName(memberId), kind: kind ? t(`journal.kind.${kind}`) : t('journal.allKinds') }),
        t('journal.paper.by', { date: formatIsoDate(localDay(new Date(at)), locale), time: formatTime(at, locale), name: printedBy }),
      ],
      empty: t(memberId || kind ? 'journal.emptyFiltered' : 'journal.empty'),
      lines: shown.lines.map((l) => ({ seq: l.seq, text: sentence(l) })),
    }).then((r) => {
      setPrinted(r.ok ? { kind: 'done', job: r.value.job, lines: r.value.lines } : { kind: 'refused', error: r.error });
      setReloads((n) => n + 1);
    });
  };

  const printedWords = (p: Printed): { words: string; tone: 'success' | 'warning' | 'neutral' } => {
    if (p.kind === 'printing') return { words: t('journal.printing'), tone: 'neutral' };
    if (p.kind === 'refused')
      return { words: p.error.code === 'PRINTER_NOT_SET' ? t('journal.noPrinter') : t(`error.${p.error.code}`, p.error.params), tone: 'warning' };
    if (p.job.status === 'failed') return { words: t('journal.printFailed', { words: t(`print.error.${p.job.errorKind ?? 'other'}`) }), tone: 'warning' };
    if (p.job.status === 'completed') return { words: t('journal.printed', { count: p.lines }), tone: 'success' };
    return { words: t('journal.printSent'), tone: 'neutral' };
  };

  return (
    <section className="panel panel-neutral journal" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('staff.auditTitle')}</h2>
      <fieldset className="journal-filters">
        <legend className="label">{t('journal.filters')}</legend>
        <DayPicker id="journal-day" day={day} today={today} onChange={(d) => setFilter({ day: d, ...(kind ? { kind } : {}) })} />
        <div className="field">
          <label className="label" htmlFor="journal-agent">
            {t('journal.agent')}
          </label>
          <select
            id="journal-agent"
            className="input"
            value={memberId ?? ''}
            onChange={(e) => setFilter({ day, ...(e.target.value ? { memberId: Number(e.target.value) } : {}), ...(kind ? { kind } : {}) })}
          >
            <option value="">{t('journal.allAgents')}</option>
            {(journal?.day === day ? journal.agents : []).map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="label" htmlFor="journal-kind">
            {t('journal.kind')}
          </label>
          <select
            id="journal-kind"
            className="input"
            value={kind ?? ''}
            onChange={(e) => {
              const chosen = JOURNAL_KINDS.find((k) => k === e.target.value);
              setFilter({ day, ...(memberId ? { memberId } : {}), ...(chosen ? { kind: chosen } : {}) });
            }}
          >
            <option value="">{t('journal.allKinds')}</option>
            {JOURNAL_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`journal.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      {failure && (
        <p className="error-message" role="alert">
          {t(`error.${failure.code}`, failure.params)}
        </p>
      )}
      <h3 id="journal-day-title">
        {t('journal.dayOf', { day: formatIsoDate(day, locale) })}{' '}
        <span className="journal-count">({t('journal.count', { count: shown?.lines.length ?? 0 })})</span>
      </h3>
      <div aria-live="polite" aria-busy={!shown || undefined}>
        {shown && shown.lines.length === 0 && <p>{t(memberId || kind ? 'journal.emptyFiltered' : 'journal.empty')}</p>}
        {shown && shown.lines.length > 0 && (
          // A long day scrolls inside the panel (focusable, so a keyboard can scroll it too), the print button stays in view.
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1, axe scrollable-region-focusable)
          <ul className="plain-list audit-journal" aria-labelledby="journal-day-title" tabIndex={0}>
            {shown.lines.map((line) => (
              <li key={line.seq}>
                <time dateTime={line.at}>{formatTime(line.at, locale)}</time> — {sentence(line)}
              </li>
            ))}
          </ul>
        )}
        {shown?.more && <p className="hint">{t('journal.more', { count: shown.lines.length })}</p>}
      </div>
      <button type="button" className="button button-primary" aria-disabled={!shown || printed?.kind === 'printing' || undefined} onClick={print}>
        {t('journal.print')}
      </button>
      <div role="status">{printed && <p className={`panel panel-${printedWords(printed).tone}`}>{printedWords(printed).words}</p>}</div>
    </section>
  );
}
