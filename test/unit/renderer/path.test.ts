import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IdentifyOutcome } from '../../../main/shared/artisan.ts';
import type { Screen } from '../../../renderer/app/kiosk-machine.ts';
import { ARTISAN_STEPS, finishesInScreen, previousScreen, stepOf } from '../../../renderer/app/path.ts';
import { visitReducer } from '../../../renderer/app/visit-machine.ts';
import { translate } from '../../../renderer/i18n/index.tsx';
import { FOUND, ON, ORDER, visitAfter } from '../../support/machine-states.ts';

const step = (screen: Screen) => {
  const at = stepOf(screen);
  return at && translate('fr', 'path.step', { number: at.number, total: at.total, name: translate('fr', `path.step.${at.step}`) });
};

describe('the artisan’s path: one step count for every screen of it', () => {
  it('counts the same four steps on every screen of the path, by the step each screen belongs to', () => {
    assert.deepEqual(ARTISAN_STEPS, ['identify', 'account', 'details', 'card']);
    assert.equal(step('identify'), 'Étape 1 sur 4 — Identification');
    assert.equal(step('outcome'), 'Étape 1 sur 4 — Identification');
    for (const s of ['activate', 'check-mail', 'change-email', 'login', 'forgot'] as const) assert.equal(step(s), 'Étape 2 sur 4 — Mon compte', s);
    for (const s of ['space', 'photo'] as const) assert.equal(step(s), 'Étape 3 sur 4 — Mes informations et ma photo', s);
    for (const s of ['card', 'pvc-order'] as const) assert.equal(step(s), 'Étape 4 sur 4 — Ma carte', s);
  });
  it('shows no step off the path: welcome, help, staff', () => {
    for (const s of [
      'welcome',
      'faq',
      'support',
      'partners',
      'verify',
      'staff-pin',
      'staff-console',
      'staff-issue',
      'staff-issue-photo',
      'staff-issue-card',
    ] as const) {
      assert.equal(stepOf(s), null, s);
    }
  });
  it('says it in English too', () => {
    const at = stepOf('login');
    assert.ok(at);
    assert.equal(
      translate('en', 'path.step', { number: at.number, total: at.total, name: translate('en', `path.step.${at.step}`) }),
      'Step 2 of 4 — My account',
    );
  });
});

describe('"Retour" on the artisan’s path', () => {
  const typed = visitAfter(
    [
      { type: 'edit', form: 'identify', field: 'rmNumber', value: '123123127RM078' },
      { type: 'edit', form: 'identify', field: 'day', value: '14' },
      { type: 'identified', outcome: FOUND },
    ],
    ON.identify(),
  );

  it('from the answer back to identification, the number and date as typed, the answer asked again', () => {
    const back = visitReducer(typed, { type: 'previous' });
    assert.deepEqual([back.screen, 'outcome' in back, back.forms.identify.rmNumber, back.forms.identify.day], ['identify', false, '123123127RM078', '14']);
  });
  it('from activation back to the answer, and on again with the e-mail typed kept', () => {
    const activating = visitAfter([{ type: 'chose-activate' }, { type: 'edit', form: 'activate', field: 'email', value: 'camille@gmail.com' }], typed);
    const back = visitReducer(activating, { type: 'previous' });
    assert.equal(back.screen, 'outcome');
    assert.deepEqual(back.screen === 'outcome' && back.outcome, FOUND);
    const again = visitReducer(back, { type: 'chose-activate' });
    assert.equal(again.forms.activate.email, 'camille@gmail.com');
  });
  it('from the login screen back to the answer, the address typed kept; the refusal shown there goes', () => {
    const login = visitAfter(
      [
        { type: 'chose-login' },
        { type: 'edit', form: 'login', field: 'email', value: 'camille@gmail.com' },
        { type: 'refused', code: 'LOGIN_FAILED', params: { count: 4 } },
      ],
      typed,
    );
    const back = visitReducer(login, { type: 'previous' });
    assert.deepEqual([back.screen, back.errors, back.forms.login.email], ['outcome', {}, 'camille@gmail.com']);
  });
  it('the answer shown again tells the account as it now stands (activated here: "Se connecter", not "Activer")', () => {
    const sent = visitAfter([{ type: 'chose-activate' }, { type: 'mail-sent', email: 'camille@gmail.com' }], typed);
    assert.equal(sent.screen === 'check-mail' && sent.found?.artisan.accountStatus, 'pending');
    const activated = visitAfter([{ type: 'link-followed', loggedIn: false }, { type: 'chose-login' }, { type: 'previous' }], sent);
    assert.equal(activated.screen, 'outcome');
    assert.equal(activated.screen === 'outcome' && activated.outcome.kind === 'found' && activated.outcome.artisan.accountStatus, 'active');
  });
  it('goes where each screen came from, and nowhere where going back would lose or undo something', () => {
    assert.equal(previousScreen(ON.forgot()), 'login');
    assert.equal(previousScreen(ON.photo()), 'space');
    assert.equal(previousScreen(ON.card()), 'space');
    assert.equal(previousScreen(ON.changeEmail()), 'check-mail');
    // The link is sent: back to the form would ask to activate twice.
    assert.equal(previousScreen(ON.checkMail()), null);
    assert.equal(previousScreen(ON.identify()), null);
    // A refusal is not a step to return to, and no answer means no way back to it.
    assert.equal(previousScreen(visitAfter([{ type: 'identified', outcome: { kind: 'not-found', rmNumber: '123123127RM078' } }], ON.identify())), null);
    assert.equal(previousScreen(visitReducer(ON.space(), { type: 'logged-out' })), null);
    const waiting = ON.checkMail();
    assert.equal(visitReducer(waiting, { type: 'previous' }), waiting, 'the waiting screen stays, the same state');
  });
});

describe('one "Terminer"', () => {
  it('is the screen’s own where the visit ends there (refusals, the PVC order’s number), the top bar’s everywhere else', () => {
    const answered = (outcome: Exclude<IdentifyOutcome, { kind: 'wrong-date' }>) => visitAfter([{ type: 'identified', outcome }], ON.identify());
    for (const outcome of [
      { kind: 'not-found', rmNumber: 'x' },
      { kind: 'locked', rmNumber: 'x', until: '2026-12-01T15:00:00Z' },
      { kind: 'radiated', rmNumber: 'x', chamber: 'CMA Corse', radiatedOn: '2020-01-01' },
      { kind: 'loading', rmNumber: 'x', percent: 40 },
      { kind: 'paused' },
    ] as const) {
      assert.equal(finishesInScreen(answered(outcome)), true, outcome.kind);
    }
    assert.equal(finishesInScreen(ON.outcome()), false);
    assert.equal(finishesInScreen(ON.pvcOrder()), false, 'the order not yet asked for: Retour and the top bar');
    assert.equal(finishesInScreen(visitReducer(ON.pvcOrder(), { type: 'ordered-pvc', order: ORDER })), true);
    for (const s of [ON.identify(), ON.activate(), ON.login(), ON.space(), ON.card(), ON.photo()]) assert.equal(finishesInScreen(s), false, s.screen);
  });
});
