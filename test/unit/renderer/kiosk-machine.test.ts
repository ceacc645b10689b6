import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { consoleAt } from '../../../renderer/app/console-state.ts';
import { initialKiosk, type KioskAction, type KioskState, kioskReducer } from '../../../renderer/app/kiosk-machine.ts';
import { type IllegalTransition, onIllegalTransition } from '../../../renderer/app/machine.ts';
import { initialVisit } from '../../../renderer/app/visit-state.ts';
import { DESK, ON } from '../../support/machine-states.ts';

let refused: IllegalTransition[] = [];
beforeEach(() => {
  refused = [];
  onIllegalTransition((r) => refused.push(r));
});
afterEach(() => onIllegalTransition(null));

const run = (actions: KioskAction[], from: KioskState = initialKiosk) => actions.reduce(kioskReducer, from);
const signIn: KioskAction = { type: 'console', action: { type: 'signed-in', member: { id: 7, name: 'Agent Martin' } } };

describe('a visit and a console session never share state', () => {
  it('the staff gesture on the welcome screen opens a clean console on the PIN', () => {
    assert.deepEqual(run([{ type: 'open-console', configured: true }]), { mode: 'console', console: consoleAt(true) });
  });
  it('the console opens only from the welcome screen: a visit under way is not carried into it', () => {
    const visiting: KioskState = { mode: 'visit', visit: ON.identify() };
    assert.equal(kioskReducer(visiting, { type: 'open-console', configured: true }), visiting);
    assert.deepEqual(refused, [{ machine: 'kiosk', action: 'open-console', screen: 'identify' }]);
  });
  it('leaving the console (or "Terminer") starts a clean visit, whatever the console held', () => {
    const working = run([{ type: 'open-console', configured: true }, signIn, { type: 'console', action: { type: 'chose-issue' } }]);
    assert.equal(working.mode === 'console' && working.console.screen, 'staff-issue');
    assert.deepEqual(kioskReducer(working, { type: 'finish' }), { mode: 'visit', visit: initialVisit });
    assert.deepEqual(kioskReducer({ mode: 'visit', visit: ON.card() }, { type: 'finish' }), initialKiosk);
  });
  it('each machine gets its own actions; one meant for the other is refused, the same state', () => {
    const visiting: KioskState = { mode: 'visit', visit: ON.identify() };
    assert.equal(kioskReducer(visiting, signIn), visiting);
    const desk: KioskState = { mode: 'console', console: DESK.console() };
    assert.equal(kioskReducer(desk, { type: 'visit', action: { type: 'start' } }), desk);
    assert.deepEqual(refused, [
      { machine: 'kiosk', action: 'signed-in', screen: 'identify' },
      { machine: 'kiosk', action: 'start', screen: 'staff-console' },
    ]);
    const started = kioskReducer({ mode: 'visit', visit: initialVisit }, { type: 'visit', action: { type: 'start' } });
    assert.equal(started.mode === 'visit' && started.visit.screen, 'identify');
  });
  it('a refusal inside a machine keeps the same kiosk state object (nothing redrawn)', () => {
    const desk: KioskState = { mode: 'console', console: DESK.console() };
    assert.equal(kioskReducer(desk, { type: 'console', action: { type: 'back' } }), desk);
  });
  it('what a call says goes to whichever machine runs', () => {
    const waitingVisit = kioskReducer({ mode: 'visit', visit: ON.identify() }, { type: 'call', action: { type: 'submit' } });
    assert.equal(waitingVisit.mode === 'visit' && waitingVisit.visit.pending, true);
    const refusedDesk = kioskReducer({ mode: 'console', console: DESK.pin() }, { type: 'call', action: { type: 'refused', code: 'PIN_WRONG' } });
    assert.equal(refusedDesk.mode === 'console' && refusedDesk.console.errors.general?.key, 'error.PIN_WRONG');
  });
});
