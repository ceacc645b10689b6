import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contract } from '../../../main/api/contract.ts';
import { cancelJobRequest, parseCancelled } from '../../../main/printing/ipp-job-state.ts';
import type { PrintJob } from '../../../main/shared/print-jobs.ts';
import { printPurpose } from '../../../main/shared/rules/print-documents.ts';
import { isWaiting, jobWait, PRINT_STALE_MS } from '../../../main/shared/rules/print-wait.ts';
import { translate } from '../../../renderer/i18n/index.tsx';
import { sectionAttention } from '../../../renderer/screens/staff/console-sections.ts';

const sent: PrintJob = {
  id: 7,
  role: 'paper',
  printer: 'Bureau',
  document: 'journal 2026-12-02 money',
  status: 'sent',
  attempts: 1,
  spoolerId: 'Bureau-12',
  error: null,
  errorKind: null,
  submittedAt: '2026-12-02T09:00:00.000Z',
  createdAt: '2026-12-02T08:59:59.000Z',
  updatedAt: '2026-12-02T09:00:00.000Z',
};
const at = (iso: string) => new Date(iso);

describe('a print job that waits: since when, and when the printer seems off', () => {
  it('counts from the hand-over, in whole minutes; stale from PRINT_STALE_MS (10 min) on', () => {
    assert.equal(PRINT_STALE_MS, 10 * 60_000);
    assert.deepEqual(jobWait(sent, at('2026-12-02T09:00:40Z')), { minutes: 0, stale: false });
    assert.deepEqual(jobWait(sent, at('2026-12-02T09:09:59Z')), { minutes: 9, stale: false });
    assert.deepEqual(jobWait(sent, at('2026-12-02T09:10:00Z')), { minutes: 10, stale: true });
    // Never handed over: counted from its recording; a clock behind the record: no negative wait.
    assert.deepEqual(jobWait({ ...sent, submittedAt: null }, at('2026-12-02T09:11:00Z')), { minutes: 11, stale: true });
    assert.deepEqual(jobWait(sent, at('2026-12-02T08:00:00Z')), { minutes: 0, stale: false });
  });
  it('only a job the spooler holds waits: not one recorded, printed or failed', () => {
    assert.equal(isWaiting(sent), true);
    assert.equal(isWaiting({ ...sent, status: 'printing' }), true);
    for (const other of [{ status: 'recorded' as const, spoolerId: null }, { status: 'completed' as const }, { status: 'failed' as const }])
      assert.equal(jobWait({ ...sent, ...other }, at('2026-12-02T10:00:00Z')), null);
  });
  it('the console’s badge counts the prints stuck past ten minutes, in words, and none whose state is unknown', () => {
    const calm = { orders: [], sync: { state: 'ok' as const, outboxError: null }, identificationPausedUntil: null };
    const later = at('2026-12-02T09:12:00Z');
    const badge = sectionAttention({ ...calm, jobs: [sent, { ...sent, errorKind: 'spooler-down' }] }, null, later).printers ?? [];
    assert.deepEqual(
      badge.map((a) => [translate('fr', a.words, a.params), translate('en', a.words, a.params)]),
      [['1 impression bloquée', '1 print stuck']],
    );
    assert.deepEqual(sectionAttention({ ...calm, jobs: [sent] }, null, at('2026-12-02T09:05:00Z')), {});
  });
});

describe('what a job was for, read from its reference', () => {
  it('an order’s card or sheet, a desk sheet, a day’s journal, a test page; anything else is other', () => {
    assert.deepEqual(printPurpose('card P261202-004'), { what: 'card', order: 'P261202-004' });
    assert.deepEqual(printPurpose('card sheet P261202-004'), { what: 'card-sheet', order: 'P261202-004' });
    assert.deepEqual(printPurpose('card sheet 2026'), { what: 'card-sheet', order: null });
    assert.deepEqual(printPurpose('journal 2026-12-02 money agent 3'), { what: 'journal', day: '2026-12-02' });
    assert.deepEqual(printPurpose('test page paper'), { what: 'test-page' });
    for (const other of ['cli paper', 'receipt P261202-004', 'refund P261202-004', 'card ', 'journal of nobody'])
      assert.deepEqual(printPurpose(other), { what: 'other' });
  });
});

describe('Cancel-Job over IPP', () => {
  it('asks for the job by its URI, as its owner', () => {
    const body = cancelJobRequest(12);
    assert.equal(body.readUInt16BE(2), 0x0008, 'Cancel-Job');
    assert.ok(body.includes(Buffer.from('ipp://localhost/jobs/12')));
    assert.ok(body.includes(Buffer.from('requesting-user-name')));
    assert.ok(!body.includes(Buffer.from('purge-job')), 'cancelled, not purged: its end is recorded first');
  });
  it('reads the answer: cancelled, ended already (not possible, not found), or a refusal', () => {
    const answer = (status: number) => Buffer.from([2, 0, status >> 8, status & 0xff, 0, 0, 0, 1, 3]);
    assert.equal(parseCancelled(answer(0x0000)), 'cancelled');
    assert.equal(parseCancelled(answer(0x0404)), 'ended');
    assert.equal(parseCancelled(answer(0x0406)), 'ended');
    assert.equal(parseCancelled(answer(0x0401)), null);
    assert.equal(parseCancelled(Buffer.from([2, 0])), null, 'a reply cut short');
  });
});

describe('staff:print-cancel takes one job id, and nothing else', () => {
  it('refuses what is not a positive whole id, or comes with more', () => {
    const input = contract['staff:print-cancel'].input;
    assert.equal(input.safeParse({ jobId: 12 }).success, true);
    for (const bad of [{}, { jobId: 0 }, { jobId: -1 }, { jobId: 1.5 }, { jobId: '12' }, { jobId: 2 ** 40 }, { jobId: 12, spoolerId: 'Q-1' }, null])
      assert.equal(input.safeParse(bad).success, false, JSON.stringify(bad));
  });
});
