import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { memoryLogger } from '../../main/logging/logger.ts';
import { createRegistryClient, MAX_RETRY_AFTER_MS, RegistryError, retryAfterMs } from '../../main/registry/client.ts';
import { readChangesPage } from '../../main/registry/page-reader.ts';
import { describeSyncStatus, readSyncStatus } from '../../main/registry/sync-status.ts';
import { findByRmNumber } from '../../main/store/artisans-repo.ts';
import { enqueue, pendingCount } from '../../main/store/outbox-repo.ts';
import { changesPage, startBrokenRegistry } from '../support/broken-registry.ts';
import { KIOSK_ID, replicaFor, SECRET, startTestRegistry } from '../support/registry.ts';

const JEAN_PIERRE = '401234562RE067';

/** A clock the test moves by hand: backoff is measured against it. */
function manualClock(start = Date.parse('2026-12-01T09:00:00Z')) {
  let now = start;
  return { clock: () => new Date(now), advance: (ms: number) => (now += ms) };
}

const profileChange = (mobile: string) => ({ rmNumber: JEAN_PIERRE, mobile });

describe('the outbox when the registry refuses, throttles or fails', () => {
  it('a registry that refuses the operations (400): attempts, error and an integer retry time are recorded; once it accepts, they go', async () => {
    const registry = await startTestRegistry(50);
    const time = manualClock();
    const { db, engine } = await replicaFor(registry.server.url, { clock: time.clock });
    await db.transaction(async (tx) => {
      await enqueue(tx, 'audit-event', { event: 'test' }, time.clock());
      await enqueue(tx, 'profile-change', profileChange('+33611111111'), time.clock());
    });
    registry.server.faults.refuseOperations = true;
    await assert.rejects(engine.syncNow(), (e: unknown) => e instanceof RegistryError && e.kind === 'rejected');
    const rows = await db.all<{ attempts: number; last_error: string; t: string; next: number }>(
      'SELECT attempts, last_error, typeof(next_attempt_at) AS t, next_attempt_at AS next FROM outbox',
    );
    assert.equal(rows.length, 2);
    for (const r of rows) {
      assert.deepEqual([r.attempts, r.last_error, r.t], [1, 'rejected', 'integer']);
      assert.ok(r.next > time.clock().getTime(), 'not before its backoff');
    }
    const status = await readSyncStatus(db);
    assert.equal(status.lastError, null, 'the feed itself was fine: the copy was synced');
    assert.equal(status.records, 50);
    assert.match(describeSyncStatus(status, time.clock()).join(' '), /Last problem sending to the registry .*rejected a request from the kiosk/);

    registry.server.faults.refuseOperations = false;
    time.advance(10 * 60_000);
    const r = await engine.syncNow();
    assert.equal(r.delivered, 2);
    assert.equal((await pendingCount(db)).pending, 0);
    assert.equal((await registry.server.accounts.profile(JEAN_PIERRE))?.mobile, '+33611111111');
    await db.close();
    await registry.close();
  });

  it('keeps the order per subject: a later change waits for an earlier one that failed, and the registry ends with the later', async () => {
    const registry = await startTestRegistry(50);
    const time = manualClock();
    const { db, engine } = await replicaFor(registry.server.url, { clock: time.clock });
    await db.transaction((tx) => enqueue(tx, 'profile-change', profileChange('+33611111111'), time.clock()));
    registry.server.faults.errorRate = 1;
    await assert.rejects(engine.push({ retries: 0 }), (e: unknown) => e instanceof RegistryError && e.kind === 'server');
    time.advance(10); // well within A's backoff
    await db.transaction(async (tx) => {
      await enqueue(tx, 'profile-change', profileChange('+33622222222'), time.clock());
      await enqueue(tx, 'audit-event', { event: 'unrelated' }, time.clock());
    });
    registry.server.faults.errorRate = 0;
    // A person's "send now": the registry is back, but the first change is not due yet.
    assert.equal(await engine.push({ retries: 0 }), 1, 'only the unrelated operation leaves');
    assert.notEqual((await registry.server.accounts.profile(JEAN_PIERRE))?.mobile, '+33622222222', 'B did not overtake A');
    time.advance(10 * 60_000);
    assert.equal(await engine.push(), 2);
    assert.equal((await registry.server.accounts.profile(JEAN_PIERRE))?.mobile, '+33622222222', 'the registry holds the later change');
    await db.close();
    await registry.close();
  });

  it('the registry keeps the newest profile change by its time, whatever order they arrive in', async () => {
    const registry = await startTestRegistry(10);
    const client = createRegistryClient({ url: registry.server.url, kioskId: KIOSK_ID, secret: SECRET }, memoryLogger());
    const op = (key: string, at: string, mobile: string) => ({ idempotencyKey: key, type: 'profile-change' as const, at, payload: profileChange(mobile) });
    await client.postOperations([op('newer-change-000000001', '2026-12-01T10:00:05.000Z', '+33633333333')]);
    await client.postOperations([op('older-change-000000001', '2026-12-01T10:00:01.000Z', '+33644444444')]);
    assert.equal((await registry.server.accounts.profile(JEAN_PIERRE))?.mobile, '+33633333333');
    await registry.close();
  });

  it('Retry-After: 3600 waits 5 minutes at most, and a person waiting is never made to wait', async () => {
    let calls = 0;
    const registry = await startBrokenRegistry((_req, url, _n, body) => {
      if (url.pathname !== '/v1/operations') return { body: changesPage([], 'c0', false) };
      calls++;
      if (calls === 1) return { status: 429, headers: { 'Retry-After': '3600' }, body: { error: { code: 'TOO_MANY_REQUESTS', message: 'slow down' } } };
      const { operations } = JSON.parse(body) as { operations: { idempotencyKey: string }[] };
      return { body: { results: operations.map((o) => ({ idempotencyKey: o.idempotencyKey, status: 'applied' })) } };
    });
    const slept: number[] = [];
    const { db, engine } = await replicaFor(registry.url, { sleep: async (ms) => void slept.push(ms) });
    await db.transaction((tx) => enqueue(tx, 'audit-event', { event: 'test' }, new Date()));
    assert.equal(await engine.push(), 1);
    assert.deepEqual(slept, [MAX_RETRY_AFTER_MS]);
    // The same answer to someone waiting at the screen: one try, no sleep, kept for later.
    calls = 0;
    slept.length = 0;
    await db.transaction((tx) => enqueue(tx, 'audit-event', { event: 'test' }, new Date()));
    await assert.rejects(engine.push({ retries: 0 }), (e: unknown) => e instanceof RegistryError && e.kind === 'throttled');
    assert.deepEqual(slept, []);
    assert.equal((await pendingCount(db)).pending, 1);
    await db.close();
    await registry.close();
  });

  it('reads Retry-After as seconds or as a date, capped', () => {
    const now = Date.parse('2026-12-01T10:00:00Z');
    assert.equal(retryAfterMs('30', now), 30_000);
    assert.equal(retryAfterMs('3600', now), MAX_RETRY_AFTER_MS);
    assert.equal(retryAfterMs('Tue, 01 Dec 2026 10:01:00 GMT', now), 60_000);
    assert.equal(retryAfterMs('Tue, 01 Dec 2026 12:00:00 GMT', now), MAX_RETRY_AFTER_MS);
    assert.equal(retryAfterMs('soon', now), 5000);
    assert.equal(retryAfterMs(null, now), 5000);
  });

  it('a feed that fails does not keep the outbox on the kiosk', async () => {
    const registry = await startTestRegistry(50);
    const { db, engine } = await replicaFor(registry.server.url);
    await engine.syncNow();
    await registry.store.mutate(5, 3);
    registry.server.faults.malformedPages = 5;
    await db.transaction((tx) => enqueue(tx, 'profile-change', profileChange('+33655555555'), new Date()));
    await assert.rejects(engine.syncNow(), (e: unknown) => e instanceof RegistryError && e.kind === 'malformed');
    assert.equal((await pendingCount(db)).pending, 0, 'delivered all the same');
    assert.equal((await registry.server.accounts.profile(JEAN_PIERRE))?.mobile, '+33655555555');
    const status = await readSyncStatus(db);
    assert.deepEqual([status.lastError?.kind, status.outboxError], ['malformed', null]);
    await db.close();
    await registry.close();
  });
});

describe('a kept-alive connection the registry closed', () => {
  it('is tried again once on a fresh connection, for calls that are safe to repeat', async () => {
    let cut = false;
    const seen = new WeakMap<object, number>();
    const server = http.createServer((req, res) => {
      const n = (seen.get(req.socket) ?? 0) + 1;
      seen.set(req.socket, n);
      // As a registry whose idle timeout closed the connection: the second request on a
      // connection gets no answer, the socket just closes.
      if (n === 2 && !cut) {
        cut = true;
        req.socket.destroy();
        return;
      }
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'Content-Type': 'application/json', Connection: 'keep-alive' });
        res.end(
          req.url?.startsWith('/v1/auth/token')
            ? JSON.stringify({ accessToken: 'a-token-of-sixteen-chars', expiresAt: '2099-01-01T00:00:00Z' })
            : JSON.stringify(changesPage([], 'c1', false)),
        );
      });
    });
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const client = createRegistryClient({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, kioskId: 'k', secret: SECRET }, memoryLogger());
    const first = readChangesPage(await client.changesBytes(null, 10));
    const second = readChangesPage(await client.changesBytes('c1', 10));
    assert.equal(cut, true, 'the connection was cut under a request');
    assert.deepEqual([first.cursor, second.cursor], ['c1', 'c1']);
    server.closeAllConnections();
    server.close();
  });
});

describe('the copy at the desk', () => {
  it('stays the newest state of an artisan when the registry replays an older one', async () => {
    const registry = await startTestRegistry(20);
    const { db, engine } = await replicaFor(registry.server.url);
    await engine.syncNow();
    const now = await registry.store.byRmNumber(JEAN_PIERRE);
    assert.ok(now);
    const older: typeof now = [...now];
    older[4] = 'ANCIEN';
    older[17] = now[17] - 1;
    await registry.store.upsert([older]);
    const r = await engine.syncNow();
    assert.equal(r.older, 1);
    assert.equal((await findByRmNumber(db, JEAN_PIERRE))?.version, now[17]);
    await db.close();
    await registry.close();
  });
});
