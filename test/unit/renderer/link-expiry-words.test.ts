import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDayUnlessToday } from '../../../renderer/screens/format.ts';

/** "Le lien … expire à 00:00." read wrong for a link that ends another day: the day is said too. */
describe('the day a phone link expires', () => {
  const now = new Date(2026, 11, 2, 23, 50);
  it('is left unsaid today', () => {
    assert.equal(formatDayUnlessToday(new Date(2026, 11, 2, 23, 59).toISOString(), 'fr', now), null);
  });
  it('is said when it is another day, past midnight or years ahead', () => {
    assert.equal(formatDayUnlessToday(new Date(2026, 11, 3, 0, 5).toISOString(), 'fr', now), '03/12/2026');
    assert.equal(formatDayUnlessToday(new Date(2099, 0, 1, 12, 0).toISOString(), 'en', now), '1 January 2099');
  });
});
