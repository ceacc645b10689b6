import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { localIsoDate, parseBirthDate } from '../../../main/identity/birth-date.ts';

const TODAY = '2026-11-27';
const check = (day: string, month: string, year: string) => parseBirthDate({ day, month, year }, TODAY);

describe('date of birth check', () => {
  it('accepts a real date and returns it as ISO, padding one-digit parts', () => {
    assert.deepEqual(check('14', '07', '1980'), { ok: true, value: '1980-07-14' });
    assert.deepEqual(check('2', '3', '1975'), { ok: true, value: '1975-03-02' });
    assert.deepEqual(check(' 30 ', '11', '1968'), { ok: true, value: '1968-11-30' });
  });
  it('accepts 29 February in a leap year only', () => {
    assert.equal(check('29', '02', '1980').ok, true);
    assert.deepEqual(check('29', '02', '1981'), { ok: false, reason: 'date-invalid' });
    assert.equal(check('29', '02', '2000').ok, true);
  });
  it('names what is wrong', () => {
    const cases: [string, string, string, string][] = [
      ['', '', '', 'date-empty'],
      ['14', '', '1980', 'date-incomplete'],
      ['aa', '07', '1980', 'date-format'],
      ['14', '07', '80', 'date-format'],
      ['123', '07', '1980', 'date-format'],
      ['31', '02', '1980', 'date-invalid'],
      ['31', '04', '1980', 'date-invalid'],
      ['14', '13', '1980', 'date-invalid'],
      ['0', '07', '1980', 'date-invalid'],
      ['28', '11', '2026', 'date-future'],
      ['01', '01', '2030', 'date-future'],
      ['14', '07', '1800', 'date-too-old'],
      ['01', '01', '2015', 'date-too-young'],
    ];
    for (const [d, m, y, reason] of cases) assert.deepEqual(check(d, m, y), { ok: false, reason }, `${d}/${m}/${y}`);
  });
  it('counts age by birthdays: 16 on the day, not the day before', () => {
    assert.equal(check('27', '11', '2010').ok, true);
    assert.deepEqual(check('28', '11', '2010'), { ok: false, reason: 'date-too-young' });
  });
  it('reads today in local time', () => {
    assert.equal(localIsoDate(new Date(2026, 0, 5, 23, 59)), '2026-01-05');
  });
});
