import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KioskError, Result } from '../../../main/shared/errors.ts';
import { makeCall } from '../../../renderer/app/call.ts';
import { initialKiosk, type KioskAction, type KioskState, kioskReducer } from '../../../renderer/app/kiosk-machine.ts';
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
  const call = makeCall(dispatch, refuse, { log: (what) => logged.push(what) });
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

describe('an answer that comes after the person left is not shown to the next one', () => {
  /** The kiosk's state driven as app.tsx drives it: `leave` is what endVisit does to the era. */
  function kiosk() {
    let state: KioskState = initialKiosk;
    let era = 0;
    const dispatch = (a: KioskAction) => {
      state = kioskReducer(state, a);
    };
    const refuse = (e: KioskError) => dispatch({ type: 'call', action: { type: 'refused', code: e.code } });
    const call = makeCall((action) => dispatch({ type: 'call', action }), refuse, { log: () => undefined, era: () => era });
    return { call, dispatch, leave: () => era++, now: () => state };
  }
  const later = <T>() => {
    let answer: (r: Result<T>) => void = () => undefined;
    const promise = new Promise<Result<T>>((resolve) => {
      answer = resolve;
    });
    return { promise, answer };
  };

  it("a visit ended by the idle timeout: the registry's late refusal does not appear on the next artisan's welcome", async () => {
    const k = kiosk();
    const pending = later<{ email: string }>();
    const asked = k.call(pending.promise, () => assert.fail('no answer after the visit ended'));
    const waiting = k.now();
    assert.ok(waiting.mode === 'visit' && waiting.visit.pending, 'the visit waits for the answer');
    k.leave();
    k.dispatch({ type: 'finish' });
    pending.answer({ ok: false, error: { code: 'REGISTRY_UNREACHABLE', message: 'timeout' } });
    await asked;
    assert.deepEqual(k.now(), initialKiosk, 'a clean welcome: no refusal, no wait');
  });

  it('a console locked with an action pending: its late refusal does not appear on the PIN screen', async () => {
    const k = kiosk();
    k.dispatch({ type: 'open-console', configured: true });
    k.dispatch({ type: 'console', action: { type: 'signed-in', member: { id: 1, name: 'Agent' } } });
    const pending = later<unknown>();
    const asked = k.call(pending.promise, () => assert.fail('no answer after the lock'));
    k.leave();
    k.dispatch({ type: 'console', action: { type: 'locked' } });
    pending.answer({ ok: false, error: { code: 'CARD_PRINTER_NOT_READY', message: 'offline' } });
    await asked;
    const s = k.now();
    assert.ok(s.mode === 'console' && s.console.screen === 'staff-pin');
    assert.deepEqual([s.console.errors, s.console.pending, s.console.notices], [{}, false, ['staff.lockedIdle']]);
  });

  it('a call made after the change is answered as usual', async () => {
    const k = kiosk();
    k.leave();
    await k.call(Promise.resolve<Result<number>>({ ok: false, error: { code: 'REGISTRY_UNREACHABLE', message: 'down' } }), () => undefined);
    const s = k.now();
    assert.ok(s.mode === 'visit' && s.visit.errors.general?.key === 'error.REGISTRY_UNREACHABLE');
  });
});
