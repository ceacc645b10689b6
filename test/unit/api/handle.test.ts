import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CHANNELS } from '../../../main/api/channels.ts';
import { contract } from '../../../main/api/contract.ts';
import { createDispatcher, type Handlers } from '../../../main/api/handle.ts';
import { memoryLogger } from '../../../main/logging/logger.ts';
import { ok } from '../../../main/shared/errors.ts';
import { handlersWith } from '../../support/handlers.ts';

const ORIGIN = 'app://kiosk';
const caller = { transport: 'ipc' as const, origin: ORIGIN };

function setup(identify: Handlers['identity:identify'] = async () => ok({ kind: 'not-found', rmNumber: 'X' })) {
  const calls: unknown[] = [];
  const log = memoryLogger();
  const handlers: Handlers = handlersWith({
    'app:info': async () =>
      ok({
        version: '1',
        transport: 'electron',
        demo: false,
        demoIdentities: [],
        demoMailbox: false,
        idleWarnMs: 60_000,
        idleEndMs: 75_000,
        language: 'fr',
        speech: { available: false, aloud: false },
      }),
    'identity:identify': async (input) => {
      calls.push(input);
      return identify(input);
    },
  });
  return { calls, log, dispatch: createDispatcher({ handlers, trustedOrigins: [ORIGIN], log }) };
}

const valid = { rmNumber: '123123127RM078', birthDate: { day: '14', month: '07', year: '1980' } };

describe('handle(): the one wrapper of every call', () => {
  it('the channel list and the contract name the same channels', () => {
    assert.deepEqual(Object.keys(contract).sort(), [...CHANNELS].sort());
  });

  it('runs a valid call and returns the envelope', async () => {
    const { dispatch, calls } = setup();
    assert.deepEqual(await dispatch('identity:identify', valid, caller), { ok: true, value: { kind: 'not-found', rmNumber: 'X' } });
    assert.deepEqual(calls, [valid]);
  });

  it('refuses a caller that is not our window, before any handler', async () => {
    const { dispatch, calls, log } = setup();
    for (const origin of ['https://evil.example', null, 'app://other']) {
      const r = await dispatch('identity:identify', valid, { transport: 'ipc', origin });
      assert.equal(!r.ok && r.error.code, 'FORBIDDEN');
    }
    assert.equal(calls.length, 0);
    assert.match(log.lines.join('\n'), /untrusted-caller/);
  });

  it('refuses unknown channels and inputs that break the schema, without echoing values', async () => {
    const { dispatch, calls, log } = setup();
    assert.equal((await dispatch('identity:delete-everything', {}, caller)).ok, false);
    const bad = [
      undefined,
      null,
      'x',
      { ...valid, extra: 1 },
      { ...valid, rmNumber: 42 },
      { ...valid, rmNumber: 'A'.repeat(65) },
      { rmNumber: '1', birthDate: { day: '1' } },
    ];
    for (const input of bad) {
      const r = await dispatch('identity:identify', input, caller);
      assert.equal(!r.ok && r.error.code, 'INVALID_INPUT', JSON.stringify(input));
    }
    assert.equal(calls.length, 0);
    assert.ok(!log.lines.join('\n').includes('AAAA'), 'input values are not logged');
  });

  it('turns a thrown error into INTERNAL: no stack, no message crosses', async () => {
    const { dispatch, log } = setup(async () => {
      throw new Error('SQLITE_CORRUPT: database disk image is malformed at /secret/path');
    });
    const r = await dispatch('identity:identify', valid, caller);
    assert.deepEqual(r, { ok: false, error: { code: 'INTERNAL', message: 'the kiosk hit an unexpected error' } });
    const logged = log.lines.join('\n');
    assert.match(logged, /handler-failed/);
    // IT gets the kind and where it was thrown; the message, which may quote data, stays out.
    assert.match(logged, /"kind":"Error","where":"[^"]*handle\.test\.ts:\d+/);
    assert.doesNotMatch(logged, /SQLITE_CORRUPT|secret/);
  });
});
