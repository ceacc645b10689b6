import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Kiosk } from '../../main/kiosk.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { ROOT } from '../support/browser-mode.ts';
import { readyKiosk } from '../support/kiosk.ts';
import { type Call, type Lie, startLyingRegistry } from '../support/lying-registry.ts';
import { KIOSK_ID, SECRET, startTestRegistry } from '../support/registry.ts';
import { tempDir } from '../support/temp.ts';

const MULLER = '401234562RE067';
const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

/**
 * The registry answers "POST /v1/cards/links" with a link the kiosk would put on screen as a
 * QR code for an artisan's phone: over real HTTP, the reference registry behind a liar. A
 * link elsewhere than the registry's own address, not https off this machine, already
 * expired, living for decades or not a URL at all is refused (REGISTRY_UNTRUSTED: no QR code),
 * and no issuance is recorded for it.
 */
describe('a registry that answers a phone link the kiosk should not show', () => {
  let registry: Awaited<ReturnType<typeof startTestRegistry>>;
  let liar: Awaited<ReturnType<typeof startLyingRegistry>>;
  let kiosk: Kiosk;
  const log = memoryLogger();
  let link: (liarUrl: string) => object | string = () => ({});

  before(async () => {
    registry = await startTestRegistry(50);
    liar = await startLyingRegistry(registry.server.url, (call: Call): Lie | undefined =>
      call.path === '/v1/cards/links' ? { status: 201, body: link(liar.url) } : undefined,
    );
    kiosk = await readyKiosk({ dataDir: tempDir(), log, syncIntervalMs: 0, registry: { url: liar.url, kioskId: KIOSK_ID, secret: SECRET } });
    kiosk.session.identified(MULLER);
    kiosk.session.update({ loggedIn: true });
    assert.ok((await kiosk.cards.setPhoto(readFileSync(path.join(ROOT, 'assets/demo-photos/portrait.jpg')).toString('base64'))).ok);
  });
  after(async () => {
    await kiosk.close();
    await liar.close();
    await registry.close();
  });

  const phoneIssuances = async () =>
    (await kiosk.db.all<{ details: string }>("SELECT details FROM audit_log WHERE action = 'card-issued'")).filter(
      (a) => JSON.parse(a.details).delivery === 'phone',
    ).length;

  const lies: [string, (liarUrl: string) => object | string][] = [
    ['a link to another host', () => ({ url: 'https://evil.example/x', expiresAt: inMinutes(15) })],
    ['plain http on a host that is not this machine', () => ({ url: 'http://192.0.2.10/cards/download?token=abc', expiresAt: inMinutes(15) })],
    [
      'the registry’s own address over https while it is spoken to over http',
      (u) => ({ url: `${u.replace('http:', 'https:')}/cards/download?token=abc`, expiresAt: inMinutes(15) }),
    ],
    ['a link already expired', (u) => ({ url: `${u}/cards/download?token=abc`, expiresAt: inMinutes(-1) })],
    ['a link that expires in 2099', (u) => ({ url: `${u}/cards/download?token=abc`, expiresAt: '2099-01-01T00:00:00Z' })],
    ['an expiry that is not an instant', (u) => ({ url: `${u}/cards/download?token=abc`, expiresAt: 'demain' })],
    ['a "URL" that is not one', () => ({ url: 'pas une adresse', expiresAt: inMinutes(15) })],
    ['an answer that is not JSON', () => '<html>Portail</html>'],
  ];
  for (const [what, answer] of lies) {
    it(`${what}: refused as untrusted, nothing issued`, async () => {
      link = answer;
      const r = await kiosk.cards.phoneLink();
      assert.equal(!r.ok && r.error.code, 'REGISTRY_UNTRUSTED', JSON.stringify(r));
      assert.equal(await phoneIssuances(), 0, 'no card is recorded as sent to a phone');
    });
  }

  it('the link on the registry’s own address, expiring in 15 minutes, is shown; the refusals logged no token', async () => {
    link = (u) => ({ url: `${u}/cards/download?token=secret-token-123`, expiresAt: inMinutes(15) });
    const r = await kiosk.cards.phoneLink();
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.value.url, `${liar.url}/cards/download?token=secret-token-123`);
    assert.equal(await phoneIssuances(), 1);
    const refusals = log.lines.filter((l) => l.includes('card-link-refused'));
    assert.equal(refusals.length, lies.length);
    assert.ok(!log.lines.join('\n').includes('token=abc'), 'no link token in the log');
  });
});
