import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildCard } from '../../main/cards/card-model.ts';
import { openRegistryStore, type RegistryStore } from '../../main/demo-registry/registry-store.ts';
import { type RegistryServer, startRegistryServer } from '../../main/demo-registry/server.ts';
import { localIsoDate } from '../../main/identity/birth-date.ts';
import type { Kiosk } from '../../main/kiosk.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { cardKeysSchema } from '../../main/registry/card-keys-wire.ts';
import { findByRmNumber } from '../../main/store/artisans-repo.ts';
import { ROOT } from '../support/browser-mode.ts';
import { readyKiosk } from '../support/kiosk.ts';
import { SECRET } from '../support/registry.ts';
import { secretStoreOf, secretsOf } from '../support/secrets.ts';
import { tempDir } from '../support/temp.ts';

const RM = '401234562RE067';
const ADMIN = 'admin-token-0123456789';

/** card-verify on the command line: exit code and its JSON answer. */
function cliVerify(scanned: string, dataDir: string): { code: number; result: { ok: boolean; reason?: string; holder?: string } } {
  try {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', 'card-verify', scanned, '--json', '--data-dir', dataDir], {
      cwd: ROOT,
    });
    return { code: 0, result: JSON.parse(out.toString()) };
  } catch (e) {
    const err = e as { status: number; stdout: Buffer };
    return { code: err.status, result: JSON.parse(err.stdout.toString()) };
  }
}

describe('a card signed by any kiosk of the chamber verifies at every other', () => {
  let store: RegistryStore;
  let server: RegistryServer;
  let a: Kiosk;
  let b: Kiosk;
  const dirA = tempDir('kiosk-a-');
  const dirB = tempDir('kiosk-b-');

  before(async () => {
    store = await openRegistryStore(path.join(tempDir('registry-'), 'registry.sqlite'), memoryLogger('registry'));
    await store.seed(50);
    await store.addKiosk('kiosk-a', SECRET);
    await store.addKiosk('kiosk-b', SECRET);
    // With the admin endpoints: revoking a key is the chamber's act.
    server = await startRegistryServer({ store, log: memoryLogger('server'), adminToken: ADMIN });
    const start = (dataDir: string, kioskId: string) =>
      readyKiosk({
        dataDir,
        log: memoryLogger(kioskId),
        syncIntervalMs: 0,
        secrets: secretStoreOf(dataDir),
        registry: { url: server.url, kioskId, secret: SECRET },
      });
    a = await start(dirA, 'kiosk-a');
    b = await start(dirB, 'kiosk-b');
  });
  after(async () => {
    await a?.close();
    await b?.close();
    await server?.close();
    await store?.close();
  });

  /** A card as kiosk B issues it: its key, its QR pointing at the chamber's page. */
  async function cardFromB() {
    const artisan = await findByRmNumber(b.db, RM);
    assert.ok(artisan);
    const keys = (await secretsOf(dirB)).cardKeys;
    const built = buildCard(artisan, null, localIsoDate(new Date()), { ...keys, verifyUrl: `${server.url}/v` });
    assert.ok(built.ok);
    return { card: built.card, kid: keys.kid };
  }

  it('the registry publishes both kiosks’ keys, open to anyone', async () => {
    const res = await fetch(`${server.url}/v1/card-keys`);
    assert.equal(res.status, 200);
    const { keys } = cardKeysSchema.parse(await res.json());
    const kids = [(await secretsOf(dirA)).cardKeys.kid, (await secretsOf(dirB)).cardKeys.kid].sort();
    assert.deepEqual(keys.map((k) => k.kid).sort(), kids);
    assert.ok(keys.every((k) => k.revokedAt === null));
  });

  it('a card from kiosk B, as its QR code holds it (the URL) or as a bare token, is valid at kiosk A after a sync', async () => {
    const { card } = await cardFromB();
    assert.equal(card.qr, `${server.url}/v#${card.token}`);
    await a.sync.syncNow();
    for (const scanned of [card.qr, card.token]) {
      const result = a.cards.verify(scanned);
      assert.equal(result.ok, true, JSON.stringify(result));
      assert.equal(result.ok && result.holder, 'Jean-Pierre MULLER');
    }
    // The command line, on kiosk A's data directory, says the same for both forms.
    assert.deepEqual(cliVerify(card.qr, dirA).code, 0);
    assert.equal(cliVerify(card.token, dirA).result.holder, 'Jean-Pierre MULLER');
    // A changed token is refused, in either form.
    const [head, payload = '', sig = ''] = card.token.split('.');
    const forged = `${head}.${Buffer.from(Buffer.from(payload, 'base64url').toString().replace('MULLER', 'MULLEX')).toString('base64url')}.${sig}`;
    assert.deepEqual(a.cards.verify(`${server.url}/v#${forged}`), { ok: false, reason: 'bad-signature' });
    assert.deepEqual(cliVerify(forged, dirA), { code: 1, result: { ok: false, reason: 'bad-signature' } });
  });

  it('the chamber revokes kiosk B’s key: after a sync, kiosk A and the command line refuse its cards', async () => {
    const { card, kid } = await cardFromB();
    const res = await fetch(`${server.url}/v1/_admin/revoke-card-key`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ kid }),
    });
    assert.deepEqual(await res.json(), { revoked: true });
    await a.sync.syncNow();
    assert.deepEqual(a.cards.verify(card.qr), { ok: false, reason: 'revoked-key' });
    assert.deepEqual(cliVerify(card.qr, dirA), { code: 1, result: { ok: false, reason: 'revoked-key' } });
    // Kiosk B itself, once synced, refuses its own withdrawn key too.
    await b.sync.syncNow();
    assert.deepEqual(b.cards.verify(card.token), { ok: false, reason: 'revoked-key' });
    // Kiosk A's own cards are untouched.
    const artisan = await findByRmNumber(a.db, RM);
    assert.ok(artisan);
    const own = buildCard(artisan, null, localIsoDate(new Date()), (await secretsOf(dirA)).cardKeys);
    assert.ok(own.ok);
    assert.equal(a.cards.verify(own.card.token).ok, true);
  });

  it('a kiosk cannot register a key under another key’s id', async () => {
    const token = await (
      await fetch(`${server.url}/v1/auth/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ kioskId: 'kiosk-a', secret: SECRET }),
      })
    ).json();
    const { rawPublicKey } = await import('../../main/cards/card-keyring.ts');
    const res = await fetch(`${server.url}/v1/card-keys/${(await secretsOf(dirB)).cardKeys.kid}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${(token as { accessToken: string }).accessToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ publicKey: rawPublicKey((await secretsOf(dirA)).cardKeys.publicKey) }),
    });
    assert.equal(res.status, 400);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'KEY_ID_MISMATCH');
  });
});
