import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { en } from '../../../renderer/i18n/en.ts';
import { fr } from '../../../renderer/i18n/fr.ts';
import { translate } from '../../../renderer/i18n/index.tsx';
import { type Attention, type ConsoleSection, sectionAttention, type Watched } from '../../../renderer/screens/staff/console-sections.ts';

const calm: Watched = { orders: [{ state: 'printed' }, { state: 'handed-over' }], sync: { state: 'ok', outboxError: null }, identificationPausedUntil: null };
const ready = [
  { role: 'card', state: 'ready' },
  { role: 'paper', state: 'printing' },
  { role: 'receipt', state: 'not-configured' },
] as const;

/** Each section's badges as the French screen says them. */
const said = (a: Partial<Record<ConsoleSection, Attention[]>>) =>
  Object.fromEntries(Object.entries(a).map(([s, list]) => [s, (list ?? []).map((x) => translate('fr', x.words, x.params))]));

describe('the console’s badges: which sections need the agent, in words', () => {
  it('a calm desk has none (a paper or receipt printer not set is no alarm)', () => {
    assert.deepEqual(sectionAttention(calm, ready), {});
    assert.deepEqual(sectionAttention(null, null), {}, 'nothing known yet: no badge rather than a wrong one');
  });
  it('counts the orders to take the money for, and those that failed', () => {
    const a = sectionAttention({ ...calm, orders: [{ state: 'requested' }, { state: 'requested' }, { state: 'failed' }, { state: 'paid' }] }, ready);
    assert.deepEqual(said(a), { orders: ['2 à encaisser', '1 en échec'] });
  });
  it('says a card printer not set, and counts the printers set but not working', () => {
    const a = sectionAttention(calm, [
      { role: 'card', state: 'not-configured' },
      { role: 'paper', state: 'spooler-down' },
      { role: 'receipt', state: 'offline' },
    ]);
    assert.deepEqual(said(a), { printers: ['imprimante à cartes non réglée', '2 en erreur'] });
  });
  it('says sync failing, on the changes feed or on sending; offline is said as offline, not failing (a mistyped address looks the same)', () => {
    assert.deepEqual(said(sectionAttention({ ...calm, sync: { state: 'error', outboxError: null } }, ready)), { sync: ['en échec'] });
    const sending = { kind: 'server' as const, at: '2026-12-01T10:00:00Z', detail: '503' };
    assert.deepEqual(said(sectionAttention({ ...calm, sync: { state: 'ok', outboxError: sending } }, ready)), { sync: ['en échec'] });
    assert.deepEqual(said(sectionAttention({ ...calm, sync: { state: 'offline', outboxError: null } }, ready)), { sync: ['hors ligne'] });
  });
  it('says identification paused on Réglages, where it is lifted', () => {
    assert.deepEqual(said(sectionAttention({ ...calm, identificationPausedUntil: '2026-12-01T10:15:00Z' }, ready)), { settings: ['identification suspendue'] });
  });
  it('has every badge in English too', () => {
    for (const key of [
      'console.badge.toPay',
      'console.badge.failed',
      'console.badge.cardUnset',
      'console.badge.printerError',
      'console.badge.syncOffline',
      'console.badge.syncFailing',
      'console.badge.paused',
    ] as const)
      assert.ok(en[key] && en[key] !== fr[key], key);
  });
});
