import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoryLogger } from '../../../main/logging/logger.ts';
import { PrintError } from '../../../main/printing/print-errors.ts';
import { cardPrinterState, printerStatuses } from '../../../main/printing/printer-status.ts';
import { cupsSpooler, type Spooler } from '../../../main/printing/spooler.ts';

const SETTINGS = { card: 'Evolis', paper: 'Bureau', receipt: null };
const spoolerThrowing = (error: unknown): Spooler => ({
  ...cupsSpooler,
  queueState: async () => {
    throw error;
  },
});
const logged = (lines: string[]) => lines.map((l) => JSON.parse(l) as Record<string, unknown>).map((l) => [l.event, l.level, l.kind]);

describe('a printer whose state the console can only call "unknown" leaves its reason in the log', () => {
  it('a stopped spooler is a state of its own, said on the console, nothing logged', async () => {
    const log = memoryLogger();
    const states = await printerStatuses(SETTINGS, spoolerThrowing(new PrintError('spooler-down', 'lpstat: scheduler not responding')), log);
    assert.deepEqual(
      states.map((s) => s.state),
      ['spooler-down', 'spooler-down', 'not-configured'],
    );
    assert.deepEqual(log.lines, []);
  });

  it('a spooler answer not understood: "unknown", logged as a warning with its kind', async () => {
    const log = memoryLogger();
    assert.equal(await cardPrinterState(SETTINGS, spoolerThrowing(new PrintError('other', 'lpstat: something new')), log), 'unknown');
    assert.deepEqual(logged(log.lines), [['printer-state-unknown', 'warn', 'other']]);
  });

  it('a bug (a TypeError from a broken stand-in): "unknown" on the console, an error with its kind only in the log', async () => {
    const log = memoryLogger();
    const states = await printerStatuses(SETTINGS, spoolerThrowing(new TypeError('Cannot read properties of undefined (reading "Evolis")')), log);
    assert.deepEqual(
      states.map((s) => s.state),
      ['unknown', 'unknown', 'not-configured'],
    );
    assert.deepEqual(logged(log.lines), [
      ['printer-state-failed', 'error', 'TypeError'],
      ['printer-state-failed', 'error', 'TypeError'],
    ]);
    assert.ok(!log.lines.join('').includes('Cannot read'), 'never the message');
  });
});
