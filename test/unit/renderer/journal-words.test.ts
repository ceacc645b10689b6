import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuditLine } from '../../../main/shared/journal.ts';
import { JOURNAL_KIND_ACTIONS, JOURNAL_KINDS } from '../../../main/shared/rules/journal-kinds.ts';
import { en } from '../../../renderer/i18n/en.ts';
import { fr } from '../../../renderer/i18n/fr.ts';
import { translate } from '../../../renderer/i18n/index.tsx';
import { AUDIT_ACTIONS, auditSentence } from '../../../renderer/screens/staff/audit-journal.tsx';
import { dayInWords, localDay, shiftDay } from '../../../renderer/screens/staff/day-picker.tsx';

describe('the journal’s words: kinds an agent understands, the day picker, the printed journal', () => {
  it('every audited action is in exactly one kind, and no kind names an action the log never writes', () => {
    const kindsOf = (action: string) => JOURNAL_KINDS.filter((k) => JOURNAL_KIND_ACTIONS[k].includes(action));
    assert.deepEqual(
      AUDIT_ACTIONS.filter((a) => kindsOf(a).length !== 1),
      [],
    );
    const listed = JOURNAL_KINDS.flatMap((k) => JOURNAL_KIND_ACTIONS[k]);
    assert.deepEqual(
      listed.filter((a) => !(AUDIT_ACTIONS as readonly string[]).includes(a)),
      [],
    );
  });

  it('each kind, the filters, the day picker and the print answers have French and English words', () => {
    const keys = [
      ...JOURNAL_KINDS.map((k) => `journal.kind.${k}`),
      'journal.agent',
      'journal.allAgents',
      'journal.kind',
      'journal.allKinds',
      'journal.print',
      'journal.printed',
      'journal.printSent',
      'journal.printFailed',
      'journal.noPrinter',
      'journal.empty',
      'journal.emptyFiltered',
      'day.label',
      'day.previous',
      'day.next',
      'day.today',
      'error.JOURNAL_DAY_INVALID',
      'error.JOURNAL_CHANGED',
      'audit.journal-printed',
      'audit.journal-print-asked',
    ];
    assert.deepEqual(
      keys.filter((k) => !(k in fr) || !(k in en)),
      [],
    );
    assert.equal(fr['journal.kind.money'], 'Paiements et remboursements');
    assert.equal(fr['journal.print'], 'Imprimer le journal du jour');
  });

  it('counts and the print’s answer read right in both languages (0 and 1 singular in French)', () => {
    assert.deepEqual(
      [0, 1, 2].map((count) => translate('fr', 'journal.count', { count })),
      ['Aucune ligne', '1 ligne', '2 lignes'],
    );
    assert.deepEqual(
      [0, 1, 2].map((count) => translate('en', 'journal.count', { count })),
      ['No lines', '1 line', '2 lines'],
    );
    assert.equal(translate('fr', 'journal.printed', { count: 1 }), 'Le journal est imprimé sur l’imprimante de bureau (1 ligne).');
    assert.equal(translate('en', 'journal.printed', { count: 3 }), 'The log is printed on the office printer (3 lines).');
  });

  it('a printed journal is a line of the journal too, with its day', () => {
    const line: AuditLine = {
      seq: 9,
      at: '2026-12-01T16:00:00Z',
      actor: { kind: 'staff', id: 1, name: 'Sophie Martin' },
      action: 'journal-printed',
      details: { day: '2026-11-30', kind: 'money', memberId: null, lines: 4, printed: true },
      staffName: null,
      artisan: null,
    };
    assert.equal(
      auditSentence(line, (k, p) => translate('fr', k, p), 'fr'),
      'Sophie Martin a imprimé le journal du 30/11/2026',
    );
    assert.equal(
      auditSentence(line, (k, p) => translate('en', k, p), 'en'),
      'Sophie Martin printed the log of 30 November 2026',
    );
    // A sheet not seen come out (still at a printer switched off with it, or failed): asked for, not printed.
    const asked: AuditLine = { ...line, details: { ...line.details, printed: false } };
    assert.equal(
      auditSentence(asked, (k, p) => translate('fr', k, p), 'fr'),
      'Sophie Martin a demandé l’impression du journal du 30/11/2026',
    );
    assert.equal(
      auditSentence(asked, (k, p) => translate('en', k, p), 'en'),
      'Sophie Martin asked to print the log of 30 November 2026',
    );
  });

  it('the day picker moves by calendar days across months, years and the clock change, and knows the local day', () => {
    assert.equal(shiftDay('2026-12-01', -1), '2026-11-30');
    assert.equal(shiftDay('2027-01-01', -1), '2026-12-31');
    assert.equal(shiftDay('2024-02-28', 1), '2024-02-29');
    assert.equal(shiftDay('2026-03-29', -1), '2026-03-28');
    assert.equal(shiftDay('2026-10-25', 1), '2026-10-26');
    assert.equal(localDay(new Date(2026, 11, 1, 0, 0, 0)), '2026-12-01');
    assert.equal(localDay(new Date(2026, 11, 1, 23, 59, 59)), '2026-12-01');
    // Beside the calendar field, whose display follows the browser's language, the day in words.
    assert.equal(dayInWords('2026-11-30', 'fr'), 'lundi 30 novembre 2026');
    assert.match(dayInWords('2026-11-30', 'en'), /^Monday,? 30 November 2026$/);
  });
});
