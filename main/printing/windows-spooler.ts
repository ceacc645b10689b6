import { createRequire } from 'node:module';
import { PrintError } from './print-errors.ts';
import type { Spooler } from './spooler.ts';

/**
 * The Windows spooler, through pdf-to-printer (SumatraPDF in silent mode, shipped unpacked
 * from the asar). It returns once Windows has the job and gives no job id to follow, so a
 * job it took counts as completed; the card printer's own utility reports jams and ribbons.
 * Not testable on Linux: it is type-checked, and README "Printing on Windows" says how
 * a chamber's IT checks it on a Windows kiosk.
 */
// Its UMD bundle hides its names from an ESM import; required on first use, on Windows only.
type PdfToPrinter = typeof import('pdf-to-printer');
let loaded: PdfToPrinter | undefined;
const pdfToPrinter = (): PdfToPrinter => {
  loaded ??= createRequire(import.meta.url)('pdf-to-printer') as PdfToPrinter;
  return loaded;
};
const getPrinters = () => pdfToPrinter().getPrinters();

const PAPER: Record<'card' | 'paper', { paperSize?: string; scale: 'noscale' }> = {
  // The card printer's driver knows its CR80 card; the page goes as drawn.
  card: { scale: 'noscale' },
  paper: { paperSize: 'A4', scale: 'noscale' },
};

export const windowsSpooler: Spooler = {
  findsByTag: false,
  async submit(queue, file, role) {
    const printers = await getPrinters().catch((e: unknown) => {
      throw new PrintError('spooler-down', `the Windows spooler does not answer: ${String(e)}`);
    });
    if (!printers.some((p) => p.name === queue)) throw new PrintError('no-such-printer', `no printer named ${queue} on this machine`);
    await pdfToPrinter()
      .print(file, { printer: queue, silent: true, ...PAPER[role] })
      .catch((e: unknown) => {
        throw new PrintError('other', `the printer ${queue} did not take the job: ${String(e)}`);
      });
    return `windows:${Date.now()}`;
  },
  // Nothing to find: a job Windows took was reported as done before the kiosk recorded it.
  findByTag: async () => null,
  jobState: async () => 'completed',
  async queueState(queue) {
    const printers = await getPrinters().catch((e: unknown) => {
      throw new PrintError('spooler-down', `the Windows spooler does not answer: ${String(e)}`);
    });
    if (!printers.some((p) => p.name === queue)) throw new PrintError('no-such-printer', `no printer named ${queue} on this machine`);
    return 'ready';
  },
};
