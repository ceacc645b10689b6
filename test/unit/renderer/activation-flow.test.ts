import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flowReducer, initialFlow } from '../../../renderer/app/flow.ts';

describe('the visit state machine: the wait for the activation link', () => {
  const waiting = [
    { type: 'start' as const },
    { type: 'mail-sent' as const, email: 'camille.durand@gmial.com' },
    { type: 'change-email' as const, email: 'camille.durand@gmial.com', from: 'check-mail' as const },
    { type: 'edit' as const, form: 'changeEmail' as const, field: 'email', value: 'camille.durand@gmail.com' },
  ].reduce(flowReducer, initialFlow);

  it('"Ce n’est pas mon adresse" opens its screen, and "Retour" knows where it came from', () => {
    assert.deepEqual([waiting.screen, waiting.changeEmailFrom], ['change-email', 'check-mail']);
    const fromOutcome = flowReducer(initialFlow, { type: 'change-email', email: 'c@gmail.com', from: 'outcome' });
    assert.equal(fromOutcome.changeEmailFrom, 'outcome');
  });
  it('keeps the new address typed through a refusal (registry down, same address)', () => {
    for (const code of ['REGISTRY_UNREACHABLE', 'EMAIL_UNCHANGED'] as const) {
      const refused = flowReducer({ ...waiting, pending: true }, { type: 'refused', code });
      assert.equal(refused.forms.changeEmail.email, 'camille.durand@gmail.com');
      assert.deepEqual([refused.screen, refused.pending, refused.errors.general?.key], ['change-email', false, `error.${code}`]);
    }
  });
  it('keeps it too when the person goes back and returns', () => {
    const back = flowReducer(waiting, { type: 'go', screen: 'check-mail' });
    const again = flowReducer(back, { type: 'change-email', email: 'camille.durand@gmial.com', from: 'check-mail' });
    assert.equal(again.forms.changeEmail.email, 'camille.durand@gmail.com');
  });
  it('says "Votre compte est activé" on the waiting screen, until a new mail is sent or the visit ends', () => {
    const sent = flowReducer(waiting, { type: 'mail-sent', email: 'camille.durand@gmail.com', notices: ['checkMail.changed'] });
    assert.deepEqual([sent.screen, sent.notices, sent.activated], ['check-mail', ['checkMail.changed'], null]);
    const activated = flowReducer(sent, { type: 'activated', loggedIn: true });
    assert.deepEqual([activated.screen, activated.activated, activated.notices], ['check-mail', { loggedIn: true }, []]);
    assert.equal(flowReducer(activated, { type: 'finish' }).activated, null);
    assert.deepEqual(flowReducer(activated, { type: 'finish' }).forms.changeEmail, { email: '' });
  });
});
