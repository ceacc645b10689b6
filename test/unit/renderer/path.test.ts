import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IdentifyOutcome } from '../../../main/shared/artisan.ts';
import type { OrderTicket } from '../../../main/shared/orders.ts';
import { type FlowAction, type FlowState, flowReducer, initialFlow, type Screen } from '../../../renderer/app/flow.ts';
import { ARTISAN_STEPS, finishesInScreen, previousScreen, stepOf } from '../../../renderer/app/path.ts';
import { translate } from '../../../renderer/i18n/index.tsx';

const FOUND: IdentifyOutcome = {
  kind: 'found',
  artisan: {
    rmNumber: '123123127RM078',
    firstName: 'Camille',
    lastName: 'DURAND',
    companyName: 'Boulangerie Durand',
    qualification: 'maitre-artisan',
    chamber: 'CMA Île-de-France',
    accountStatus: 'none',
  },
};
const run = (actions: FlowAction[], from: FlowState = initialFlow) => actions.reduce(flowReducer, from);
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
  const typed = run([
    { type: 'start' },
    { type: 'edit', form: 'identify', field: 'rmNumber', value: '123123127RM078' },
    { type: 'edit', form: 'identify', field: 'day', value: '14' },
    { type: 'answered', outcome: FOUND },
  ]);

  it('from the answer back to identification, the number and date as typed, the answer asked again', () => {
    const back = flowReducer(typed, { type: 'previous' });
    assert.deepEqual([back.screen, back.outcome, back.forms.identify.rmNumber, back.forms.identify.day], ['identify', null, '123123127RM078', '14']);
  });
  it('from activation back to the answer, and on again with the e-mail typed kept', () => {
    const activating = run(
      [
        { type: 'go', screen: 'activate' },
        { type: 'edit', form: 'activate', field: 'email', value: 'camille@gmail.com' },
      ],
      typed,
    );
    const back = flowReducer(activating, { type: 'previous' });
    assert.equal(back.screen, 'outcome');
    assert.equal(back.outcome, FOUND);
    const again = flowReducer(back, { type: 'go', screen: 'activate' });
    assert.equal(again.forms.activate.email, 'camille@gmail.com');
  });
  it('from the login screen back to the answer, the address typed kept; the refusal shown there goes', () => {
    const login = run(
      [
        { type: 'go', screen: 'login' },
        { type: 'edit', form: 'login', field: 'email', value: 'camille@gmail.com' },
        { type: 'refused', code: 'LOGIN_FAILED', params: { count: 4 } },
      ],
      typed,
    );
    const back = flowReducer(login, { type: 'previous' });
    assert.deepEqual([back.screen, back.errors, back.forms.login.email], ['outcome', {}, 'camille@gmail.com']);
  });
  it('the answer shown again tells the account as it now stands (activated here: "Se connecter", not "Activer")', () => {
    const sent = run(
      [
        { type: 'go', screen: 'activate' },
        { type: 'mail-sent', email: 'camille@gmail.com' },
      ],
      typed,
    );
    assert.equal(sent.outcome?.kind === 'found' && sent.outcome.artisan.accountStatus, 'pending');
    const activated = run([{ type: 'activated', loggedIn: false }, { type: 'go', screen: 'login' }, { type: 'previous' }], sent);
    assert.equal(activated.screen, 'outcome');
    assert.equal(activated.outcome?.kind === 'found' && activated.outcome.artisan.accountStatus, 'active');
  });
  it('goes where each screen came from, and nowhere where going back would lose or undo something', () => {
    const at = (screen: Screen, extra: Partial<FlowState> = {}) => previousScreen({ ...typed, screen, ...extra });
    assert.equal(at('forgot'), 'login');
    assert.equal(at('photo'), 'space');
    assert.equal(at('card'), 'space');
    assert.equal(at('change-email', { changeEmailFrom: 'outcome' }), 'outcome');
    // The link is sent: back to the form would ask to activate twice.
    assert.equal(at('check-mail'), null);
    assert.equal(at('identify'), null);
    // A refusal is not a step to return to, and no answer means no way back to it.
    assert.equal(at('outcome', { outcome: { kind: 'not-found', rmNumber: '123123127RM078' } }), null);
    assert.equal(at('login', { outcome: null }), null);
    const stays = flowReducer({ ...typed, screen: 'check-mail' }, { type: 'previous' });
    assert.equal(stays.screen, 'check-mail');
  });
});

describe('one "Terminer"', () => {
  it('is the screen’s own where the visit ends there (refusals, the PVC order’s number), the top bar’s everywhere else', () => {
    const on = (screen: Screen, extra: Partial<FlowState> = {}) => finishesInScreen({ ...initialFlow, screen, ...extra });
    for (const outcome of [
      { kind: 'not-found', rmNumber: 'x' },
      { kind: 'locked', rmNumber: 'x', until: '2026-12-01T15:00:00Z' },
      { kind: 'radiated', rmNumber: 'x', chamber: 'CMA Corse', radiatedOn: '2020-01-01' },
      { kind: 'loading', rmNumber: 'x', percent: 40 },
      { kind: 'paused' },
    ] as const) {
      assert.equal(on('outcome', { outcome }), true, outcome.kind);
    }
    assert.equal(on('outcome', { outcome: FOUND }), false);
    assert.equal(on('pvc-order', { order: null }), false, 'the order not yet asked for: Retour and the top bar');
    assert.equal(on('pvc-order', { order: { number: 'A-1' } as unknown as OrderTicket }), true);
    for (const s of ['identify', 'activate', 'login', 'space', 'card', 'photo'] as const) assert.equal(on(s), false, s);
  });
});
