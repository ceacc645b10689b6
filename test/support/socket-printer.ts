import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { eventually } from './pvc.ts';
import { startTcpCapture } from './tcp-capture.ts';

const cupsUp = () => spawnSync('lpstat', ['-r']).stdout?.toString().includes('is running') ?? false;

/**
 * The card printer as many desks have it: on the network, taking jobs on a raw socket
 * (JetDirect). A real CUPS queue whose socket:// device is a TCP server of the test that
 * keeps the bytes. It needs CUPS alone, not the virtual IPP printer and its DNS-SD: for tests
 * about money, e-mail and events, not about the card's pages (test/integration/printing.test.ts).
 */
export async function socketCardPrinter(queue: string): Promise<{ queue: string; received(): Buffer; stop(): Promise<void> }> {
  const started: ChildProcess[] = [];
  if (!cupsUp()) {
    started.push(spawn('cupsd', ['-f'], { stdio: 'ignore' }));
    await eventually(async () => cupsUp(), 'CUPS', 15_000);
  }
  const capture = await startTcpCapture({ status: false });
  execFileSync('lpadmin', ['-p', queue, '-E', '-v', capture.address.replace('tcp://', 'socket://'), '-m', 'raw'], { stdio: 'ignore' });
  return {
    queue,
    received: capture.received,
    stop: async () => {
      spawnSync('lpadmin', ['-x', queue]);
      await capture.close();
      for (const c of started) c.kill('SIGTERM');
    },
  };
}
