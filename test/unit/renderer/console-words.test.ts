import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PRINT_ERROR_KINDS } from '../../../main/printing/print-errors.ts';
import type { PvcOrderState } from '../../../main/shared/orders.ts';
import type { PrintStatus } from '../../../main/shared/print-jobs.ts';
import type { PrinterState } from '../../../main/shared/printers.ts';
import { ID_DOCUMENTS } from '../../../main/shared/staff.ts';
import { en } from '../../../renderer/i18n/en.ts';
import { fr } from '../../../renderer/i18n/fr.ts';

// Written out so that a state added to a type without its words fails here (the console
// builds these keys from values, where the compiler cannot follow).
const PRINTER_STATES: readonly PrinterState[] = [
  'ready',
  'printing',
  'paused',
  'not-accepting',
  'offline',
  'not-configured',
  'spooler-down',
  'no-such-printer',
  'unknown',
];
const JOB_STATUSES: readonly PrintStatus[] = ['recorded', 'sent', 'printing', 'completed', 'failed'];
const ORDER_STATES: readonly PvcOrderState[] = ['requested', 'paid', 'printing', 'printed', 'failed', 'handed-over', 'cancelled'];

describe('the console says every state in words, in both languages', () => {
  it('print failures, printer states, job statuses, order states and identity documents', () => {
    const keys = [
      ...PRINT_ERROR_KINDS.map((k) => `print.error.${k}`),
      ...PRINTER_STATES.map((s) => `printers.state.${s}`),
      ...JOB_STATUSES.map((s) => `printers.job.${s}`),
      ...ORDER_STATES.map((s) => `orders.state.${s}`),
      ...ID_DOCUMENTS.map((d) => `issue.doc.${d}`),
    ];
    assert.deepEqual(
      keys.filter((k) => !(k in fr) || !(k in en)),
      [],
    );
  });
});
