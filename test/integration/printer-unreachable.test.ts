import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { memoryLogger } from '../../main/logging/logger.ts';
import { printerStatuses } from '../../main/printing/printer-status.ts';
import { cupsSpooler } from '../../main/printing/spooler.ts';
import { renderTestPage } from '../../main/printing/test-pages.ts';
import type { PrinterStatus } from '../../main/shared/printers.ts';
import { translate } from '../../renderer/i18n/index.tsx';
import { type PrintChain, startPrintChain } from '../support/print-services.ts';
import { eventually } from '../support/pvc.ts';
import { tempDir } from '../support/temp.ts';

/**
 * An office printer switched off with a job waiting (a real CUPS, its virtual IPP printer
 * killed): CUPS keeps the queue "processing", which the console used to say as "Imprime". It
 * must say the printer does not answer, and how many jobs wait for it.
 */
describe('an office printer switched off with jobs waiting', () => {
  let chain: PrintChain;
  before(async () => {
    chain = await startPrintChain(`KioskAway${process.pid}`);
  });
  after(() => chain?.stop());

  const paper = async () => {
    const all = await printerStatuses({ card: null, paper: chain.queue, receipt: null }, cupsSpooler, memoryLogger());
    return all.find((p) => p.role === 'paper') as PrinterStatus;
  };
  const words = (lang: 'fr' | 'en', p: PrinterStatus) =>
    p.state === 'unreachable' && p.waiting
      ? translate(lang, 'printers.state.unreachableWaiting', { count: p.waiting })
      : translate(lang, `printers.state.${p.state}`);

  it('says unreachable with the jobs waiting, not "Imprime"; the printer back, the jobs print and it is ready', async () => {
    assert.equal((await paper()).state, 'ready');
    await chain.printer.off();
    const file = path.join(tempDir('away-'), 'page.pdf');
    writeFileSync(file, await renderTestPage('paper', chain.queue, new Date()));
    execFileSync('lp', ['-d', chain.queue, file], { stdio: 'ignore' });
    execFileSync('lp', ['-d', chain.queue, file], { stdio: 'ignore' });
    const away = await eventually(
      async () => {
        const p = await paper();
        // CUPS says "now printing" the whole time: that is the state that must not be shown.
        return p.state !== 'ready' && p.state !== 'printing' ? p : null;
      },
      'the console sees the printer away',
      30_000,
    );
    assert.deepEqual({ state: away.state, waiting: away.waiting }, { state: 'unreachable', waiting: 2 });
    assert.equal(words('fr', away), 'Injoignable : elle ne répond pas (éteinte ou débranchée) ; 2 impressions attendent qu’elle revienne');
    assert.equal(words('en', away), 'Unreachable: it does not answer (switched off or unplugged); 2 jobs wait for it to come back');
    assert.doesNotMatch(words('fr', away), /Imprime/);

    await chain.printer.on();
    // CUPS retries its backend on its own timer (a job-retry-interval of 30 s by default).
    await eventually(async () => (await paper()).state === 'ready', 'the two pages printed once the printer is back', 120_000);
  });
});
