import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { conditionOf, isQueuedStatus, isRealTimeStatus, stateOf } from '../../../main/printing/escpos-status.ts';

describe('ESC/POS status bytes, read as the Epson reference defines them', () => {
  it('a printer out of paper (DLE EOT 1, 2, 4 = 0x1A, 0x32, 0x7E) is offline, stopped at paper end, its roll ended and near its end', () => {
    assert.deepEqual(conditionOf(0x1a, 0x32, 0x7e), { offline: true, coverOpen: false, paperOut: true, paperNearEnd: true, error: false });
    assert.equal(stateOf(conditionOf(0x1a, 0x32, 0x7e)), 'paper-out');
  });

  it('a healthy printer (0x12 three times) is ready; a roll near its end (DLE EOT 4 = 0x1E) is still ready, said so', () => {
    assert.equal(stateOf(conditionOf(0x12, 0x12, 0x12)), 'ready');
    assert.equal(stateOf(conditionOf(0x12, 0x12, 0x1e)), 'paper-near-end');
  });

  it('cover open comes first (it must be closed before anything else), then paper, then an error', () => {
    assert.equal(stateOf(conditionOf(0x1a, 0x36, 0x7e)), 'cover-open');
    assert.equal(stateOf(conditionOf(0x1a, 0x52, 0x12)), 'printer-error');
    assert.equal(stateOf(conditionOf(0x1a, 0x12, 0x12)), 'printer-error', 'offline with no cause given prints nothing either');
  });

  it('tells a real-time answer from a queued one and from garbage', () => {
    assert.deepEqual([0x12, 0x1a, 0x7e].map(isRealTimeStatus), [true, true, true]);
    assert.deepEqual([0x00, 0x0f, 0x45, 0xff].map(isRealTimeStatus), [false, false, false, false]);
    assert.deepEqual([0x00, 0x03, 0x0f, 0x12, 0x45].map(isQueuedStatus), [true, true, true, false, false]);
  });
});
