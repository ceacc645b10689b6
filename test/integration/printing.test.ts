import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildCard } from '../../main/cards/card-model.ts';
import { renderCardPdf } from '../../main/cards/card-pdf.ts';
import { generateArtisans } from '../../main/demo-registry/seed.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { createPrintService } from '../../main/printing/print-service.ts';
import { openStore } from '../../main/store/open-store.ts';
import { recentJobs } from '../../main/store/print-jobs-repo.ts';
import { toArtisanRowForBench } from '../bench/bench-rows.ts';
import { ROOT } from '../support/browser-mode.ts';
import { receivedFiles, startPrintChain } from '../support/print-services.ts';
import { secretsOf } from '../support/secrets.ts';
import { startTcpCapture } from '../support/tcp-capture.ts';
import { tempDir } from '../support/temp.ts';

describe('printing for real: CUPS with a virtual IPP printer, and a TCP receipt printer', () => {
  let chain: Awaited<ReturnType<typeof startPrintChain>>;
  before(async () => {
    chain = await startPrintChain(`KioskTest${process.pid}`);
  });
  after(() => chain?.stop());

  it('the card reaches the card printer as drawn (CR80), the A4 sheet the office printer, both followed to completion', async () => {
    const dir = tempDir();
    const db = await openStore(dir, memoryLogger());
    const print = createPrintService({ db, clock: () => new Date(), log: memoryLogger() });
    const [artisan] = generateArtisans(1).map(toArtisanRowForBench);
    assert.ok(artisan);
    const built = buildCard(artisan, null, '2026-11-27', (await secretsOf(dir)).cardKeys);
    assert.ok(built.ok);

    const card = await print.printPdf('card', chain.queue, await renderCardPdf(built.card, 'card'), 'card 2026');
    assert.equal(card.status, 'sent');
    const paper = await print.printPdf('paper', chain.queue, await renderCardPdf(built.card, 'paper'), 'sheet 2026');
    assert.equal(paper.status, 'sent');
    assert.equal((await print.follow(card.id, 60_000)).status, 'completed');
    assert.equal((await print.follow(paper.id, 60_000)).status, 'completed');

    const sizes = receivedFiles(chain.spoolDir).map((f) => /Page size:\s+(.+?) pts/.exec(execFileSync('pdfinfo', [f]).toString())?.[1]);
    assert.ok(sizes.includes('242.65 x 153.01'), `CR80 page received: ${sizes}`);
    assert.ok(
      sizes.some((s) => s?.startsWith('595.2')),
      `A4 sheet received: ${sizes}`,
    );
    assert.deepEqual(
      (await recentJobs(db)).map((j) => [j.role, j.status, j.attempts]),
      [
        ['paper', 'completed', 1],
        ['card', 'completed', 1],
      ],
    );
    await db.close();
  });

  it('a queue that does not exist: the job is recorded as failed, with the reason in words', async () => {
    const db = await openStore(tempDir(), memoryLogger());
    const print = createPrintService({ db, clock: () => new Date(), log: memoryLogger() });
    const job = await print.printPdf('card', 'NoSuchPrinter', new Uint8Array(Buffer.from('%PDF-1.7\n')), 'card x');
    assert.equal(job.status, 'failed');
    assert.equal(job.errorKind, 'no-such-printer');
    assert.match(job.error ?? '', /NoSuchPrinter/);
    await db.close();
  });

  it('the print command sends a test ticket and a PDF, and waits for the PDF with --wait', async () => {
    const printer = await startTcpCapture();
    const dataDir = tempDir();
    const cli = (...args: string[]) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const c = spawn(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', 'print', '--data-dir', dataDir, ...args], { cwd: ROOT });
        let out = '';
        c.stdout.on('data', (d: Buffer) => (out += d.toString()));
        c.once('exit', (code) => resolve({ code, out }));
      });
    const ticket = await cli('--role', 'receipt', '--printer', printer.address, '--text', 'Ticket de test');
    assert.deepEqual([ticket.code, ticket.out.trim()], [0, 'Job 1: completed.']);
    assert.ok(printer.received().includes(Buffer.from('Ticket de test')));
    await printer.close();
    const pdf = path.join(tempDir(), 'card.pdf');
    const dir = tempDir();
    const [artisan] = generateArtisans(1).map(toArtisanRowForBench);
    const built = artisan && buildCard(artisan, null, '2026-11-27', (await secretsOf(dir)).cardKeys);
    assert.ok(built?.ok);
    writeFileSync(pdf, await renderCardPdf(built.card, 'card'));
    const card = await cli('--role', 'card', '--printer', chain.queue, '--file', pdf, '--wait');
    assert.equal(card.code, 0);
    assert.match(card.out, /^Job 2: completed \(KioskTest\d+-\d+\)\.$/m);
  });

  it('a receipt is recorded and completed; with the printer offline, recorded as failed', async () => {
    const db = await openStore(tempDir(), memoryLogger());
    const print = createPrintService({ db, clock: () => new Date(), log: memoryLogger() });
    const printer = await startTcpCapture();
    const receipt = { title: 'Reçu de paiement', chamber: 'CMA Grand Est', orderNumber: 'PVC-2026-000001', amountCents: 500, at: new Date() };
    assert.equal((await print.printReceipt(printer.address, receipt)).status, 'completed');
    await printer.close();
    const offline = await print.printReceipt(printer.address, receipt);
    assert.deepEqual([offline.status, /does not answer/.test(offline.error ?? '')], ['failed', true]);
    await db.close();
  });
});
