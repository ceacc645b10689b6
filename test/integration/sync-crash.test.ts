import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { memoryLogger } from '../../main/logging/logger.ts';
import { countArtisans, replicaChecksum } from '../../main/store/artisans-repo.ts';
import { openStore, STORE_FILE } from '../../main/store/open-store.ts';
import { ROOT } from '../support/browser-mode.ts';
import { SECRET, startTestRegistry } from '../support/registry.ts';
import { tempDir } from '../support/temp.ts';

const ENV = { ...process.env, KIOSK_REGISTRY_SECRET: SECRET };
const PAGE = 2000;

function cliArgs(...args: string[]) {
  return ['--import', 'tsx', 'main/cli/index.ts', ...args];
}

/** Runs the CLI to its end without blocking this process, which serves the registry. */
function run(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: ENV });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('sync killed in the middle, then restarted', () => {
  let registry: Awaited<ReturnType<typeof startTestRegistry>>;
  before(async () => {
    registry = await startTestRegistry(60_000);
  });
  after(() => registry.close());

  it('resumes from the last committed page: the replica equals the registry, no duplicate, nothing lost', async () => {
    const dataDir = tempDir();
    const db = path.join(dataDir, STORE_FILE);
    const args = cliArgs('sync', '--registry', registry.server.url, '--db', db, '--kiosk-id', 'test-kiosk', '--page-size', String(PAGE));

    // First run: SIGKILL as soon as a few pages are in, while the next one is being written.
    const child = spawn(process.execPath, args, { cwd: ROOT, env: ENV, stdio: ['ignore', 'ignore', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => {
        const m = /synced (\d+) artisans/.exec(d.toString());
        if (m && Number(m[1]) >= 3 * PAGE) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.once('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`sync ended by itself (${code}) before it could be killed`))));
    });
    await new Promise((r) => child.once('exit', r));

    const store = await openStore(dataDir, memoryLogger());
    const partial = await countArtisans(store);
    await store.close();
    assert.ok(partial >= 3 * PAGE && partial < 60_000, `killed mid-way (${partial} rows)`);
    assert.equal(partial % PAGE, 0, 'only whole pages were committed');

    // Second run, to the end.
    const second = await run(args);
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stderr, new RegExp(`Done: ${60_000 - partial} artisans updated`), 'it resumed where the committed cursor was');

    const replica = await openStore(dataDir, memoryLogger());
    assert.equal(await countArtisans(replica), 60_000);
    assert.equal(await replicaChecksum(replica), await registry.store.checksum());
    const dup = await replica.get<{ n: number }>('SELECT count(*) - count(DISTINCT rm_number) AS n FROM artisans');
    assert.equal(dup?.n, 0);
    await replica.close();

    // `status` tells a person what happened.
    const status = await run(cliArgs('status', '--db', db, '--json'));
    const s = JSON.parse(status.stdout) as { state: string; records: number; summary: string };
    assert.deepEqual([s.state, s.records], ['ok', 60_000]);
    assert.match(s.summary, /Local copy of the registry: 60000 artisans\. Last complete sync: .* Nothing is waiting to be sent/);
  });
});
