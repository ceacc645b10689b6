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
    assert.throws(() => registryFromEnv({ KIOSK_REGISTRY_URL: 'https://r.example' }), /set KIOSK_ID too/);
    assert.throws(() => registryFromEnv({ KIOSK_REGISTRY_URL: 'http://r.example', KIOSK_ID: 'k', KIOSK_REGISTRY_SECRET: 'x' }), /must use https/);
    assert.throws(() => registryFromEnv({ KIOSK_REGISTRY_URL: 'not a url', KIOSK_ID: 'k', KIOSK_REGISTRY_SECRET: 'x' }), /not a URL/);
    assert.ok(registryFromEnv({ KIOSK_REGISTRY_URL: 'http://127.0.0.1:8099', KIOSK_ID: 'k', KIOSK_REGISTRY_SECRET: 'x' }));
  });
});
