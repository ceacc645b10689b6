import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { StaffOverview } from '../../../main/shared/console.ts';
import type { SecretsView, SettingsView } from '../../../main/shared/kiosk.ts';
import { consoleReducer } from '../../../renderer/app/console-machine.ts';
import { type ConsoleAction, type ConsoleState, consoleAt } from '../../../renderer/app/console-state.ts';
import { IDLE, type IllegalTransition, onIllegalTransition } from '../../../renderer/app/machine.ts';
import { CARD, consoleAfter, DESK } from '../../support/machine-states.ts';

let refused: IllegalTransition[] = [];
beforeEach(() => {
  refused = [];
  onIllegalTransition((r) => refused.push(r));
});
afterEach(() => onIllegalTransition(null));

const deskOf = (state: ConsoleState) => {
  if (state.screen === 'staff-pin') throw new Error('not signed in');
  return state.desk;
};
const OVERVIEW = { orders: [] } as unknown as StaffOverview;
const SECRETS = { registrySecret: 'set' } as unknown as SecretsView;
const SETTINGS = { language: 'fr' } as unknown as SettingsView;

describe('the console machine: the PIN, the sections, "Délivrer une carte"', () => {
  it('opens on the PIN, set up or not, with nothing of an earlier session', () => {
    assert.deepEqual(consoleAt(false), { screen: 'staff-pin', configured: false, ...IDLE });
    const asked = consoleReducer(consoleReducer(consoleAt(false), { type: 'submit' }), { type: 'pin-asked', configured: true });
    assert.deepEqual([asked.screen, asked.screen === 'staff-pin' && asked.configured, asked.pending], ['staff-pin', true, false]);
  });
  it('the right PIN opens the console on the orders, for that member', () => {
    const s = DESK.console();
    assert.deepEqual([s.screen, deskOf(s).member, deskOf(s).section, deskOf(s).overview], ['staff-console', { id: 7, name: 'Agent Martin' }, 'orders', null]);
  });
  it('a refused PIN stays on the PIN screen with its sentence', () => {
    const s = consoleAfter([{ type: 'submit' }, { type: 'refused', code: 'PIN_WRONG' }], DESK.pin());
    assert.deepEqual([s.screen, s.pending, s.errors.general?.key], ['staff-pin', false, 'error.PIN_WRONG']);
  });
  it('left idle, it locks: the PIN again, saying why, nothing of the desk kept', () => {
    const s = consoleReducer(DESK.issueCard(), { type: 'locked' });
    assert.deepEqual(s, consoleAt(true, ['staff.lockedIdle']));
  });
  it('a section chosen stays through actions and a trip to "Délivrer une carte"; a new login starts on the orders', () => {
    const chosen = consoleReducer(DESK.console(), { type: 'chose-section', section: 'printers' });
    const back = consoleAfter([{ type: 'overview', overview: OVERVIEW }, { type: 'chose-issue' }, { type: 'issue-ended' }], chosen);
    assert.equal(deskOf(back).section, 'printers');
    const again = consoleAfter([{ type: 'locked' }, { type: 'signed-in', member: { id: 7, name: 'Agent Martin' } }], back);
    assert.equal(deskOf(again).section, 'orders');
  });
  it('each part of the desk arrives on its own and ends the wait, with its confirmation', () => {
    const waiting = consoleReducer(DESK.console(), { type: 'submit' });
    const o = consoleReducer(waiting, { type: 'overview', overview: OVERVIEW });
    assert.deepEqual([o.pending, deskOf(o).overview], [false, OVERVIEW]);
    const quiet = consoleReducer(consoleReducer(waiting, { type: 'refused', code: 'PRINTER_NOT_SET' }), { type: 'overview', overview: OVERVIEW, quiet: true });
    assert.equal(quiet.errors.general?.key, 'error.PRINTER_NOT_SET', 'a refresh on an event does not wipe a refusal being read');
    const sec = consoleReducer(waiting, { type: 'secrets', secrets: SECRETS, notices: ['secrets.saved'] });
    assert.deepEqual([sec.pending, deskOf(sec).secrets, sec.notices], [false, SECRETS, ['secrets.saved']]);
    const mem = consoleReducer(waiting, { type: 'members', members: [], notices: ['members.added'] });
    assert.deepEqual([deskOf(mem).members, mem.notices], [[], ['members.added']]);
    const set = consoleReducer(waiting, { type: 'settings', settings: SETTINGS });
    assert.deepEqual([deskOf(set).settings, set.notices], [SETTINGS, []]);
    const done = consoleReducer(waiting, { type: 'done', notices: ['staff.stopped'] });
    assert.deepEqual([done.pending, done.notices], [false, ['staff.stopped']]);
    assert.equal(consoleReducer(waiting, { type: 'settled' }).pending, false);
  });
  it('"Délivrer une carte": search, choose, the photo if none, the card, the answer', () => {
    const typed = consoleAfter(
      [
        { type: 'issue-edit', patch: { query: 'Durand' } },
        { type: 'found-artisans', hits: [] },
        { type: 'issue-edit', patch: { selected: '123123127RM078', document: 'carte-identite' } },
      ],
      DESK.issue(),
    );
    assert.deepEqual(typed.screen === 'staff-issue' && typed.issuance, {
      query: 'Durand',
      hits: [],
      selected: '123123127RM078',
      document: 'carte-identite',
      ordered: null,
    });
    const research = consoleReducer(typed, { type: 'found-artisans', hits: [] });
    assert.deepEqual(
      research.screen === 'staff-issue' && [research.issuance.selected, research.issuance.document],
      [null, null],
      'a new search drops the choice',
    );
    const photo = consoleReducer(typed, { type: 'needs-photo' });
    assert.equal(photo.screen, 'staff-issue-photo');
    assert.deepEqual(consoleReducer(photo, { type: 'previous' }), { ...typed, notices: [] }, '"Retour" from the camera: the search as it was');
    const card = consoleReducer(photo, { type: 'card-ready', card: CARD });
    assert.deepEqual([card.screen, card.screen === 'staff-issue-card' && card.issue.card], ['staff-issue-card', CARD]);
    assert.equal(consoleReducer(card, { type: 'retake-photo' }).screen, 'staff-issue-photo');
    const issued = consoleReducer(card, { type: 'issued', result: { delivery: 'paper', status: 'sent' } });
    assert.equal(issued.screen === 'staff-issue-card' && issued.issue.result?.delivery, 'paper');
    const target = consoleReducer(card, { type: 'email-target', target: { kind: 'refused', reason: 'pending' } });
    assert.deepEqual(target.screen === 'staff-issue-card' && target.issue.emailTarget, { kind: 'refused', reason: 'pending' });
    const ended = consoleReducer(issued, { type: 'issue-ended' });
    assert.deepEqual([ended.screen, 'issuance' in ended], ['staff-console', false]);
    const again = consoleReducer(ended, { type: 'chose-issue' });
    assert.deepEqual(again.screen === 'staff-issue' && again.issuance.query, '', 'a new issuance starts clean');
  });
  it('"Vérifier une carte" from the console and back to it', () => {
    const v = DESK.verify();
    assert.equal(v.screen, 'verify');
    assert.equal(consoleReducer(v, { type: 'back' }).screen, 'staff-console');
  });
});

const ILLEGAL: [string, () => ConsoleState, ConsoleAction][] = [
  ['a PIN answer after signing in', DESK.console, { type: 'pin-asked', configured: true }],
  ['signing in twice', DESK.console, { type: 'signed-in', member: { id: 1, name: 'X' } }],
  ['locking the PIN screen', DESK.pin, { type: 'locked' }],
  ['a section chosen on the PIN screen', DESK.pin, { type: 'chose-section', section: 'sync' }],
  ['an overview before the PIN', DESK.pin, { type: 'overview', overview: OVERVIEW }],
  ['printers before the PIN', DESK.pin, { type: 'printers', printers: [] }],
  ['secrets before the PIN', DESK.pin, { type: 'secrets', secrets: SECRETS }],
  ['members before the PIN', DESK.pin, { type: 'members', members: [] }],
  ['settings before the PIN', DESK.pin, { type: 'settings', settings: SETTINGS }],
  ['a console action done on the issuance', DESK.issue, { type: 'done', notices: [] }],
  ['"Délivrer une carte" from within it', DESK.issue, { type: 'chose-issue' }],
  ['a search typed on the card', DESK.issueCard, { type: 'issue-edit', patch: { query: 'x' } }],
  ['search results on the console', DESK.console, { type: 'found-artisans', hits: [] }],
  ['the camera asked from the console', DESK.console, { type: 'needs-photo' }],
  ['a photo retaken on the search', DESK.issue, { type: 'retake-photo' }],
  ['a card arriving after the issuance ended', DESK.console, { type: 'card-ready', card: CARD }],
  ['an issuance answer on the search', DESK.issue, { type: 'issued', result: { delivery: 'paper', status: 'sent' } }],
  ['an e-mail target on the photo', DESK.issuePhoto, { type: 'email-target', target: { kind: 'refused', reason: 'no-account' } }],
  ['ending an issuance not begun', DESK.console, { type: 'issue-ended' }],
  ['"Retour" of the camera on the card', DESK.issueCard, { type: 'previous' }],
  ['"Vérifier une carte" from the PIN', DESK.pin, { type: 'chose-verify' }],
  ['"Retour" of the card check on the console', DESK.console, { type: 'back' }],
];

describe('the console machine refuses what makes no sense on the screen', () => {
  for (const [what, state, action] of ILLEGAL) {
    it(`refuses ${what}`, () => {
      const before = state();
      refused = [];
      assert.equal(consoleReducer(before, action), before, 'the very same state');
      assert.deepEqual(refused, [{ machine: 'console', action: action.type, screen: before.screen }]);
    });
  }
  it('has an illegal case for every transition that can be refused (a new transition must be listed here to compile)', () => {
    const every: Record<ConsoleAction['type'], boolean> = {
      submit: false,
      refused: false,
      settled: false,
      'pin-asked': true,
      'signed-in': true,
      locked: true,
      'chose-section': true,
      overview: true,
      printers: true,
      secrets: true,
      members: true,
      settings: true,
      done: true,
      'chose-issue': true,
      'issue-edit': true,
      'found-artisans': true,
      'needs-photo': true,
      'retake-photo': true,
      'card-ready': true,
      issued: true,
      'email-target': true,
      'issue-ended': true,
      previous: true,
      'chose-verify': true,
      back: true,
    };
    const covered = new Set<string>(ILLEGAL.map(([, , a]) => a.type));
    assert.deepEqual(
      Object.entries(every).filter(([t, refusable]) => refusable && !covered.has(t)),
      [],
    );
  });
  it('the types refuse a visit action and a desk without its member', () => {
    // Each line below must fail to compile (`npm run typecheck` fails if one of them compiles again).
    // @ts-expect-error: typing a form of the visit is no console action.
    const visitAction: ConsoleAction = { type: 'edit', form: 'login', field: 'email', value: 'x' };
    // @ts-expect-error: the console screen without its desk.
    const noDesk: ConsoleState = { screen: 'staff-console', ...IDLE };
    assert.equal([visitAction, noDesk].length, 2);
  });
});
