import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type FlowState, flowReducer, initialFlow } from '../../../renderer/app/flow.ts';

describe('the printers read again on a printer-state event', () => {
  it('replace the states shown, and leave what the screen says and a wait in progress as they are', () => {
    let state: FlowState = { ...initialFlow, screen: 'staff-console' };
    state = flowReducer(state, { type: 'printers', printers: [{ role: 'card', printer: 'Evolis', state: 'ready' }], notices: ['printers.saved'] });
    state = flowReducer(state, { type: 'printers', printers: [{ role: 'card', printer: 'Evolis', state: 'paused' }], quiet: true });
    assert.equal(state.printers?.[0]?.state, 'paused');
    assert.deepEqual(state.notices, ['printers.saved'], 'the confirmation stays');
    state = flowReducer(state, { type: 'submit' });
    state = flowReducer(state, { type: 'printers', printers: [{ role: 'card', printer: 'Evolis', state: 'ready' }], quiet: true });
    assert.equal(state.pending, true, 'the action in progress still waits for its own answer');
    assert.equal(state.printers?.[0]?.state, 'ready');
  });

  it('an answer to staff saving a printer still ends its wait and says so', () => {
    let state: FlowState = { ...initialFlow, screen: 'staff-console' };
    state = flowReducer(state, { type: 'submit' });
    state = flowReducer(state, { type: 'printers', printers: [], notices: ['printers.saved'] });
    assert.equal(state.pending, false);
    assert.deepEqual(state.notices, ['printers.saved']);
  });
});
