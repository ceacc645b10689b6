import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { getDeviceJobsRequest, getJobAttributesRequest, getJobsRequest, parseJob, parseJobState, parseJobs } from '../../../main/printing/ipp-job-state.ts';
import { spoolerErrorKind } from '../../../main/printing/print-errors.ts';
import { renderTestPage } from '../../../main/printing/test-pages.ts';
import { validPrinter } from '../../../main/settings/printer-settings.ts';
import { inkIn, rasterise, wordsOf } from '../../support/glyph-ink.ts';
import { tempDir } from '../../support/temp.ts';

describe('printer names in the settings', () => {
  it('takes a queue name for card and paper, tcp://host:port for receipts', () => {
    assert.ok(validPrinter('card', 'Evolis_Primacy_2'));
    assert.ok(validPrinter('paper', 'Bureau accueil')); // Windows names have spaces
    assert.ok(validPrinter('receipt', 'tcp://192.168.1.40:9100'));
    assert.ok(validPrinter('receipt', 'tcp://printer.cma.local:9100'));
  });
  it('refuses what a spooler or a socket would not take', () => {
    for (const bad of ['', 'a/b', 'a#b', 'a\\b', ' lead', 'x\u0007y', 'x'.repeat(128)]) assert.equal(validPrinter('card', bad), false, JSON.stringify(bad));
    for (const bad of ['192.168.1.40:9100', 'tcp://host', 'tcp://host:0', 'tcp://host:70000', 'http://host:9100', 'tcp://ho st:9100'])
      assert.equal(validPrinter('receipt', bad), false, bad);
  });
});

describe('spooler failures in words', () => {
  it('names the kind from what CUPS printed', () => {
    assert.equal(spoolerErrorKind('lp: Error - Scheduler not responding.'), 'spooler-down');
    assert.equal(spoolerErrorKind('lpstat: Scheduler is not running.'), 'spooler-down');
    assert.equal(spoolerErrorKind('', 'ENOENT'), 'spooler-down');
    assert.equal(spoolerErrorKind('lp: Error - The printer or class does not exist.'), 'no-such-printer');
    assert.equal(spoolerErrorKind('lpstat: Invalid destination name in list "X".'), 'no-such-printer');
    assert.equal(spoolerErrorKind('lp: Destination "Q" is not accepting jobs.'), 'not-accepting');
    assert.equal(spoolerErrorKind('something else'), 'other');
  });
});

describe('IPP job state', () => {
  /** An IPP answer as CUPS writes it: status, the operation group, then the job group with job-state. */
  function answer(status: number, state?: number, printerReasons: string[] = []): Buffer {
    const attr = (tag: number, name: string, value: Buffer) => {
      const head = Buffer.alloc(3);
      head.writeUInt8(tag, 0);
      head.writeUInt16BE(name.length, 1);
      const len = Buffer.alloc(2);
      len.writeUInt16BE(value.length, 0);
      return Buffer.concat([head, Buffer.from(name), len, value]);
    };
    const header = Buffer.alloc(8);
    header.writeUInt16BE(0x0200, 0);
    header.writeUInt16BE(status, 2);
    header.writeUInt32BE(1, 4);
    const parts = [header, Buffer.from([0x01]), attr(0x47, 'attributes-charset', Buffer.from('utf-8'))];
    if (state !== undefined) {
      const v = Buffer.alloc(4);
      v.writeInt32BE(state, 0);
      parts.push(Buffer.from([0x02]), attr(0x44, 'job-state-reasons', Buffer.from('processing-to-stop-point')), attr(0x23, 'job-state', v));
      // A set: its first value named, the others with an empty name.
      for (const [i, reason] of printerReasons.entries()) parts.push(attr(0x44, i === 0 ? 'job-printer-state-reasons' : '', Buffer.from(reason)));
    }
    return Buffer.concat([...parts, Buffer.from([0x03])]);
  }

  it('tells a completed job from a cancelled or aborted one, whatever the reasons say', () => {
    assert.equal(parseJobState(answer(0, 9)), 'completed');
    assert.equal(parseJobState(answer(0, 7)), 'canceled');
    assert.equal(parseJobState(answer(0, 8)), 'aborted');
    assert.equal(parseJobState(answer(0, 5)), 'processing');
    assert.equal(parseJobState(answer(0x0406)), 'not-found', 'a job the scheduler no longer knows');
    assert.equal(parseJobState(answer(0x0500)), null, 'a server error says nothing of the job');
    assert.equal(parseJobState(answer(0, 9).subarray(0, 30)), null, 'a reply cut short says nothing either');
  });

  it('a job CUPS closed as completed without seeing its end at the printer (switched off with the page) is unconfirmed, not completed', () => {
    const forgot = ['cups-ipp-conformance-failure-report', 'cups-ipp-missing-job-history'];
    assert.deepEqual(parseJob(answer(0, 9, forgot)), { state: 'completed', name: '', unconfirmed: true });
    assert.equal(parseJob(answer(0, 9, ['cups-ipp-missing-job-history']))?.unconfirmed, true);
    assert.equal(parseJob(answer(0, 9, ['none']))?.unconfirmed, false);
    assert.equal(parseJob(answer(0, 9, ['cups-ipp-conformance-failure-report']))?.unconfirmed, false);
    assert.equal(parseJob(answer(0, 7, forgot))?.unconfirmed, false, 'only a completed job needs confirming');
    assert.equal(parseJobState(answer(0, 9, forgot)), 'completed');
    const req = getJobAttributesRequest(66);
    for (const part of ['job-state', 'job-printer-state-reasons', 'job-name']) assert.ok(req.includes(Buffer.from(part)), part);
    const device = getDeviceJobsRequest('ipp://192.168.1.50:631/ipp/print');
    for (const part of ['ipp://192.168.1.50:631/ipp/print', 'completed', 'job-name', 'job-state']) assert.ok(device.includes(Buffer.from(part)), part);
  });

  it('asks for one job by its URI', () => {
    const req = getJobAttributesRequest(66);
    assert.equal(req.readUInt16BE(2), 0x0009);
    assert.ok(req.includes(Buffer.from('ipp://localhost/jobs/66')));
    assert.equal(req.at(-1), 0x03);
  });
});

describe('test pages', () => {
  it('the card printer gets a CR80 page and the office printer an A4 one, each saying which printer and role', async () => {
    const dir = tempDir('test-pages-');
    for (const [role, size] of [
      ['card', '242.65 x 153.01'],
      ['paper', '595.28 x 841.89'],
    ] as const) {
      const file = path.join(dir, `${role}.pdf`);
      writeFileSync(file, await renderTestPage(role, 'Imprimante-Accueil', new Date('2026-11-27T10:00:00Z')));
      assert.match(execFileSync('pdfinfo', [file]).toString(), new RegExp(`Page size:\\s+${size} pts`));
      const text = execFileSync('pdftotext', [file, '-']).toString();
      assert.match(text, /Page de test/);
      assert.match(text, /Imprimante : Imprimante-Accueil/);
      assert.match(text, role === 'card' ? /cartes PVC/ : /feuilles A4/);
      // What the printer prints, not only the text layer: every word draws ink.
      const raster = rasterise(file, 1, 150);
      const blank = wordsOf(file, 1).filter((w) => inkIn(raster, w) === 0);
      assert.deepEqual(
        blank.map((w) => w.text),
        [],
        `${role}: words printed blank`,
      );
    }
  });
});

describe('finding a job by the tag in its name (IPP Get-Jobs)', () => {
  const attr = (tag: number, name: string, value: Buffer) => {
    const n = Buffer.from(name);
    const head = Buffer.alloc(3);
    head.writeUInt8(tag, 0);
    head.writeUInt16BE(n.length, 1);
    const len = Buffer.alloc(2);
    len.writeUInt16BE(value.length, 0);
    return Buffer.concat([head, n, len, value]);
  };
  const int = (v: number) => {
    const b = Buffer.alloc(4);
    b.writeInt32BE(v, 0);
    return b;
  };
  const answer = (status: number, jobs: [number, string][]) => {
    const header = Buffer.alloc(8);
    header.writeUInt16BE(0x0200, 0);
    header.writeUInt16BE(status, 2);
    header.writeUInt32BE(1, 4);
    return Buffer.concat([
      header,
      Buffer.from([0x01]),
      attr(0x47, 'attributes-charset', Buffer.from('utf-8')),
      ...jobs.flatMap(([id, name]) => [Buffer.from([0x02]), attr(0x21, 'job-id', int(id)), attr(0x42, 'job-name', Buffer.from(name))]),
      Buffer.from([0x03]),
    ]);
  };

  it('reads each job’s id and name, says "none" for an unknown queue, and nothing for an error or a cut reply', () => {
    assert.deepEqual(
      parseJobs(
        answer(0, [
          [7, 'card 2026 [k1-7]'],
          [8, 'sheet [k1-8]'],
        ]),
      ),
      [
        { id: 7, name: 'card 2026 [k1-7]' },
        { id: 8, name: 'sheet [k1-8]' },
      ],
    );
    assert.deepEqual(parseJobs(answer(0x0406, [])), [], 'no such queue: no job of ours in it');
    assert.equal(parseJobs(answer(0x0500, [])), null);
    assert.equal(parseJobs(answer(0, [[7, 'card [k1-7]']]).subarray(0, 40)), null);
  });

  it('asks the queue for every job, finished ones included, with their names', () => {
    const req = getJobsRequest('Kiosk Card');
    assert.equal(req.readUInt16BE(2), 0x000a);
    for (const part of ['ipp://localhost/printers/Kiosk%20Card', 'which-jobs', 'all', 'job-id', 'job-name']) assert.ok(req.includes(Buffer.from(part)), part);
  });
});
