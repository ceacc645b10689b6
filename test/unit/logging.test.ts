import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileSink } from '../../main/logging/file-sink.ts';
import { createLogger } from '../../main/logging/logger.ts';
import { tempDir } from '../support/temp.ts';

describe('log files', () => {
  it('are JSON lines in the data directory, rotated past their size, a bounded number kept', () => {
    const dir = tempDir();
    const log = createLogger('test', { sink: fileSink(dir, { maxBytes: 2000, keep: 3 }), level: 'info' });
    for (let i = 0; i < 200; i++) log.info('event', { n: i });
    const files = readdirSync(dir).sort();
    assert.deepEqual(files, ['kiosk.log', 'kiosk.log.1', 'kiosk.log.2', 'kiosk.log.3']);
    for (const f of files) assert.ok(statSync(path.join(dir, f)).size <= 2000, f);
    const last = readFileSync(path.join(dir, 'kiosk.log'), 'utf8').trim().split('\n').at(-1) ?? '';
    assert.deepEqual([JSON.parse(last).event, JSON.parse(last).n, JSON.parse(last).logger], ['event', 199, 'test']);
    assert.equal(statSync(path.join(dir, 'kiosk.log')).mode & 0o777, 0o600);
  });
});
