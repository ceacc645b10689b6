import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ROOT } from '../support/browser-mode.ts';
import { tempDir } from '../support/temp.ts';

/** Processes whose command line names `text` (read from /proc: pgrep may not be installed). */
function processesNaming(text: string): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return readFileSync(`/proc/${d}/cmdline`, 'utf8').includes(text);
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
}

function runBench(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/run.ts', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, stderr: () => stderr };
}

describe('the benchmark cut short', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`by ${signal} takes its reference registry and its folder with it`, async () => {
      // Its own temporary folder, so that its registry is found by the path it serves from.
      const tmp = tempDir();
      const bench = runBench(['sync', '--count', '2000'], { ...process.env, TMPDIR: tmp });
      await new Promise<void>((resolve, reject) => {
        bench.child.stderr.on('data', () => {
          if (bench.stderr().includes('seeded and serving')) resolve();
        });
        void bench.exited.then((code) => reject(new Error(`the benchmark ended (${code}) before its registry served: ${bench.stderr()}`)));
      });
      const registries = processesNaming(`registry-serve\u0000--db\u0000${tmp}`);
      assert.equal(registries.length, 1, 'its registry runs');
      const folders = () => readdirSync(tmp).filter((f) => f.startsWith('kiosk-bench-'));
      assert.equal(folders().length, 1, 'in a folder of its own');
      bench.child.kill(signal);
      assert.equal(await bench.exited, signal === 'SIGTERM' ? 143 : 130, 'the benchmark says how it ended');
      for (let i = 0; i < 100 && processesNaming(`registry-serve\u0000--db\u0000${tmp}`).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
      assert.deepEqual(processesNaming(`registry-serve\u0000--db\u0000${tmp}`), [], 'and no registry is left running');
      assert.deepEqual(folders(), [], 'nor its folder');
    });
  }

  it('asked for a benchmark it does not have, prints the ones it has', async () => {
    const bench = runBench(['sink'], process.env);
    assert.equal(await bench.exited, 2);
    assert.match(bench.stderr(), /Usage: npm run -s bench -- <sync\|card>/);
  });
});
