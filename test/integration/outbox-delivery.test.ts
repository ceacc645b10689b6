import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { enqueue, pendingCount } from '../../main/store/outbox-repo.ts';
import { replicaFor, startTestRegistry } from '../support/registry.ts';

describe('outbox delivery through a faulty registry', () => {
  it('delivers 1,000 operations exactly once through 500s, 429s, resets and timeouts', async () => {
    const registry = await startTestRegistry(10, {
      faults: { errorRate: 0.15, throttleRate: 0.1, resetRate: 0.1, hangRate: 0.05, retryAfterSeconds: 1 },
    });
    const slept: number[] = [];
    const { db, engine } = await replicaFor(registry.server.url, {
      pushBatch: 50,
      timeoutMs: 400,
      backoffBaseMs: 5,
      backoffMaxMs: 40,
      maxPushFailuresPerRun: 4,
      // Record every wait the engine asks for, but keep the test short.
      sleep: (ms) => {
        slept.push(ms);
        return new Promise((r) => setTimeout(r, Math.min(ms, 20)));
      },
    });
    const keys: string[] = [];
    await db.transaction(async (tx) => {
      for (let i = 0; i < 1000; i++) keys.push(await enqueue(tx, 'audit-event', { event: 'test', n: i }, new Date()));
    });

    let runs = 0;
    let failedRuns = 0;
    while ((await pendingCount(db)).pending > 0 && runs < 200) {
      runs++;
      // A failed run leaves its batch for later (backoff); the next run picks it up when due.
      await engine.syncNow().catch(() => failedRuns++);
      await db.transaction((tx) => tx.run('UPDATE outbox SET next_attempt_at = 0'));
    }

    assert.equal((await pendingCount(db)).pending, 0, 'the outbox is empty');
    assert.deepEqual(await registry.store.operationKeys(), [...keys].sort(), 'the registry holds each operation once');
    assert.equal(registry.server.stats.applied, 1000);
    // The faults did happen, and were handled: repeats answered as duplicates, 429s waited for.
    assert.ok(registry.server.stats.duplicate > 0, 'some operations were sent again after a lost answer');
    assert.ok(slept.includes(1000), 'a 429 waits as long as Retry-After says');
    assert.ok(failedRuns > 0 || slept.length > 0);
    await db.close();
    await registry.close();
  });
});
