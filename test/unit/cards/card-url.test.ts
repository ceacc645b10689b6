import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { publicKeyFromRaw, rawPublicKey, trustOf } from '../../../main/cards/card-keyring.ts';
import { cardQrText, signCardToken, tokenFromScan, verifyCardToken } from '../../../main/cards/card-token.ts';
import { keyIdOf } from '../../../main/secrets/card-signing-key.ts';

const TODAY = '2026-11-27';
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const kid = keyIdOf(publicKey);
const token = signCardToken({ k: kid, r: '401234562RE067', n: 'Jean-Pierre MULLER', y: 2026, e: '2027-02-28' }, privateKey);
const PAGE = 'https://verifier.cma.example/v';

describe('a card’s QR: the verification page’s URL with the token in its fragment', () => {
  it('holds the URL and the token, or the bare token when no page is set', () => {
    assert.equal(cardQrText(token, PAGE), `${PAGE}#${token}`);
    assert.equal(cardQrText(token, `${PAGE}#old`), `${PAGE}#${token}`, 'a fragment in the setting is not kept');
    assert.equal(cardQrText(token, null), token);
  });

  it('gives back the token from the URL, from the bare token, and from a fragment a browser percent-encoded', () => {
    assert.equal(tokenFromScan(`${PAGE}#${token}`), token);
    assert.equal(tokenFromScan(`  ${token}\n`), token);
    assert.equal(tokenFromScan(`${PAGE}#${encodeURIComponent(token).replace(/\./g, '%2E')}`), token);
    assert.equal(tokenFromScan(`${PAGE}?x=1`), `${PAGE}?x=1`, 'a URL with no fragment is left for the verifier to call malformed');
  });

  it('verifies the URL form as the token, and refuses a changed one, a URL without a token, or a revoked key', () => {
    const keys = { [kid]: publicKey };
    const valid = { ok: true, holder: 'Jean-Pierre MULLER', rmNumber: '401234562RE067', year: 2026, validUntil: '2027-02-28', kid };
    assert.deepEqual(verifyCardToken(`${PAGE}#${token}`, keys, TODAY), valid);
    assert.deepEqual(verifyCardToken(token, keys, TODAY), valid);
    const [head, payload = '', sig = ''] = token.split('.');
    const changed = Buffer.from(Buffer.from(payload, 'base64url').toString().replace('2027', '2028')).toString('base64url');
    assert.deepEqual(verifyCardToken(`${PAGE}#${head}.${changed}.${sig}`, keys, TODAY), { ok: false, reason: 'bad-signature' });
    assert.deepEqual(verifyCardToken(PAGE, keys, TODAY), { ok: false, reason: 'malformed' });
    assert.deepEqual(verifyCardToken(`${PAGE}#${token}`, keys, TODAY, new Set([kid])), { ok: false, reason: 'revoked-key' });
  });

  it('trusts the chamber’s published keys (raw base64url) and not the revoked ones, its own included', () => {
    const raw = rawPublicKey(publicKey);
    assert.match(raw, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(keyIdOf(publicKeyFromRaw(raw)), kid);
    const listed = { kid, publicKey: raw, notBefore: '2026-01-01T00:00:00Z', revokedAt: null };
    assert.equal(verifyCardToken(token, trustOf(null, [listed]).keys, TODAY).ok, true);
    const revoked = trustOf({ kid, publicKey }, [{ ...listed, revokedAt: '2026-06-01T00:00:00Z' }]);
    assert.deepEqual(verifyCardToken(token, revoked.keys, TODAY, revoked.revoked), { ok: false, reason: 'revoked-key' });
    assert.throws(() => publicKeyFromRaw('A'.repeat(10)));
  });
});
