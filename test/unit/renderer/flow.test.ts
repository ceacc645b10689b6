import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EMPTY_FORMS, flowReducer, initialFlow } from '../../../renderer/app/flow.ts';

describe('the visit state machine', () => {
  const typed = [
    { type: 'start' as const },
    { type: 'edit' as const, form: 'identify' as const, field: 'rmNumber', value: '123123127RM078' },
    { type: 'edit' as const, form: 'activate' as const, field: 'email', value: 'camille@gmail.com' },
    { type: 'edit' as const, form: 'activate' as const, field: 'password', value: 'Pain-au-levain-2026' },
  ].reduce(flowReducer, initialFlow);

  it('keeps what was typed through a refusal', () => {
    const refused = flowReducer(typed, { type: 'refused', code: 'REGISTRY_UNREACHABLE' });
    assert.equal(refused.forms.activate.password, 'Pain-au-levain-2026');
    assert.deepEqual(refused.errors, { general: { key: 'error.REGISTRY_UNREACHABLE' } });
  });
  it('drops the passwords as soon as the activation mail is sent', () => {
    const sent = flowReducer(typed, { type: 'mail-sent', email: 'camille@gmail.com' });
    assert.deepEqual([sent.forms.activate.password, sent.forms.activate.confirmation, sent.forms.activate.email], ['', '', 'camille@gmail.com']);
  });
  it('"Terminer" leaves nothing of the visit in the renderer state', () => {
    const done = flowReducer(typed, { type: 'finish' });
    assert.deepEqual(done, initialFlow);
    assert.ok(!JSON.stringify(done).includes('123123127'));
    assert.deepEqual(done.forms, EMPTY_FORMS);
  });
});
