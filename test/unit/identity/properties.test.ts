import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseBirthDate } from '../../../main/identity/birth-date.ts';
import { parseRmNumber } from '../../../main/identity/rm-number.ts';
import { RM_VECTORS } from '../../support/vectors.ts';

const RM_REASONS = new Set(['empty', 'format', 'siren-length', 'siren-checksum', 'register', 'register-department', 'department']);
const DATE_REASONS = new Set(['date-empty', 'date-incomplete', 'date-format', 'date-invalid', 'date-future', 'date-too-old', 'date-too-young']);

// Inputs near the real shape find more than random noise: digits, register letters,
// department-like tails and separators, mixed with arbitrary unicode.
const rmLike = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc
    .tuple(
      fc.stringMatching(/^\d{0,11}$/),
      fc.constantFrom('', ' ', '.', '-', '\u00a0'),
      fc.constantFrom('RM', 're', 'RE', 'rm', 'XX', 'R', ''),
      fc.constantFrom('', ' ', '-'),
      fc.stringMatching(/^(\d{0,4}|0?2[abAB]|9[0-9]{2})$/),
    )
    .map((parts) => parts.join('')),
  fc.constantFrom(...RM_VECTORS.valid.map((v) => v.input), ...RM_VECTORS.invalid.map((v) => v.input)),
);

describe('RM parser and date check, each under 100,000 generated inputs', () => {
  it('the RM parser never throws, names a known reason, and is idempotent', () => {
    fc.assert(
      fc.property(rmLike, (input) => {
        const r = parseRmNumber(input);
        if (!r.ok) return RM_REASONS.has(r.reason);
        const again = parseRmNumber(r.value.rmNumber);
        return again.ok && again.value.rmNumber === r.value.rmNumber && r.value.rmNumber === `${r.value.siren}${r.value.register}${r.value.department}`;
      }),
      { numRuns: 100_000 },
    );
  });
  it('the date check never throws and every accepted date is a real past date', () => {
    const part = fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -5, max: 3000 }).map(String), fc.stringMatching(/^\d{1,4}$/));
    fc.assert(
      fc.property(part, part, part, (day, month, year) => {
        const r = parseBirthDate({ day, month, year }, '2026-11-27');
        if (!r.ok) return DATE_REASONS.has(r.reason);
        const [y, m, d] = r.value.split('-').map(Number);
        const date = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d));
        return date.getUTCDate() === d && r.value <= '2026-11-27';
      }),
      { numRuns: 100_000 },
    );
  });
});
