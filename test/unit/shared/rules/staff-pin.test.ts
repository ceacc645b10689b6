import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type PinRefusal, pinRefusal } from '../../../../main/shared/rules/staff-pin.ts';

// Each refused PIN with the reason the agent reads; each accepted one is a PIN a desk may use.
const REFUSED: [string, PinRefusal][] = [
  ['', 'format'],
  ['12ab56', 'format'],
  ['48291', 'format'],
  ['482913057', 'format'],
  [' 482913', 'format'],
  ['111111', 'repeated'],
  ['00000000', 'repeated'],
  ['121212', 'repeated'],
  ['123123', 'repeated'],
  ['11112222', 'repeated'],
  ['112211', 'repeated'],
  ['123456', 'sequence'],
  ['654321', 'sequence'],
  ['890123', 'sequence'],
  ['12345678', 'sequence'],
  ['98765432', 'sequence'],
  ['140780', 'date'],
  ['311299', 'date'],
  ['071980', 'date'],
  ['198007', 'date'],
  ['14071980', 'date'],
  ['19800714', 'date'],
  ['07142001', 'date'],
];
const ACCEPTED = ['482913', '735190', '590417', '30918472', '8264053', '409183'];

describe('staff PINs', () => {
  for (const [pin, reason] of REFUSED) {
    it(`refuses '${pin}' (${reason})`, () => assert.equal(pinRefusal(pin), reason));
  }
  for (const pin of ACCEPTED) {
    it(`accepts '${pin}'`, () => assert.equal(pinRefusal(pin), null));
  }
});
