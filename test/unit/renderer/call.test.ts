import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KioskError, Result } from '../../../main/shared/errors.ts';
import { makeCall } from '../../../renderer/app/call.ts';
import { type CallAction, callStatus, IDLE, type Status } from '../../../renderer/app/machine.ts';
import { endSession } from '../../../renderer/app/session-end.ts';

/** A screen's status driven by `call()`, as app.tsx wires it: the refusal dispatched as `refused`. */
function harness() {
  let status: Status = IDLE;
  const logged: string[] = [];
  const dispatch = (a: CallAction) => {
    status = callStatus(status, a);
  };
  const refuse = (e: KioskError) => dispatch({ type: 'refused', code: e.code });
  const call = makeCall(dispatch, refuse, (what) => logged.push(what));
  return { call, dispatch, logged, now: () => status };
}

describe('call(): the wait always ends', () => {
  it('an answer ends it through the transition it leads to', async () => {
    const h = harness();
    await h.call(Promise.resolve<Result<number>>({ ok: true, value: 2 }), () => h.dispatch({ type: 'settled' }));
    assert.deepEqual([h.now().pending, h.now().errors], [false, {}]);
  });
  it('a refusal ends it with its sentence', async () => {
    const h = harness();
    await h.call(Promise.resolve<Result<number>>({ ok: false, error: { code: 'REGISTRY_UNREACHABLE', message: 'down' } }), () => assert.fail('no answer'));
    assert.deepEqual([h.now().pending, h.now().errors.general?.key], [false, 'error.REGISTRY_UNREACHABLE']);
  });
  it('a call that rejects (the bridge gone) ends it as a technical problem, and is logged', async () => {
    const h = harness();
    await h.call(Promise.reject<Result<number>>(new TypeError('bridge gone')), () => assert.fail('no answer'));
    assert.deepEqual([h.now().pending, h.now().errors.general?.key], [false, 'error.INTERNAL']);
    assert.deepEqual(h.logged, ['a call to the kiosk was rejected (TypeError)']);
  });
  it('an answer whose drawing throws (a bug) ends it as a technical problem, logged without the answer', async () => {
    const h = harness();
    await h.call(Promise.resolve<Result<string>>({ ok: true, value: 'camille@gmail.com' }), () => {
      throw new RangeError('bad answer');
    });
    assert.deepEqual([h.now().pending, h.now().errors.general?.key], [false, 'error.INTERNAL']);
    assert.deepEqual(h.logged, ['an answer of the kiosk could not be shown (RangeError)']);
  });
});

describe('"Terminer": a visit the core could not end is not left silent', () => {
  it('a refused session:end is logged by its code and said', async () => {
    const logged: string[] = [];
    let said = 0;
    await endSession(
      async () => ({ ok: false, error: { code: 'INTERNAL', message: 'database locked' } }),
      () => said++,
      (w) => logged.push(w),
    );
    assert.deepEqual([logged, said], [['the visit could not be ended in the core (INTERNAL)'], 1]);
  });
  it('a session:end that rejects is logged and said too', async () => {
    const logged: string[] = [];
    let said = 0;
    await endSession(
      () => Promise.reject(new Error('bridge gone')),
      () => said++,
      (w) => logged.push(w),
    );
    assert.deepEqual([logged, said], [['the visit could not be ended in the core (Error)'], 1]);
  });
  it('a visit ended says nothing', async () => {
    let said = 0;
    await endSession(
      async () => ({ ok: true, value: {} }),
      () => said++,
      () => assert.fail('nothing to log'),
    );
    assert.equal(said, 0);
  });
});
