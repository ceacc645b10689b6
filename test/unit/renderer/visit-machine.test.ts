import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { IDLE, type IllegalTransition, onIllegalTransition } from '../../../renderer/app/machine.ts';
import { visitReducer } from '../../../renderer/app/visit-machine.ts';
import { EMPTY_FORMS, initialVisit, type VisitAction, type VisitState } from '../../../renderer/app/visit-state.ts';
import { CARD, FOUND, INFO, ON, ORDER, visitAfter } from '../../support/machine-states.ts';

let refused: IllegalTransition[] = [];
beforeEach(() => {
  refused = [];
  onIllegalTransition((r) => refused.push(r));
});
afterEach(() => onIllegalTransition(null));

describe('the visit machine: each screen carries what it shows, each transition what the person did', () => {
  it('"Commencer" opens identification, with empty forms', () => {
    const s = visitReducer(initialVisit, { type: 'start' });
    assert.deepEqual([s.screen, s.forms.identify.rmNumber], ['identify', '']);
  });
  it('typing fills the form of the screen, field by field', () => {
    const s = visitAfter([{ type: 'edit', form: 'identify', field: 'rmNumber', value: '123123127RM078' }], ON.identify());
    assert.equal(s.forms.identify.rmNumber, '123123127RM078');
    const l = visitAfter([{ type: 'edit', form: 'login', field: 'email', value: 'camille@gmail.com' }], ON.forgot());
    assert.equal(l.forms.login.email, 'camille@gmail.com', '"Mot de passe oublié" types in the login form');
  });
  it('the wait begins on submit, and ends in a refusal shown by field or in general', () => {
    const waiting = visitReducer(ON.identify(), { type: 'submit' });
    assert.equal(waiting.pending, true);
    const byField = visitReducer(waiting, { type: 'refused', code: 'INVALID_INPUT', problems: [{ field: 'rmNumber', code: 'RM_CHECKSUM' }] });
    assert.deepEqual([byField.pending, byField.errors, byField.errorTick], [false, { rmNumber: { key: 'error.RM_CHECKSUM' } }, 1]);
    const general = visitReducer(waiting, { type: 'refused', code: 'LOGIN_FAILED', params: { count: 2 } });
    assert.deepEqual(general.errors, { general: { key: 'error.LOGIN_FAILED', params: { count: 2 } } });
    assert.equal(visitReducer(waiting, { type: 'settled' }).pending, false);
  });
  it('the registry’s answer is shown on its own screen, which carries it', () => {
    const s = visitReducer(visitReducer(ON.identify(), { type: 'submit' }), { type: 'identified', outcome: FOUND });
    assert.deepEqual([s.screen, s.screen === 'outcome' && s.outcome, s.pending], ['outcome', FOUND, false]);
  });
  it('a wrong date stays on the form, next to the date, with the tries left (one and several)', () => {
    const one = visitReducer(ON.identify(), { type: 'wrong-date', triesLeft: 1 });
    assert.deepEqual([one.screen, one.errors.birthDate], ['identify', { key: 'identify.wrongDate.one', params: { count: 1 } }]);
    const two = visitReducer(ON.outcome(), { type: 'wrong-date', triesLeft: 2 });
    assert.deepEqual([two.screen, two.errors.birthDate?.key], ['identify', 'identify.wrongDate.other']);
  });
  it('"Corriger" goes back to the form as typed', () => {
    const typed = visitAfter(
      [
        { type: 'edit', form: 'identify', field: 'day', value: '14' },
        { type: 'identified', outcome: FOUND },
      ],
      ON.identify(),
    );
    const s = visitReducer(typed, { type: 'correct' });
    assert.deepEqual([s.screen, s.forms.identify.day], ['identify', '14']);
  });
  it('"Activer mon compte" and "Se connecter" carry the artisan found, for "Retour"', () => {
    const a = ON.activate();
    assert.deepEqual([a.screen, a.screen === 'activate' && a.found], ['activate', FOUND]);
    const l = ON.login();
    assert.deepEqual([l.screen, l.screen === 'login' && l.found], ['login', FOUND]);
    const fromChange = visitReducer(ON.changeEmail(), { type: 'chose-login' });
    assert.equal(fromChange.screen, 'login');
    const f = ON.forgot();
    assert.deepEqual([f.screen, f.screen === 'forgot' && f.found], ['forgot', FOUND]);
  });
  it('the link sent: the waiting screen with its address, the passwords dropped, the account now waiting', () => {
    const typed = visitAfter(
      [
        { type: 'edit', form: 'activate', field: 'password', value: 'Pain-au-levain-2026' },
        { type: 'edit', form: 'activate', field: 'confirmation', value: 'Pain-au-levain-2026' },
        { type: 'mail-sent', email: 'camille@gmail.com' },
      ],
      ON.activate(),
    );
    assert.equal(typed.screen, 'check-mail');
    if (typed.screen !== 'check-mail') return;
    assert.deepEqual([typed.email, typed.forms.activate.password, typed.forms.activate.confirmation], ['camille@gmail.com', '', '']);
    assert.equal(typed.found?.artisan.accountStatus, 'pending');
    const resent = visitReducer(typed, { type: 'mail-sent', email: 'camille@gmail.com', notices: ['checkMail.resent'] });
    assert.deepEqual(resent.notices, ['checkMail.resent']);
  });
  it('"Ce n’est pas mon adresse", then the new address taken: the link waited for there, shown whole', () => {
    const change = visitAfter([{ type: 'edit', form: 'changeEmail', field: 'email', value: 'camille.durand@gmail.com' }], ON.changeEmail());
    assert.deepEqual([change.screen, change.screen === 'change-email' && change.from], ['change-email', 'check-mail']);
    const sent = visitReducer(change, { type: 'email-changed', email: 'camille.durand@gmail.com' });
    assert.deepEqual(
      [sent.screen, sent.screen === 'check-mail' && sent.email, sent.forms.activate.email, sent.notices],
      ['check-mail', 'camille.durand@gmail.com', 'camille.durand@gmail.com', ['checkMail.changed']],
    );
  });
  it('"an account exists" at activation: the login form, with the address typed to activate and no password, the account now active', () => {
    const typed = visitAfter(
      [
        { type: 'edit', form: 'activate', field: 'email', value: 'camille@gmail.com' },
        { type: 'edit', form: 'activate', field: 'mobile', value: '06 12 34 56 78' },
        { type: 'edit', form: 'activate', field: 'password', value: 'Pain-au-levain-2026' },
        { type: 'edit', form: 'activate', field: 'confirmation', value: 'Pain-au-levain-2026' },
      ],
      ON.activate(),
    );
    const s = visitReducer(typed, { type: 'account-exists' });
    assert.deepEqual(
      [s.screen, s.forms.login.email, s.forms.activate.mobile, s.forms.activate.password, s.forms.activate.confirmation, s.notices],
      ['login', 'camille@gmail.com', '06 12 34 56 78', '', '', ['login.accountExists']],
    );
    assert.equal(s.screen === 'login' && s.found?.artisan.accountStatus, 'active');
    // An address typed to log in before is not replaced.
    const both = visitAfter([{ type: 'edit', form: 'login', field: 'email', value: 'c@orange.fr' }], ON.login());
    assert.equal(
      visitReducer(visitReducer(visitReducer(both, { type: 'previous' }), { type: 'chose-activate' }), { type: 'account-exists' }).forms.login.email,
      'c@orange.fr',
    );
  });
  it('the link followed is said on the waiting screen, the account now active', () => {
    const s = visitReducer(ON.checkMail(), { type: 'link-followed', loggedIn: true });
    assert.deepEqual(
      [s.screen, s.screen === 'check-mail' && s.activated, s.screen === 'check-mail' && s.found?.artisan.accountStatus],
      ['check-mail', { loggedIn: true }, 'active'],
    );
  });
  it('logged in: "Mon espace" with the registry’s details in the contact form, no password kept', () => {
    const typed = visitAfter([{ type: 'edit', form: 'login', field: 'password', value: 'secret-2026' }], ON.login());
    const s = visitReducer(typed, { type: 'logged-in', info: INFO });
    assert.deepEqual([s.screen, s.forms.login.password, s.forms.contact.mobile, s.forms.contact.city], ['space', '', '06 12 34 56 78', 'Paris']);
    assert.equal(visitReducer(visitReducer(ON.checkMail(), { type: 'link-followed', loggedIn: true }), { type: 'logged-in', info: INFO }).screen, 'space');
  });
  it('"Se déconnecter" goes to the login screen, with no way back to an answer', () => {
    const s = visitReducer(ON.space(), { type: 'logged-out' });
    assert.deepEqual([s.screen, s.screen === 'login' && s.found], ['login', null]);
  });
  it('confirmations: the reset mail, the details saved, the card mailed', () => {
    assert.deepEqual(visitReducer(ON.forgot(), { type: 'reset-mail-sent' }).notices, ['forgot.sent']);
    assert.deepEqual(visitReducer(ON.space(), { type: 'details-saved', notices: ['space.saved'] }).notices, ['space.saved']);
    assert.deepEqual(visitReducer(ON.card(), { type: 'card-mailed', notices: ['card.emailSent'] }).notices, ['card.emailSent']);
  });
  it('"Ma photo" from "Mon espace" and from the card; "Ma carte" shows the card it carries', () => {
    assert.equal(ON.photo().screen, 'photo');
    assert.equal(visitReducer(ON.card(), { type: 'opened-photo' }).screen, 'photo');
    const c = ON.card();
    assert.deepEqual([c.screen, c.screen === 'card' && c.card, c.screen === 'card' && c.link], ['card', CARD, null]);
  });
  it('the phone link shows beside the card, what was said kept', () => {
    const mailed = visitReducer(ON.card(), { type: 'card-mailed', notices: ['card.emailSent'] });
    const s = visitReducer(mailed, { type: 'got-phone-link', link: { url: 'https://x/1', expiresAt: '2026-12-01T20:00:00Z' } });
    assert.deepEqual([s.screen === 'card' && s.link?.url, s.notices], ['https://x/1', ['card.emailSent']]);
  });
  it('the PVC card asked for, then ordered: the order’s number is carried', () => {
    const asked = ON.pvcOrder();
    assert.deepEqual([asked.screen, asked.screen === 'pvc-order' && asked.order], ['pvc-order', null]);
    const ordered = visitReducer(asked, { type: 'ordered-pvc', order: ORDER });
    assert.equal(ordered.screen === 'pvc-order' && ordered.order, ORDER);
    assert.equal(visitReducer(asked, { type: 'opened-card', card: CARD }).screen, 'card', '"Retour" shows the card again');
  });
  it('help from any screen and back to it as it was, what was typed and said kept', () => {
    const typed = visitAfter(
      [
        { type: 'edit', form: 'login', field: 'email', value: 'camille@gmail.com' },
        { type: 'refused', code: 'LOGIN_FAILED' },
      ],
      ON.login(),
    );
    const faq = visitReducer(typed, { type: 'help', screen: 'faq' });
    const partners = visitReducer(faq, { type: 'help', screen: 'partners' });
    const back = visitReducer(partners, { type: 'back' });
    assert.deepEqual(back, typed);
  });
  it('"Terminer" leaves a visit as new, from anywhere', () => {
    for (const state of [ON.identify(), ON.checkMail(), ON.pvcOrder(), ON.faq()]) assert.deepEqual(visitReducer(state, { type: 'finish' }), initialVisit);
  });
  it('a visit the core could not end is said on the screen', () => {
    const s = visitReducer(initialVisit, { type: 'end-failed' });
    assert.deepEqual([s.screen, s.errors.general?.key], ['welcome', 'visit.endFailed']);
  });
});

/** An action on a screen that has no use for it: the same state object, and reported by names only. */
const ILLEGAL: [string, () => VisitState, VisitAction][] = [
  ['edit of the login form on identification', ON.identify, { type: 'edit', form: 'login', field: 'email', value: 'x@y.fr' }],
  ['edit of the identity on "Mon espace"', ON.space, { type: 'edit', form: 'identify', field: 'rmNumber', value: '1' }],
  ['"Commencer" twice', ON.identify, { type: 'start' }],
  ['an identification answer arriving after "Terminer"', () => initialVisit, { type: 'identified', outcome: FOUND }],
  ['a wrong date on "Mon espace"', ON.space, { type: 'wrong-date', triesLeft: 2 }],
  ['"Corriger" off the answer', ON.login, { type: 'correct' }],
  [
    '"Activer" on a refusal',
    () => visitAfter([{ type: 'identified', outcome: { kind: 'not-found', rmNumber: 'x' } }], ON.identify()),
    { type: 'chose-activate' },
  ],
  ['"Se connecter" on a refusal', () => visitAfter([{ type: 'identified', outcome: { kind: 'paused' } }], ON.identify()), { type: 'chose-login' }],
  ['"Mot de passe oublié" off the login screen', ON.space, { type: 'chose-forgot' }],
  ['a link sent to a visit on "Ma carte"', ON.card, { type: 'mail-sent', email: 'x@y.fr' }],
  ['"Ce n’est pas mon adresse" on activation', ON.activate, { type: 'chose-not-mine', email: 'x@y.fr' }],
  ['an address change answered on the waiting screen', ON.checkMail, { type: 'email-changed', email: 'x@y.fr' }],
  ['a link followed after the person left the waiting screen', () => initialVisit, { type: 'link-followed', loggedIn: true }],
  ['logged in from identification', ON.identify, { type: 'logged-in', info: INFO }],
  ['logged out of the login screen', ON.login, { type: 'logged-out' }],
  ['the reset mail said on "Mon espace"', ON.space, { type: 'reset-mail-sent' }],
  ['details saved on the card', ON.card, { type: 'details-saved', notices: ['space.saved'] }],
  ['"Ma photo" before logging in', ON.login, { type: 'opened-photo' }],
  ['"Ma carte" answered after "Terminer"', () => initialVisit, { type: 'opened-card', card: CARD }],
  ['the card mailed on "Mon espace"', ON.space, { type: 'card-mailed', notices: ['card.emailSent'] }],
  ['a phone link on the PVC order', ON.pvcOrder, { type: 'got-phone-link', link: { url: 'u', expiresAt: 'e' } }],
  ['the PVC card asked for from "Mon espace"', ON.space, { type: 'asked-pvc' }],
  ['a PVC order answered twice', () => visitAfter([{ type: 'ordered-pvc', order: ORDER }], ON.pvcOrder()), { type: 'ordered-pvc', order: ORDER }],
  ['"Retour" on the waiting screen', ON.checkMail, { type: 'previous' }],
  ['"an account exists" after the person left the activation form', ON.checkMail, { type: 'account-exists' }],
  ['"Retour" of a help screen off help', ON.identify, { type: 'back' }],
];

describe('the visit machine refuses what makes no sense on the screen', () => {
  for (const [what, state, action] of ILLEGAL) {
    it(`refuses ${what}`, () => {
      const before = state();
      refused = [];
      assert.equal(visitReducer(before, action), before, 'the very same state');
      assert.deepEqual(refused, [{ machine: 'visit', action: action.type, screen: before.screen }]);
      assert.ok(!JSON.stringify(refused).includes('@'), 'nothing typed or answered in the report');
    });
  }
  it('has an illegal case for every transition that can be refused (a new transition must be listed here to compile)', () => {
    const every: Record<VisitAction['type'], 'refusable' | 'legal everywhere'> = {
      submit: 'legal everywhere',
      refused: 'legal everywhere',
      settled: 'legal everywhere',
      help: 'legal everywhere',
      finish: 'legal everywhere',
      'end-failed': 'legal everywhere',
      edit: 'refusable',
      start: 'refusable',
      identified: 'refusable',
      'wrong-date': 'refusable',
      correct: 'refusable',
      'chose-activate': 'refusable',
      'chose-login': 'refusable',
      'chose-forgot': 'refusable',
      'mail-sent': 'refusable',
      'chose-not-mine': 'refusable',
      'email-changed': 'refusable',
      'link-followed': 'refusable',
      'account-exists': 'refusable',
      'logged-in': 'refusable',
      'logged-out': 'refusable',
      'reset-mail-sent': 'refusable',
      'details-saved': 'refusable',
      'opened-photo': 'refusable',
      'opened-card': 'refusable',
      'card-mailed': 'refusable',
      'got-phone-link': 'refusable',
      'asked-pvc': 'refusable',
      'ordered-pvc': 'refusable',
      previous: 'refusable',
      back: 'refusable',
    };
    const covered = new Set(ILLEGAL.map(([, , a]) => a.type));
    assert.deepEqual(
      Object.entries(every).filter(([t, kind]) => kind === 'refusable' && !covered.has(t as VisitAction['type'])),
      [],
    );
  });
});

describe('what the types refuse before anything runs', () => {
  it('an edit names a field of its own form, a console action is no visit action, a screen needs what it shows', () => {
    // Each line below must fail to compile (`npm run typecheck` fails if one of them compiles again).
    // @ts-expect-error: 'city' is no field of the login form.
    const wrongField: VisitAction = { type: 'edit', form: 'login', field: 'city', value: 'Paris' };
    // @ts-expect-error: signing in belongs to the console's machine.
    const consoleAction: VisitAction = { type: 'signed-in', member: { id: 1, name: 'Agent' } };
    // @ts-expect-error: the old `go` that jumped to any screen is gone.
    const jump: VisitAction = { type: 'go', screen: 'card' };
    // @ts-expect-error: the answer's screen without its answer.
    const noOutcome: VisitState = { screen: 'outcome', forms: EMPTY_FORMS, ...IDLE };
    // @ts-expect-error: "Ma carte" without its card.
    const noCard: VisitState = { screen: 'card', info: INFO, link: null, forms: EMPTY_FORMS, ...IDLE };
    assert.equal([wrongField, consoleAction, jump, noOutcome, noCard].length, 5);
  });
});
