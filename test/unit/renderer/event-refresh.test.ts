import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { coalesced } from '../../../renderer/app/event-refresh.ts';

describe('a screen read again on events', () => {
  it('reads once at a time, and once more after a burst of events (not once per event)', async () => {
    let reads = 0;
    let open = 0;
    let most = 0;
    const release: (() => void)[] = [];
    const refresh = coalesced(async () => {
      reads++;
      open++;
      most = Math.max(most, open);
      await new Promise<void>((r) => release.push(r));
      open--;
    });
    refresh();
    for (let i = 0; i < 10; i++) refresh(); // a sync applying ten pages while the first read runs
    assert.equal(reads, 1);
    release.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
    assert.equal(reads, 2, 'one more read for the whole burst');
    release.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
    assert.equal(reads, 2);
    assert.equal(most, 1, 'never two reads at once');
  });

  it('goes on after a read that failed', async () => {
    let reads = 0;
    const refresh = coalesced(async () => {
      reads++;
      throw new Error('bridge gone');
    });
    refresh();
    await new Promise((r) => setTimeout(r, 0));
    refresh();
    await new Promise((r) => setTimeout(r, 0));
    assert.equal(reads, 2);
    refresh.stop(); // a read that threw is tried again later: not in this test
  });

  it('tries again by itself a read that could not reach the kiosk, until it does, and not after stop()', async () => {
    const answers = [false, false, true];
    let reads = 0;
    const refresh = coalesced(
      async () => {
        reads++;
        return answers.shift() ?? true;
      },
      5,
      20,
    );
    refresh();
    const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
    for (let i = 0; i < 50 && reads < 3; i++) await wait(5);
    assert.equal(reads, 3, 'lost twice, then read: three reads from one event');
    await wait(60);
    assert.equal(reads, 3, 'a read done is not repeated');
    answers.push(false, false, false);
    refresh();
    await wait(1);
    refresh.stop();
    const stopped = reads;
    await wait(60);
    assert.equal(reads, stopped, 'nothing tried again once the screen has gone');
  });
});
