import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { visitReducer } from '../../../renderer/app/visit-machine.ts';
import { ON, visitAfter } from '../../support/machine-states.ts';

describe('the visit state machine: the wait for the activation link', () => {
  const waiting = visitAfter([{ type: 'edit', form: 'changeEmail', field: 'email', value: 'camille.durand@gmail.com' }], ON.changeEmail());

  it('"Ce n’est pas mon adresse" opens its screen, and "Retour" knows where it came from', () => {
    assert.deepEqual([waiting.screen, waiting.screen === 'change-email' && waiting.from], ['change-email', 'check-mail']);
    assert.equal(visitReducer(waiting, { type: 'previous' }).screen, 'check-mail');
    const pendingAnswer = visitAfter([{ type: 'identified', outcome: pendingFound() }], ON.identify());
    const fromOutcome = visitReducer(pendingAnswer, { type: 'chose-not-mine', email: 'c@gmail.com' });
    assert.deepEqual(
      [fromOutcome.screen === 'change-email' && fromOutcome.from, visitReducer(fromOutcome, { type: 'previous' }).screen],
      ['outcome', 'outcome'],
    );
  });
  it('keeps the new address typed through a refusal (registry down, same address)', () => {
    for (const code of ['REGISTRY_UNREACHABLE', 'EMAIL_UNCHANGED'] as const) {
      const refused = visitReducer(visitReducer(waiting, { type: 'submit' }), { type: 'refused', code });
      assert.equal(refused.forms.changeEmail.email, 'camille.durand@gmail.com');
      assert.deepEqual([refused.screen, refused.pending, refused.errors.general?.key], ['change-email', false, `error.${code}`]);
    }
  });
  it('keeps it too when the person goes back and returns', () => {
    const back = visitReducer(waiting, { type: 'previous' });
    const again = visitReducer(back, { type: 'chose-not-mine', email: 'camille.durand@gmial.com' });
    assert.equal(again.forms.changeEmail.email, 'camille.durand@gmail.com');
  });
  it('says "Votre compte est activé" on the waiting screen, until a new mail is sent or the visit ends', () => {
    const sent = visitReducer(waiting, { type: 'email-changed', email: 'camille.durand@gmail.com' });
    assert.deepEqual([sent.screen, sent.notices, sent.screen === 'check-mail' && sent.activated], ['check-mail', ['checkMail.changed'], null]);
    const activated = visitReducer(sent, { type: 'link-followed', loggedIn: true });
    assert.deepEqual([activated.screen, activated.screen === 'check-mail' && activated.activated, activated.notices], ['check-mail', { loggedIn: true }, []]);
    const resent = visitReducer(activated, { type: 'mail-sent', email: 'camille.durand@gmail.com' });
    assert.equal(resent.screen === 'check-mail' && resent.activated, null);
    assert.equal(visitReducer(activated, { type: 'finish' }).screen, 'welcome');
    assert.deepEqual(visitReducer(activated, { type: 'finish' }).forms.changeEmail, { email: '' });
  });
});

function pendingFound() {
  const outcome = ON.outcome();
  if (outcome.screen !== 'outcome' || outcome.outcome.kind !== 'found') throw new Error('no artisan found');
  return { ...outcome.outcome, artisan: { ...outcome.outcome.artisan, accountStatus: 'pending' as const } };
}
