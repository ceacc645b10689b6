import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEPARTMENT_CODES, registerOf } from '../../../main/identity/departments.ts';
import { luhnCheckDigit, luhnValid } from '../../../main/identity/luhn.ts';
import { parseRmNumber } from '../../../main/identity/rm-number.ts';
import { RM_VECTORS } from '../../support/vectors.ts';

describe('RM number parser', () => {
  for (const v of RM_VECTORS.valid) {
    it(`accepts ${JSON.stringify(v.input)} as ${v.rmNumber}`, () => {
      assert.deepEqual(parseRmNumber(v.input), { ok: true, value: { rmNumber: v.rmNumber, siren: v.siren, register: v.register, department: v.department } });
    });
  }
  for (const v of RM_VECTORS.invalid) {
    it(`refuses ${JSON.stringify(v.input)} for ${v.reason}`, () => {
      const r = parseRmNumber(v.input);
      assert.equal(r.ok, false);
      assert.equal(!r.ok && r.reason, v.reason);
    });
  }
  it('names the department that does not exist as it was typed, for the sentence to say it', () => {
    for (const [input, department] of [
      ['123123127RM2C', '2C'],
      ['123123127rm02c', '02C'],
      ['123123127RM096', '096'],
      ['123123127RM20', '20'],
      ['123123127RM', ''],
    ] as const) {
      assert.deepEqual(parseRmNumber(input), { ok: false, reason: 'department', department }, input);
    }
  });
  it('still says which other part is wrong before looking at a department-like ending', () => {
    assert.deepEqual(parseRmNumber('123123123RM2C'), { ok: false, reason: 'siren-checksum' });
    assert.deepEqual(parseRmNumber('123123127RE2C'), { ok: false, reason: 'department', department: '2C' });
    assert.deepEqual(parseRmNumber('123123127RM2AB'), { ok: false, reason: 'format' });
  });
  it('accepts non-breaking spaces and dashes as people paste them', () => {
    const r = parseRmNumber('\u00a0123\u202f123\u00a0127 – rm-078 '.replace('–', '-'));
    assert.equal(r.ok && r.value.rmNumber, '123123127RM078');
  });
  it('knows 101 departments: 001-095 without 020, 2A, 2B and 971-976', () => {
    assert.equal(DEPARTMENT_CODES.length, 94 + 2 + 6);
    assert.ok(!DEPARTMENT_CODES.includes('020'));
    assert.deepEqual(
      DEPARTMENT_CODES.filter((d) => registerOf(d) === 'RE'),
      ['057', '067', '068'],
    );
  });
  it('computes the Luhn digit that the SIREN check expects', () => {
    assert.equal(luhnCheckDigit('12312312'), '7');
    assert.ok(luhnValid('732829320'));
    assert.ok(!luhnValid('123123123'));
  });
});
