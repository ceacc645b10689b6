import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emailTypoSuggestion, isEmail, normaliseEmail } from '../../../../main/shared/rules/email.ts';
import { checkPassword } from '../../../../main/shared/rules/password.ts';
import { formatMobile } from '../../../../main/shared/rules/phone-format.ts';

describe('password rules (CNIL 2022)', () => {
  it('12+ characters with upper, lower, digit and special', () => {
    assert.equal(checkPassword('Boulange-2026').met, 'mixed12');
    assert.equal(checkPassword('Boulange2026').met, null, '12 without special');
    assert.equal(checkPassword('Boul-2026').met, null, 'too short');
  });
  it('or 14+ without special', () => {
    assert.equal(checkPassword('Boulangerie2026').met, 'long14');
    assert.equal(checkPassword('boulangerie2026').met, null, 'no upper case');
  });
  it('or a passphrase of 7 words', () => {
    assert.equal(checkPassword('le pain de mie sort du four').met, 'passphrase7');
    assert.equal(checkPassword('le pain sort du four').met, null);
  });
  it('counts accented letters as letters and reports each part for the checklist', () => {
    const c = checkPassword('Élodie-été-2026');
    assert.deepEqual([c.upper, c.lower, c.digit, c.special, c.length12, c.met], [true, true, true, true, true, 'mixed12']);
    assert.equal(checkPassword('').met, null);
  });
});

describe('e-mail addresses', () => {
  it('accepts common addresses and refuses malformed ones', () => {
    for (const ok of ['camille.durand@gmail.com', ' Camille@Orange.FR ', 'jp+kiosk@menuiserie-muller.alsace']) assert.ok(isEmail(ok), ok);
    for (const bad of ['', 'camille', 'camille@', '@gmail.com', 'camille@gmail', 'camille@@gmail.com', 'cam ille@gmail.com'.replace(' ', '\u0000'), 'a@b..fr'])
      assert.ok(!isEmail(bad), bad);
    assert.equal(normaliseEmail(' Camille@Orange.FR '), 'camille@orange.fr');
  });
  it('suggests the domain a person probably meant', () => {
    assert.equal(emailTypoSuggestion('camille@gmial.com'), 'camille@gmail.com');
    assert.equal(emailTypoSuggestion('jp@wanado.fr'), 'jp@wanadoo.fr');
    assert.equal(emailTypoSuggestion('camille@gmail.com'), null);
  });
});

describe('mobile numbers on screen', () => {
  it('writes them as people do, metropolitan and overseas', () => {
    assert.equal(formatMobile('+33612345678'), '06 12 34 56 78');
    assert.equal(formatMobile('+590690123456'), '0690 12 34 56');
    assert.equal(formatMobile('+262692123456'), '0692 12 34 56');
    assert.equal(formatMobile('+447911123456'), '+447911123456');
  });
});
