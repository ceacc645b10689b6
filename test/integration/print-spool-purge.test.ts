import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { buildCard } from '../../main/cards/card-model.ts';
import { renderCardPdf } from '../../main/cards/card-pdf.ts';
import { generateArtisans } from '../../main/demo-registry/seed.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { createPrintService } from '../../main/printing/print-service.ts';
import { openStore } from '../../main/store/open-store.ts';
import { toArtisanRowForBench } from '../bench/bench-rows.ts';
import { receivedFiles, startPrintChain } from '../support/print-services.ts';
import { secretsOf } from '../support/secrets.ts';
import { tempDir } from '../support/temp.ts';

/** Where CUPS keeps a job's documents (cups-files.conf RequestRoot, Debian's default). */
const CUPS_SPOOL = '/var/spool/cups';

/** The document files CUPS still holds for a job ("Queue-12" → d00012-001, …). */
function documentsOf(spoolerId: string): string[] {
  const id = Number(/-(\d+)$/.exec(spoolerId)?.[1]);
  assert.ok(Number.isInteger(id), `a CUPS job id: ${spoolerId}`);
  const prefix = `d${String(id).padStart(5, '0')}-`;
  return readdirSync(CUPS_SPOOL).filter((f) => f.startsWith(prefix));
}

describe('a printed card leaves no copy in the spooler', () => {
  let chain: Awaited<ReturnType<typeof startPrintChain>>;
  before(async () => {
    chain = await startPrintChain(`KioskPurge${process.pid}`);
  });
  after(() => chain?.stop());

  it('once CUPS says the card came out, its PDF (photo, name, RM number) is gone from CUPS’s spool, which keeps job files a day by default', async () => {
    assert.ok(existsSync(CUPS_SPOOL), `CUPS's spool is at ${CUPS_SPOOL}`);
    const dir = tempDir();
    const db = await openStore(dir, memoryLogger());
    const log = memoryLogger();
    const print = createPrintService({ db, clock: () => new Date(), log });
    const [artisan] = generateArtisans(1).map(toArtisanRowForBench);
    assert.ok(artisan);
    const built = buildCard(artisan, null, '2026-11-27', (await secretsOf(dir)).cardKeys);
    assert.ok(built.ok);

    const sent = await print.printPdf('card', chain.queue, await renderCardPdf(built.card, 'card'), 'card P261202-001');
    assert.equal(sent.status, 'sent');
    assert.ok(sent.spoolerId);
    const done = await print.follow(sent.id, 60_000);
    assert.equal(done.status, 'completed');
    assert.ok(receivedFiles(chain.spoolDir).length >= 1, 'the printer received the card');

    assert.deepEqual(documentsOf(sent.spoolerId), [], `the card is still in CUPS’s spool after printing:\n${log.lines.join('\n')}`);
    // The job stays recorded as printed on the kiosk's side.
    assert.equal((await print.check(sent.id)).status, 'completed');
    await db.close();
  });
});
