import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../config/paths.ts';
import { createLogger } from '../logging/logger.ts';
import { createPrintService } from '../printing/print-service.ts';
import { openStore } from '../store/open-store.ts';

/**
 * `print --role card|paper|receipt --printer <CUPS queue | tcp://host:port> --file FILE.pdf`
 * (receipts: `--text` or a test ticket). Exit 0 once the job is accepted; `--wait` follows it
 * to completion. Every job is recorded in the kiosk's store like the kiosk's own.
 */
export async function printCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      role: { type: 'string' },
      printer: { type: 'string' },
      file: { type: 'string' },
      text: { type: 'string' },
      wait: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
    },
    strict: true,
  });
  const role = values.role;
  if ((role !== 'card' && role !== 'paper' && role !== 'receipt') || !values.printer || (role !== 'receipt' && !values.file)) {
    console.error('print needs --role card|paper|receipt, --printer (a CUPS queue, or tcp://host:port for receipts), and --file FILE.pdf for card and paper.');
    return 2;
  }
  const log = createLogger('cli.print', { level: 'warn' });
  const db = await openStore(values['data-dir'] ?? defaultDataDir(), log);
  try {
    const print = createPrintService({ db, clock: () => new Date(), log });
    let job =
      role === 'receipt'
        ? await print.printReceipt(values.printer, {
            title: values.text ?? 'Ticket de test',
            chamber: "Chambre de Métiers et de l'Artisanat",
            orderNumber: 'TEST',
            amountCents: 0,
            at: new Date(),
          })
        : await print.printPdf(role, values.printer, new Uint8Array(await readFile(values.file as string)), `cli ${role}`);
    if (values.wait && job.status === 'sent') job = await print.follow(job.id, 120_000);
    console.log(
      job.status === 'failed'
        ? `Job ${job.id} failed: ${job.error}`
        : job.errorKind === 'receipt-unconfirmed'
          ? `Job ${job.id}: sent, not confirmed: ${job.error}.`
          : `Job ${job.id}: ${job.status}${job.spoolerId ? ` (${job.spoolerId})` : ''}.`,
    );
    return job.status === 'failed' ? 1 : 0;
  } finally {
    await db.close();
  }
}
