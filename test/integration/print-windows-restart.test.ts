import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoryLogger } from '../../main/logging/logger.ts';
import { createPrintService } from '../../main/printing/print-service.ts';
import type { Spooler } from '../../main/printing/spooler.ts';
import { openStore } from '../../main/store/open-store.ts';
import { markSubmitted, recordJob } from '../../main/store/print-jobs-repo.ts';
import { tempDir } from '../support/temp.ts';

/**
 * A stand-in for the Windows spooler (which cannot run here): like it, it takes jobs and
 * cannot say afterwards whether it took one. What is tested is the kiosk's side: a job begun
 * before a crash is not sent again on its own.
 */
function windowsLike(): Spooler & { submitted: string[] } {
  const submitted: string[] = [];
  return {
    submitted,
    findsByTag: false,
    submit: async (_queue, _file, _role, title) => {
      submitted.push(title);
      return `windows:${submitted.length}`;
    },
    findByTag: async () => null,
    jobState: async () => 'completed',
    queueState: async () => 'ready',
  };
}

describe('a card job begun when the kiosk stopped, on a spooler that cannot look jobs up', () => {
  it('is not sent again by itself: staff are told to look at the printer, and their retry sends it', async () => {
    const db = await openStore(tempDir(), memoryLogger());
    const spooler = windowsLike();
    const print = createPrintService({ db, clock: () => new Date(), log: memoryLogger(), spooler });
    // The kiosk had written that it was handing the job over, then stopped.
    const id = await db.transaction(async (tx) => {
      const job = await recordJob(tx, { role: 'card', printer: 'Evolis', document: 'card P261127-001' }, new Date());
      await markSubmitted(tx, job, new Date());
      return job;
    });
    const pdf = new Uint8Array(Buffer.from('%PDF-1.7\n'));
    const after = await print.send(id, pdf);
    assert.deepEqual([after.status, after.errorKind, spooler.submitted.length], ['failed', 'uncertain', 0]);
    await db.transaction((tx) => tx.run("UPDATE print_jobs SET status = 'recorded' WHERE id = ?", [id]));
    const retried = await print.send(id, pdf, { staffConfirmed: true });
    assert.deepEqual([retried.status, spooler.submitted], ['sent', ['card P261127-001']]);
    // Sent once: asking again only follows it.
    assert.equal((await print.send(id, pdf, { staffConfirmed: true })).status, 'sent');
    assert.equal(spooler.submitted.length, 1);
    await db.close();
  });
});
