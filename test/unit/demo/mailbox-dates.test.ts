import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sentAtWords } from '../../../main/demo-registry/mailbox-pages.ts';

describe('the demo mailbox dates a mail as a person in France reads it', () => {
  it('in French words, on Paris time, summer and winter, across midnight', () => {
    assert.equal(sentAtWords('2026-07-14T08:05:00.000Z'), 'le 14 juillet 2026 à 10:05');
    assert.equal(sentAtWords('2026-01-09T16:42:13.512Z'), 'le 9 janvier 2026 à 17:42');
    // 23:30 in London is already the next day in Paris.
    assert.equal(sentAtWords('2026-12-02T23:30:00.000Z'), 'le 3 décembre 2026 à 00:30');
  });
});
