import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { memoryLogger } from '../../main/logging/logger.ts';
import { createPrintService } from '../../main/printing/print-service.ts';
import { cupsSpooler } from '../../main/printing/spooler.ts';
import { openStore } from '../../main/store/open-store.ts';
import { recentJobs } from '../../main/store/print-jobs-repo.ts';
import { translate } from '../../renderer/i18n/index.tsx';
import { jobStatusWords } from '../../renderer/screens/staff/job-words.ts';
import { startPrintChain } from '../support/print-services.ts';
import { tempDir } from '../support/temp.ts';

const PDF = new Uint8Array(Buffer.from('%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'));
type Line = Record<string, unknown>;
const parsed = (lines: string[]) => lines.map((l) => JSON.parse(l) as Line);

/** What the console's "Imprimantes" section says of the newest job, in French and English. */
async function consoleSays(db: Awaited<ReturnType<typeof openStore>>) {
  const [job] = await recentJobs(db, 10);
  assert.ok(job);
  return { fr: jobStatusWords((k, p) => translate('fr', k, p), job), en: jobStatusWords((k, p) => translate('en', k, p), job) };
}

describe('a sent job whose spooler cannot be asked is "state unknown", with why; never "waiting" for ever', () => {
  let chain: Awaited<ReturnType<typeof startPrintChain>>;
  before(async () => {
    chain = await startPrintChain(`KioskUnknown${process.pid}`);
  });
  after(() => chain?.stop());

  it('CUPS stops after a job was queued: the job stays sent, the console says the print service is stopped; back, the job prints', async () => {
    const db = await openStore(tempDir(), memoryLogger());
    const log = memoryLogger();
    const print = createPrintService({ db, clock: () => new Date(), log });
    // Paused, the queue keeps the job: it is waiting when the scheduler goes away.
    execFileSync('cupsdisable', [chain.queue]);
    try {
      const sent = await print.printPdf('paper', chain.queue, PDF, 'test page paper');
      assert.equal(sent.status, 'sent');
      assert.equal((await print.check(sent.id)).errorKind, null);
      assert.equal((await consoleSays(db)).fr, 'envoyée, en attente de l’imprimante');

      // The CUPS client of this process now talks to a scheduler that is not there.
      process.env.CUPS_SERVER = '127.0.0.1:1';
      try {
        const unknown = await print.check(sent.id);
        assert.deepEqual([unknown.status, unknown.errorKind], ['sent', 'spooler-down'], 'not failed: CUPS keeps the job and may print it');
        assert.match(unknown.error ?? '', /state unknown/);
        assert.deepEqual(await consoleSays(db), {
          fr: 'envoyée, état inconnu : le service d’impression de l’ordinateur est arrêté ; une fois redémarré, la borne saura si elle est imprimée',
          en: 'sent, state unknown: the computer’s print service is stopped; once it is restarted, the kiosk will know whether it printed',
        });
        // Asked again (the order follower asks every few seconds): still unknown, logged once.
        assert.equal((await print.follow(sent.id, 1200, 400)).errorKind, 'spooler-down');
        const told = parsed(log.lines).filter((l) => l.event === 'print-state-unknown');
        assert.deepEqual(
          told.map((l) => [l.level, l.kind, l.job]),
          [['warn', 'spooler-down', sent.id]],
        );
      } finally {
        delete process.env.CUPS_SERVER;
      }

      // The scheduler answers again: waiting, no longer unknown; resumed, it prints.
      assert.equal((await print.check(sent.id)).errorKind, null);
      assert.equal((await consoleSays(db)).fr, 'envoyée, en attente de l’imprimante');
      execFileSync('cupsenable', [chain.queue]);
      const done = await print.follow(sent.id, 60_000);
      assert.deepEqual([done.status, done.errorKind, done.attempts], ['completed', null, 1], 'sent once, printed');
      assert.equal((await consoleSays(db)).fr, 'imprimée');
    } finally {
      execFileSync('cupsenable', [chain.queue]);
      await db.close();
    }
  });
});

describe('a bug while asking the spooler is not passed off as "pending"', () => {
  it('jobState throwing a TypeError (a broken stand-in): logged as an error with its kind only, the job says so, the error is thrown', async () => {
    const db = await openStore(tempDir(), memoryLogger());
    const log = memoryLogger();
    const broken = {
      ...cupsSpooler,
      findByTag: async () => null,
      submit: async () => 'Broken-7',
      // A stand-in that trips over its own answer, as a bug would.
      jobState: async () => (undefined as unknown as { state: string }).state as never,
    };
    const print = createPrintService({ db, clock: () => new Date(), log, spooler: broken });
    const sent = await print.printPdf('card', 'Broken', PDF, 'card 2026-000042');
    assert.equal(sent.status, 'sent');

    await assert.rejects(print.check(sent.id), TypeError);
    const [job] = await recentJobs(db);
    assert.deepEqual([job?.status, job?.errorKind], ['sent', 'other']);
    assert.deepEqual(await consoleSays(db), {
      fr: 'envoyée, état inconnu : la borne n’a pas pu le demander au service d’impression ; consultez le journal de la borne',
      en: 'sent, state unknown: the kiosk could not ask the print service; see the kiosk’s log',
    });
    const failed = parsed(log.lines).find((l) => l.event === 'print-check-failed');
    assert.deepEqual([failed?.level, failed?.kind, failed?.job], ['error', 'TypeError', sent.id]);
    assert.ok(!log.lines.some((l) => l.includes('undefined')), `the kind, never the message: ${log.lines.join('\n')}`);
    await db.close();
  });

  it('submit throwing a TypeError: the job failed with "unexpected error" on the console, an error with its kind in the log, not a printer warning', async () => {
    const db = await openStore(tempDir(), memoryLogger());
    const log = memoryLogger();
    const broken = {
      ...cupsSpooler,
      findByTag: async () => null,
      submit: async () => (undefined as unknown as { id: string }).id,
    };
    const print = createPrintService({ db, clock: () => new Date(), log, spooler: broken });
    const job = await print.printPdf('card', 'Broken', PDF, 'card 2026-000043');
    assert.deepEqual([job.status, job.errorKind], ['failed', 'other']);
    assert.equal((await consoleSays(db)).fr, 'échec (erreur inattendue de l’impression : réessayez ; si elle persiste, consultez le journal de la borne)');
    const failed = parsed(log.lines).find((l) => l.event === 'print-failed');
    assert.deepEqual([failed?.level, failed?.kind, failed?.error], ['error', 'TypeError', undefined]);
    await db.close();
  });
});
