import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StaffOverview } from '../../../main/shared/console.ts';
import { consoleReducer } from '../../../renderer/app/console-machine.ts';
import type { ConsoleAction, ConsoleState } from '../../../renderer/app/console-state.ts';
import { overviewAnswers } from '../../../renderer/app/overview-answers.ts';
import { DESK } from '../../support/machine-states.ts';

const overview = (state: string) => ({ orders: [{ id: 1, state }] }) as unknown as StaffOverview;

/** The console's state, driven by the same answers the screen gets. */
function console() {
  let state: ConsoleState = DESK.console();
  const dispatch = (a: ConsoleAction) => {
    state = consoleReducer(state, a);
  };
  const now = () => ({ pending: state.pending, overview: state.screen === 'staff-pin' ? null : state.desk.overview });
  return { dispatch, fresh: overviewAnswers(dispatch), now };
}

describe('the console between its refresh and the staff’s actions', () => {
  it('a payment answered after a newer refresh ends the wait: the buttons work again, and the newer state stays', () => {
    const c = console();
    c.dispatch({ type: 'submit' });
    const paid = c.fresh();
    const refresh = c.fresh(true);
    refresh(overview('printed'));
    paid(overview('paid'));
    assert.equal(c.now().pending, false, 'the buttons are not left disabled');
    assert.equal(c.now().overview?.orders[0]?.state, 'printed', 'the older answer does not undo the newer');
  });
  it('a refresh that arrives late shows nothing and does not touch a wait in progress', () => {
    const c = console();
    const refresh = c.fresh(true);
    c.dispatch({ type: 'submit' });
    const handOver = c.fresh();
    handOver(overview('handed-over'));
    c.dispatch({ type: 'submit' });
    refresh(overview('printed'));
    assert.equal(c.now().overview?.orders[0]?.state, 'handed-over');
    assert.equal(c.now().pending, true, 'the second action is still waited for');
  });
  it('answers in order are all shown', () => {
    const c = console();
    c.dispatch({ type: 'submit' });
    c.fresh()(overview('paid'));
    assert.deepEqual([c.now().pending, c.now().overview?.orders[0]?.state], [false, 'paid']);
  });
});
