import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EmailTarget, IssuanceResult } from '../../../main/shared/staff.ts';
import { flowReducer, initialFlow } from '../../../renderer/app/flow.ts';
import { en } from '../../../renderer/i18n/en.ts';
import { fr } from '../../../renderer/i18n/fr.ts';

// Written out so that a reason or an outcome added without its words fails here (the issue
// screen builds these keys from values, where the compiler cannot follow).
const REFUSALS: readonly Extract<EmailTarget, { kind: 'refused' }>['reason'][] = ['no-account', 'pending', 'no-address'];
const OUTCOMES: readonly [IssuanceResult['delivery'], IssuanceResult['status']][] = [
  ['paper', 'sent'],
  ['paper', 'completed'],
  ['paper', 'failed'],
  ['email', 'sent'],
  ['email', 'queued'],
  ['pvc', 'sent'],
  ['pvc', 'failed'],
  ['pvc', 'already'],
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
    const onCard = { ...initialFlow, screen: 'staff-issue-card' as const };
    const paid = flowReducer(onCard, { type: 'issue-result', result: { delivery: 'pvc', status: 'sent', orderNumber: 'P261201-001' } });
    const asking = flowReducer(paid, { type: 'submit' });
    assert.equal(asking.issue.result, null, 'the paid answer goes as soon as staff act again');
    const target = flowReducer(asking, { type: 'issue-email-target', target: { kind: 'refused', reason: 'no-account' } });
    assert.deepEqual([target.issue.result, target.issue.emailTarget, target.issue.ordered], [null, { kind: 'refused', reason: 'no-account' }, 'P261201-001']);
    const refused = flowReducer(flowReducer(target, { type: 'submit' }), { type: 'refused', code: 'PRINTER_NOT_SET' });
    assert.deepEqual([refused.issue.emailTarget, refused.errors.general?.key], [null, 'error.PRINTER_NOT_SET']);
    const sent = flowReducer(flowReducer(refused, { type: 'submit' }), {
      type: 'issue-result',
      result: { delivery: 'email', status: 'sent', maskedEmail: 'j•••@example.com' },
    });
    assert.deepEqual([sent.errors, sent.issue.result?.delivery, sent.issue.ordered], [{}, 'email', 'P261201-001']);
  });
});
