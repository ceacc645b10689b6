import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO_ACCOUNTS, DEMO_IDENTITIES, generateArtisans } from '../../../main/demo-registry/seed.ts';
import { registerOf } from '../../../main/identity/departments.ts';
import { parseRmNumber } from '../../../main/identity/rm-number.ts';

describe('demo data generator', () => {
  const artisans = generateArtisans(3000, 2026);

  it('is deterministic: the same seed gives the same artisans, another seed others', () => {
    assert.deepEqual(generateArtisans(3000, 2026), artisans);
    assert.notDeepEqual(generateArtisans(50, 7).slice(3), artisans.slice(3, 50));
  });

  it('always starts with the three demo identities of the README', () => {
    assert.deepEqual(artisans.slice(0, 3), DEMO_IDENTITIES);
    const [camille, jeanPierre, marieAnge] = artisans;
    assert.deepEqual(
      [camille?.rmNumber, camille?.dateOfBirth, camille?.accountStatus, camille?.qualification],
      ['123123127RM078', '1980-07-14', 'none', 'maitre-artisan'],
    );
    assert.deepEqual([jeanPierre?.rmNumber, jeanPierre?.dateOfBirth, jeanPierre?.accountStatus], ['401234562RE067', '1975-03-02', 'active']);
    assert.deepEqual([marieAnge?.rmNumber, marieAnge?.dateOfBirth, marieAnge?.radiatedOn !== null], ['552032534RM02A', '1968-11-30', true]);
  });

  it('promises no account the demo registry does not hold: only the demo accounts are active or pending', () => {
    const withAccount = artisans.filter((a) => a.accountStatus !== 'none').map((a) => a.rmNumber);
    assert.deepEqual(
      withAccount,
      DEMO_ACCOUNTS.map((a) => a.rmNumber),
    );
    // The draws are unchanged: two artisans the seed used to mark 'active' and 'pending' (a
    // tester met them at a demo desk: a login that always failed, a link never sent) are the
    // same people, now without an account.
    const byNumber = new Map(artisans.map((a) => [a.rmNumber, a]));
    assert.deepEqual([byNumber.get('305692998RM006')?.dateOfBirth, byNumber.get('305692998RM006')?.accountStatus], ['1993-12-04', 'none']);
    assert.deepEqual([byNumber.get('282102037RM043')?.dateOfBirth, byNumber.get('282102037RM043')?.accountStatus], ['1971-03-27', 'none']);
  });

  it('makes valid, unique RM numbers whose register follows the department', () => {
    const seen = new Set<string>();
    for (const a of artisans) {
      const parsed = parseRmNumber(a.rmNumber);
      assert.ok(parsed.ok && parsed.value.rmNumber === a.rmNumber, a.rmNumber);
      assert.equal(a.register, registerOf(a.department));
      assert.ok(!seen.has(a.siren), `duplicate SIREN ${a.siren}`);
      seen.add(a.siren);
    }
  });

  it('covers Alsace-Moselle, Corsica and overseas, radiated artisans, accents and hyphens', () => {
    const departments = new Set(artisans.map((a) => a.department));
    for (const d of ['057', '067', '068', '02A', '02B', '971', '974', '976']) assert.ok(departments.has(d), d);
    const radiated = artisans.filter((a) => a.radiatedOn).length / artisans.length;
    assert.ok(radiated > 0.02 && radiated < 0.07, `radiated share ${radiated}`);
    assert.ok(artisans.some((a) => /[éèçëïœß’ł]/i.test(a.birthName + a.firstNames)));
    assert.ok(artisans.some((a) => a.firstNames.includes('-')));
    assert.ok(artisans.every((a) => a.registeredOn > a.dateOfBirth && (a.radiatedOn === null || a.radiatedOn >= a.registeredOn.slice(0, 4))));
  });

  it('gives each artisan a town of their own department, with its postal code (no "RM 02B — Lille")', () => {
    for (const a of artisans) {
      // Corsica's postal codes kept the old 20; overseas ones start with the three digits.
      const expected = /^02[AB]$/.test(a.department) ? '20' : a.department.startsWith('97') ? a.department : a.department.slice(1);
      assert.ok(a.address.postalCode.startsWith(expected), `${a.rmNumber}: ${a.address.postalCode} ${a.address.city}`);
      assert.match(a.address.postalCode, /^\d{5}$/);
    }
    const generated = artisans.slice(DEMO_IDENTITIES.length);
    assert.deepEqual(
      ['059', '02B', '971', '067'].map((d) => generated.find((a) => a.department === d)?.address.city),
      ['Lille', 'Bastia', 'Pointe-à-Pitre', 'Strasbourg'],
    );
  });
});
