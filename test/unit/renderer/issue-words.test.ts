import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EMAIL_REFUSALS, type IssuanceResult } from '../../../main/shared/staff.ts';
import { consoleReducer } from '../../../renderer/app/console-machine.ts';
import type { ConsoleState } from '../../../renderer/app/console-state.ts';
import { en } from '../../../renderer/i18n/en.ts';
import { fr } from '../../../renderer/i18n/fr.ts';
import { DESK } from '../../support/machine-states.ts';

const onCardOf = (state: ConsoleState) => {
  if (state.screen !== 'staff-issue-card') throw new Error(`on ${state.screen}, not the card`);
  return { ...state.issue, ordered: state.issuance.ordered, errors: state.errors };
};

// Written out (the refusals from their one list) so that a reason or an outcome added without
// its words fails here (the issue screen builds these keys from values, where the compiler
// cannot follow). An e-mail refused at sending is said with the same sentences as before it.
const REFUSALS = EMAIL_REFUSALS;
const OUTCOMES: readonly [IssuanceResult['delivery'], IssuanceResult['status']][] = [
  ['paper', 'sent'],
  ['paper', 'completed'],
  ['paper', 'failed'],
  ['email', 'sent'],
  ['email', 'queued'],
  ['pvc', 'sent'],
  ['pvc', 'failed'],
  ['pvc', 'already'],
  ['pvc', 'refused'],
];

describe('"Délivrer une carte" says each outcome in words, one at a time', () => {
  it('every e-mail refusal and every issuance outcome has its sentence in French and English', () => {
    const keys = [...REFUSALS.map((r) => `issue.emailRefused.${r}`), ...OUTCOMES.map(([d, s]) => `issue.result.${d}.${s}`)];
    assert.deepEqual(
      keys.filter((k) => !(k in fr) || !(k in en)),
      [],
    );
    assert.match(fr['issue.result.email.sent'], /\{email\}/, 'the sent e-mail names its (masked) address');
  });

  it('the next action’s answer replaces the last one; a PVC order taken keeps its payment buttons away', () => {
    const onCard = DESK.issueCard();
    const paid = consoleReducer(onCard, { type: 'issued', result: { delivery: 'pvc', status: 'sent', orderNumber: 'P261201-001' } });
    const asking = consoleReducer(paid, { type: 'submit' });
    assert.equal(onCardOf(asking).result, null, 'the paid answer goes as soon as staff act again');
    const target = consoleReducer(asking, { type: 'email-target', target: { kind: 'refused', reason: 'no-account' } });
    const t = onCardOf(target);
    assert.deepEqual([t.result, t.emailTarget, t.ordered], [null, { kind: 'refused', reason: 'no-account' }, 'P261201-001']);
    const refusedState = consoleReducer(consoleReducer(target, { type: 'submit' }), { type: 'refused', code: 'PRINTER_NOT_SET' });
    const refused = onCardOf(refusedState);
    assert.deepEqual([refused.emailTarget, refused.errors.general?.key], [null, 'error.PRINTER_NOT_SET']);
    const sent = onCardOf(
      consoleReducer(consoleReducer(refusedState, { type: 'submit' }), {
        type: 'issued',
        result: { delivery: 'email', status: 'sent', maskedEmail: 'j•••@example.com' },
      }),
    );
    assert.deepEqual([sent.errors, sent.result?.delivery, sent.ordered], [{}, 'email', 'P261201-001']);
    const retaken = onCardOf(consoleReducer(consoleReducer(paid, { type: 'retake-photo' }), { type: 'card-ready', card: onCardOf(paid).card }));
    assert.equal(retaken.ordered, 'P261201-001', 'a photo retaken keeps the order taken in this issuance');
  });

  it('a PVC payment refused (the card printer cannot print) takes nothing: the payment buttons stay', () => {
    const refused = consoleReducer(DESK.issueCard(), {
      type: 'issued',
      result: { delivery: 'pvc', status: 'refused', printer: 'not-configured', orderNumber: null },
    });
    assert.deepEqual([onCardOf(refused).ordered, onCardOf(refused).result?.status], [null, 'refused']);
  });
});
