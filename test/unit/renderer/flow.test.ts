import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { visitReducer } from '../../../renderer/app/visit-machine.ts';
import { EMPTY_FORMS, initialVisit } from '../../../renderer/app/visit-state.ts';
import { ON, visitAfter } from '../../support/machine-states.ts';

describe('the visit state machine: what was typed', () => {
  const typed = visitAfter(
    [
      { type: 'edit', form: 'identify', field: 'rmNumber', value: '123123127RM078' },
      { type: 'chose-activate' },
      { type: 'edit', form: 'activate', field: 'email', value: 'camille@gmail.com' },
      { type: 'edit', form: 'activate', field: 'password', value: 'Pain-au-levain-2026' },
    ],
    ON.outcome(),
  );

  it('keeps what was typed through a refusal', () => {
    const refused = visitReducer(typed, { type: 'refused', code: 'REGISTRY_UNREACHABLE' });
    assert.equal(refused.forms.activate.password, 'Pain-au-levain-2026');
    assert.deepEqual(refused.errors, { general: { key: 'error.REGISTRY_UNREACHABLE' } });
  });
  it('keeps it through a help screen and back', () => {
    const back = visitAfter([{ type: 'help', screen: 'support' }, { type: 'back' }], typed);
    assert.deepEqual([back.screen, back.forms.activate.email], ['activate', 'camille@gmail.com']);
  });
  it('drops the passwords as soon as the activation mail is sent', () => {
    const sent = visitReducer(typed, { type: 'mail-sent', email: 'camille@gmail.com' });
    assert.deepEqual([sent.forms.activate.password, sent.forms.activate.confirmation, sent.forms.activate.email], ['', '', 'camille@gmail.com']);
  });
  it('"Terminer" leaves nothing of the visit in the renderer state', () => {
    const done = visitReducer(typed, { type: 'finish' });
    assert.deepEqual(done, initialVisit);
    assert.ok(!JSON.stringify(done).includes('123123127'));
    assert.deepEqual(done.forms, EMPTY_FORMS);
  });
});
