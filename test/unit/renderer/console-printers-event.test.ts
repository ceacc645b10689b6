import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { consoleReducer } from '../../../renderer/app/console-machine.ts';
import type { ConsoleState } from '../../../renderer/app/console-state.ts';
import { DESK } from '../../support/machine-states.ts';

const printersOf = (state: ConsoleState) => (state.screen === 'staff-pin' ? null : state.desk.printers);

describe('the printers read again on a printer-state event', () => {
  it('replace the states shown, and leave what the screen says and a wait in progress as they are', () => {
    let state = DESK.console();
    state = consoleReducer(state, { type: 'printers', printers: [{ role: 'card', printer: 'Evolis', state: 'ready' }], notices: ['printers.saved'] });
    state = consoleReducer(state, { type: 'printers', printers: [{ role: 'card', printer: 'Evolis', state: 'paused' }], quiet: true });
    assert.equal(printersOf(state)?.[0]?.state, 'paused');
    assert.deepEqual(state.notices, ['printers.saved'], 'the confirmation stays');
    state = consoleReducer(state, { type: 'submit' });
    state = consoleReducer(state, { type: 'printers', printers: [{ role: 'card', printer: 'Evolis', state: 'ready' }], quiet: true });
    assert.equal(state.pending, true, 'the action in progress still waits for its own answer');
    assert.equal(printersOf(state)?.[0]?.state, 'ready');
  });

  it('an answer to staff saving a printer still ends its wait and says so', () => {
    let state = DESK.console();
    state = consoleReducer(state, { type: 'submit' });
    state = consoleReducer(state, { type: 'printers', printers: [], notices: ['printers.saved'] });
    assert.equal(state.pending, false);
    assert.deepEqual(state.notices, ['printers.saved']);
  });
});
