import type { AuditLine } from '../../../main/store/audit-repo.ts';
import { fr } from '../../i18n/fr.ts';
import { type Locale, type MessageKey, type Translate, useT } from '../../i18n/index.tsx';
import { formatAmount, formatIsoDate, formatTime } from '../format.ts';

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
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

const isKnown = (action: string): action is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(action);
/** A key built from a logged value, when the log may hold a value the screen has no words for. */
const wordsFor = (t: Translate, key: string, fallback: string) => (key in fr ? t(key as MessageKey) : fallback);

function who(line: AuditLine, t: Translate): string {
  switch (line.actor.kind) {
    case 'staff':
      return line.actor.name ?? t('audit.who.staffId', { id: line.actor.id });
    case 'kiosk':
      return t('audit.who.kiosk');
    case 'artisan':
      return t('audit.who.artisan');
    case 'other':
      return line.actor.code;
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
  return t(`audit.${line.action}`, p);
}

/** The console's journal: the newest entries, each a sentence with its time. */
export function AuditJournal({ lines, now = new Date() }: { lines: AuditLine[]; now?: Date }) {
  const { t, locale } = useT();
  // Today's entries by their time alone; older ones with their day.
  const when = (iso: string) =>
    new Date(iso).toDateString() === now.toDateString() ? formatTime(iso, locale) : `${formatIsoDate(iso.slice(0, 10), locale)} ${formatTime(iso, locale)}`;
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">{t('staff.auditTitle')}</h2>
      <ul className="plain-list audit-journal">
        {lines.map((line) => (
          <li key={line.seq}>
            <time dateTime={line.at}>{when(line.at)}</time> — {auditSentence(line, t, locale)}
          </li>
        ))}
      </ul>
    </section>
  );
}
