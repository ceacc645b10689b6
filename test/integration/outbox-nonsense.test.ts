import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kiosk } from '../../main/kiosk.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { pendingCount } from '../../main/store/outbox-repo.ts';
import { readyKiosk } from '../support/kiosk.ts';
import { type Call, type Lie, startLyingRegistry } from '../support/lying-registry.ts';
import { KIOSK_ID, SECRET, startTestRegistry } from '../support/registry.ts';
import { tempDir } from '../support/temp.ts';

const MULLER = '401234562RE067';

/**
 * The registry answers a contact change with something the kiosk cannot read, over real HTTP
 * (the reference registry behind a liar, which may have applied the change before lying).
 * Like a 503, that is "not known to be delivered": the change stays in the outbox, the person
 * is told it is kept on the kiosk, and once the registry answers sensibly it arrives once.
 */
describe('a registry answering contact changes with nonsense', () => {
  let registry: Awaited<ReturnType<typeof startTestRegistry>>;
  let liar: Awaited<ReturnType<typeof startLyingRegistry>>;
  let kiosk: Kiosk;
  let lie: (call: Call) => Promise<Lie | undefined> | Lie | undefined = () => undefined;

  before(async () => {
    registry = await startTestRegistry(50);
    liar = await startLyingRegistry(registry.server.url, (call) => lie(call));
    kiosk = await readyKiosk({ dataDir: tempDir(), log: memoryLogger(), syncIntervalMs: 0, registry: { url: liar.url, kioskId: KIOSK_ID, secret: SECRET } });
  });
  after(async () => {
    await kiosk.close();
    await liar.close();
    await registry.close();
  });

  const nonsense: [string, string | object, boolean][] = [
    ['200 {"ok":true}, the change applied behind it', { ok: true }, true],
    ['an HTML page with 200', '<!doctype html><html><body><h1>Portail Wi-Fi</h1></body></html>', false],
    ['JSON cut short, the change applied behind it', '{"results":[{"idempotencyKey":"', true],
  ];
  nonsense.forEach(([what, body, applied], i) => {
    it(`${what}: said to be kept on the kiosk, kept in the outbox, then delivered once`, async () => {
      const mobile = `06 12 34 56 7${i}`;
      const e164 = `+3361234567${i}`;
      lie = async (call) => {
        if (call.path !== '/v1/operations') return undefined;
        if (applied) await call.pass();
        return { status: 200, body };
      };
      kiosk.session.identified(MULLER);
      kiosk.session.update({ loggedIn: true, email: 'jean-pierre.muller@example.com' });
      const r = await kiosk.accounts.updateContact({ email: 'jean-pierre.muller@example.com', mobile, deliveryAddress: null });
      assert.deepEqual(r, { ok: true, value: { delivered: false, emailPending: false } }, 'the screen says "enregistrés sur la borne"');
      const rows = await kiosk.db.all<{ payload: string; key: string }>("SELECT payload, idempotency_key AS key FROM outbox WHERE type = 'profile-change'");
      assert.equal(rows.length, 1, 'the change waits in the outbox');
      assert.equal(JSON.parse(rows[0]?.payload ?? '{}').mobile, e164);

      // The registry makes sense again: the background sync delivers it (its backoff forgotten, as "Synchroniser maintenant").
      lie = () => undefined;
      await kiosk.sync.push({ now: true });
      assert.equal((await pendingCount(kiosk.db)).pending, 0, 'delivered');
      const profile = await registry.server.accounts.profile(MULLER);
      assert.equal(profile?.mobile, e164, 'the registry holds the new mobile');
      const held = await registry.store.db.get<{ n: number }>('SELECT count(*) AS n FROM operations WHERE idempotency_key = ?', [rows[0]?.key ?? null]);
      assert.equal(held?.n, 1, 'applied once');
    });
  });
});
