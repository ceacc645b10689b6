import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { registryFromEnv } from '../../../main/config/registry-env.ts';

describe('registry configuration from the environment', () => {
  it('none set: the demo registry', () => {
    assert.equal(registryFromEnv({}), undefined);
  });
  it('all set: the chamber’s registry', () => {
    assert.deepEqual(registryFromEnv({ KIOSK_REGISTRY_URL: 'https://registre.example/', KIOSK_ID: 'k-078-1', KIOSK_REGISTRY_SECRET: 's'.repeat(20) }), {
      url: 'https://registre.example/',
      kioskId: 'k-078-1',
      secret: 's'.repeat(20),
    });
  });
  it('no secret in the environment: the one in the keychain (an empty secret here)', () => {
    assert.equal(registryFromEnv({ KIOSK_REGISTRY_URL: 'https://registre.example/', KIOSK_ID: 'k-078-1' })?.secret, '');
  });
  it('names what is missing, refuses plain http off loopback', () => {
    const secret = 's'.repeat(16);
    assert.throws(() => registryFromEnv({ KIOSK_REGISTRY_URL: 'https://r.example' }), /set KIOSK_ID too/);
    assert.throws(() => registryFromEnv({ KIOSK_REGISTRY_URL: 'http://r.example', KIOSK_ID: 'k', KIOSK_REGISTRY_SECRET: secret }), /must be an https address/);
    assert.throws(() => registryFromEnv({ KIOSK_REGISTRY_URL: 'not a url', KIOSK_ID: 'k', KIOSK_REGISTRY_SECRET: secret }), /must be an https address/);
    assert.ok(registryFromEnv({ KIOSK_REGISTRY_URL: 'http://127.0.0.1:8099', KIOSK_ID: 'k', KIOSK_REGISTRY_SECRET: secret }));
  });
  it('refuses what the console refuses: a short secret, a kiosk id with a space (the same rule), never echoing the secret', () => {
    const url = 'https://registre.example/';
    assert.throws(
      () => registryFromEnv({ KIOSK_REGISTRY_URL: url, KIOSK_ID: 'k-1', KIOSK_REGISTRY_SECRET: 'abc' }),
      (e: Error) => /KIOSK_REGISTRY_SECRET is refused: it needs at least 16 characters/.test(e.message) && !e.message.includes('abc'),
    );
    assert.throws(() => registryFromEnv({ KIOSK_REGISTRY_URL: url, KIOSK_ID: 'k-1', KIOSK_REGISTRY_SECRET: ` ${'s'.repeat(20)}` }), /no space at either end/);
    assert.throws(() => registryFromEnv({ KIOSK_REGISTRY_URL: url, KIOSK_ID: 'borne 1', KIOSK_REGISTRY_SECRET: 's'.repeat(20) }), /KIOSK_ID may hold only/);
  });
});
