import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { createAccountsService } from '../../main/accounts/accounts-service.ts';
import { createSessionHolder } from '../../main/accounts/session.ts';
import { createDispatcher } from '../../main/api/handle.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { createRegistryClient, type RegistryClient } from '../../main/registry/client.ts';
import { createOutboxPusher } from '../../main/registry/outbox-push.ts';
import { createPushNow } from '../../main/registry/push-now.ts';
import { openStore } from '../../main/store/open-store.ts';
import { isPending, pendingCount } from '../../main/store/outbox-repo.ts';
import { startBrokenRegistry } from '../support/broken-registry.ts';
import { handlersWith } from '../support/handlers.ts';
import { KIOSK_ID, SECRET } from '../support/registry.ts';
import { tempDir } from '../support/temp.ts';

const ORIGIN = 'http://kiosk.test';
const JEAN_PIERRE = '401234562RE067';
const CHANGE = { email: 'jean-pierre.muller@example.com', mobile: '+262 692 12 34 56', deliveryAddress: null };

/** A port nothing listens on: the registry unreachable. */
async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/**
 * Jean-Pierre changes his mobile number at the kiosk, through the contract as a screen calls
 * it; the outbox is delivered by the real pusher with the given registry client.
 */
async function contactChange(client: RegistryClient) {
  const db = await openStore(tempDir(), memoryLogger());
  const log = memoryLogger();
  const clock = () => new Date();
  const pusher = createOutboxPusher({ db, client, clock, log: log.child('outbox'), options: {} });
  const pushNow = createPushNow({ push: () => pusher.push({ retries: 0 }), pending: (key) => isPending(db, key), log: log.child('push-now') });
  const session = createSessionHolder();
  session.identified(JEAN_PIERRE);
  session.update({ loggedIn: true, email: CHANGE.email });
  const accounts = createAccountsService({ db, client, session, clock, log: log.child('accounts'), pushNow });
  const dispatch = createDispatcher({ handlers: handlersWith({ 'profile:update': (input) => accounts.updateContact(input) }), trustedOrigins: [ORIGIN], log });
  const answer = await dispatch('profile:update', CHANGE, { transport: 'http', origin: ORIGIN });
  const waiting = (await pendingCount(db)).pending;
  await db.close();
  return { answer, waiting, lines: log.lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

const registryAt = (url: string) => createRegistryClient({ url, kioskId: KIOSK_ID, secret: SECRET, timeoutMs: 2000 }, memoryLogger());

describe('"queued for later" only when the registry is away or busy', () => {
  it('the registry unreachable: the change is queued, kept in the outbox, and said so', async () => {
    const { answer, waiting, lines } = await contactChange(registryAt(`http://127.0.0.1:${await closedPort()}`));
    assert.deepEqual(answer, { ok: true, value: { delivered: false, emailPending: false } });
    assert.equal(waiting, 1, 'the change waits for the background sync');
    assert.ok(lines.some((l) => l.event === 'push-deferred' && l.kind === 'offline'));
  });

  it('the registry failing (503): queued too', async () => {
    const registry = await startBrokenRegistry(() => ({ status: 503, body: { error: { code: 'UNAVAILABLE', message: 'down for maintenance' } } }));
    try {
      const { answer, waiting } = await contactChange(registryAt(registry.url));
      assert.deepEqual(answer, { ok: true, value: { delivered: false, emailPending: false } });
      assert.equal(waiting, 1);
    } finally {
      await registry.close();
    }
  });

  it('a push that throws a programming error is reported as a technical problem, logged with its kind, not "queued"', async () => {
    // A broken stand-in: its answer has no results, and the pusher trips over it (a TypeError).
    const broken = { ...registryAt('http://127.0.0.1:9'), postOperations: async () => undefined as unknown as [] };
    const { answer, waiting, lines } = await contactChange(broken);
    assert.equal(!answer.ok && answer.error.code, 'INTERNAL', JSON.stringify(answer));
    assert.equal(waiting, 1, 'the change is not lost: it waits in the outbox');
    const failed = lines.find((l) => l.event === 'push-now-failed');
    assert.equal(failed?.kind, 'TypeError');
    assert.equal(failed?.level, 'error');
    assert.ok(!lines.some((l) => l.event === 'push-deferred'), 'not passed off as "registry away"');
    assert.ok(
      lines.every((l) => !JSON.stringify(l).includes('692 12 34 56') && !JSON.stringify(l).includes('692123456')),
      'no personal data in the logs',
    );
  });

  it('the registry refusing this very operation (400) is not "queued" either', async () => {
    const registry = await startBrokenRegistry(() => ({ status: 400, body: { error: { code: 'INVALID_OPERATION', message: 'refused' } } }));
    try {
      const { answer, lines } = await contactChange(registryAt(registry.url));
      assert.equal(!answer.ok && answer.error.code, 'INTERNAL', JSON.stringify(answer));
      assert.ok(lines.some((l) => l.event === 'push-now-failed' && l.kind === 'registry-rejected' && l.code === 'INVALID_OPERATION'));
    } finally {
      await registry.close();
    }
  });
});
