import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { toTuple } from '../../../main/demo-registry/registry-store.ts';
import { generateArtisans } from '../../../main/demo-registry/seed.ts';
import { artisanTupleSchema, isArtisanTuple, tupleToArtisan } from '../../../main/registry/wire.ts';

const valid = generateArtisans(300, 9).map(toTuple);

// Replacement values that break (or keep) a field: wrong types, too long, bad formats.
const junk = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    0,
    -1,
    1.5,
    true,
    '',
    'x',
    'RM',
    '12345',
    '2024-13',
    '1980-07-14',
    '02A',
    '1071AB',
    'artisan',
    'none',
    [],
    {},
    [''],
    ['a'],
    [{}],
  ),
  fc.string({ maxLength: 300 }),
  fc.integer(),
  fc.array(fc.string({ maxLength: 70 }), { maxLength: 8 }),
  fc
    .record({
      codeAprm: fc.constantFrom('1071AB', '10a1AB', 'x'),
      descriptionDetaillee: fc.string({ maxLength: 210 }),
      indicateurPrincipal: fc.constantFrom(true, 'yes'),
    })
    .map((a) => [a]),
  fc.record({ voie: fc.string(), complement: fc.constantFrom(null, 3, 'b'), codePostal: fc.string({ maxLength: 12 }), commune: fc.string() }),
);

describe('artisan tuple check', () => {
  it('accepts every generated artisan, as zod does', () => {
    for (const t of valid) {
      assert.equal(artisanTupleSchema.safeParse(t).success, true);
      assert.equal(isArtisanTuple(t), true, t[0]);
    }
  });
  it('gives the same verdict as the zod schema on 20,000 damaged rows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: valid.length - 1 }), fc.integer({ min: -1, max: 18 }), junk, (row, field, value) => {
        const t: unknown[] = structuredClone(valid[row] ?? []);
        if (field === -1) t.pop();
        else if (field === 18) t.push(value);
        else t[field] = value;
        return isArtisanTuple(t) === artisanTupleSchema.safeParse(t).success;
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('named artisan', () => {
  it('names each tuple field as ARTISAN_FIELDS says', () => {
    const t = valid[0];
    assert.ok(t);
    const a = tupleToArtisan(t);
    assert.deepEqual(
      [a.rmNumber, a.nom, a.prenoms, a.dateDeNaissance, a.qualiteArtisan, a.version],
      ['123123127RM078', 'DURAND', ['Camille'], '1980-07-14', 'maitre-artisan', 1],
    );
    const usage: string | null = a.nomUsage;
    assert.equal(usage, null);
  });
});
