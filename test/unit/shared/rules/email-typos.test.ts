import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { editDistance, emailTypoSuggestion } from '../../../../main/shared/rules/email.ts';
import { emailForScreen, maskEmail } from '../../../../main/shared/rules/email-mask.ts';

// What people type at a French front desk, and what they meant.
const TYPOS: readonly [string, string][] = [
  ['jean.dupond@gmial.com', 'jean.dupond@gmail.com'],
  ['jean.dupond@gmial.fr', 'jean.dupond@gmail.com'],
  ['Jean.Dupond@GMIAL.COM', 'jean.dupond@gmail.com'],
  ['jean@gmal.com', 'jean@gmail.com'],
  ['jean@gamil.com', 'jean@gmail.com'],
  ['jean@gmai.com', 'jean@gmail.com'],
  ['jean@gmaill.com', 'jean@gmail.com'],
  ['jean@gmail.fr', 'jean@gmail.com'],
  ['jean@gmail.co', 'jean@gmail.com'],
  ['jean@gmail.con', 'jean@gmail.com'],
  ['jean@gmail.cpm', 'jean@gmail.com'],
  ['jean@gmail', 'jean@gmail.com'],
  ['jean@gmailcom', 'jean@gmail.com'],
  ['jean@gmail,com', 'jean@gmail.com'],
  ['jean@hotmial.com', 'jean@hotmail.com'],
  ['jean@hotmial.fr', 'jean@hotmail.fr'],
  ['jean@hotmal.fr', 'jean@hotmail.fr'],
  ['jean@hotmail.fe', 'jean@hotmail.fr'],
  ['jean@hotmail.frr', 'jean@hotmail.fr'],
  ['jean@hotmail.con', 'jean@hotmail.com'],
  ['jean@orange.fe', 'jean@orange.fr'],
  ['jean@ornage.fr', 'jean@orange.fr'],
  ['jean@orange.com', 'jean@orange.fr'],
  ['jean@wanado.fr', 'jean@wanadoo.fr'],
  ['jean@wanadoo.com', 'jean@wanadoo.fr'],
  ['jean@wanadou.fr', 'jean@wanadoo.fr'],
  ['jean@lapost.net', 'jean@laposte.net'],
  ['jean@laposte.fr', 'jean@laposte.net'],
  ['jean@laposte.nte', 'jean@laposte.net'],
  ['jean@free.fe', 'jean@free.fr'],
  ['jean@free.com', 'jean@free.fr'],
  ['jean@sfr.fe', 'jean@sfr.fr'],
  ['jean@sfr.com', 'jean@sfr.fr'],
  ['jean@outlok.fr', 'jean@outlook.fr'],
  ['jean@outlook.con', 'jean@outlook.com'],
  ['jean@yaho.fr', 'jean@yahoo.fr'],
  ['jean@yahou.fr', 'jean@yahoo.fr'],
  ['jean@yahoo.fe', 'jean@yahoo.fr'],
  ['jean@icloud.con', 'jean@icloud.com'],
  ['contact@menuiserie-muller.fe', 'contact@menuiserie-muller.fr'],
  ['contact@boulangerie-durand.frr', 'contact@boulangerie-durand.fr'],
  ['contact@atelier-bois.con', 'contact@atelier-bois.com'],
];

// Right as typed: no hint may suggest otherwise.
const CORRECT: readonly string[] = [
  'jean.dupond@gmail.com',
  'jean@orange.fr',
  'jean@wanadoo.fr',
  'jean@laposte.net',
  'jean@free.fr',
  'jean@sfr.fr',
  'jean@neuf.fr',
  'jean@hotmail.fr',
  'jean@hotmail.com',
  'jean@hotmail.it',
  'jean@outlook.fr',
  'jean@outlook.com',
  'jean@outlook.de',
  'jean@live.fr',
  'jean@yahoo.fr',
  'jean@yahoo.com',
  'jean@yahoo.de',
  'jean@yahoo.co.uk',
  'jean@icloud.com',
  'jean@aol.fr',
  'jean@gmx.de',
  'jean@proton.me',
  'jean@mail.com',
  'jean@email.fr',
  'jp+kiosk@menuiserie-muller.alsace',
  'contact@boulangerie-durand.fr',
  'contact@la-grange.fr',
  'contact@grange.fr',
  'contact@orange-business.com',
  'contact@free-lance.fr',
  'camille@cma-idf.fr',
  'camille@univ-lyon1.fr',
  'camille@artisanat.fr',
  'camille@example.co',
];

describe('e-mail typo hints', () => {
  for (const [typed, meant] of TYPOS) {
    it(`suggests ${meant} for ${typed}`, () => assert.equal(emailTypoSuggestion(typed), meant));
  }
  it('suggests nothing for addresses that are right as typed', () => {
    const wrongly = CORRECT.filter((e) => emailTypoSuggestion(e) !== null).map((e) => `${e} -> ${emailTypoSuggestion(e)}`);
    assert.deepEqual(wrongly, []);
  });
  it('suggests nothing while the address is only begun', () => {
    for (const partial of ['', 'j', 'jean', 'jean@', '@gmial.com', 'jean@g', 'jean@gm']) assert.equal(emailTypoSuggestion(partial), null, partial);
  });
  it('counts a swap of two neighbouring letters as one slip', () => {
    assert.equal(editDistance('gmial', 'gmail'), 1);
    assert.equal(editDistance('hotmail', 'hotmail'), 0);
    assert.equal(editDistance('orange', 'grange'), 1);
    assert.equal(editDistance('', 'sfr'), 3);
  });
});

describe('e-mail addresses shown on screen', () => {
  it('masks an address down to its first letter and its domain', () => {
    assert.equal(maskEmail('jean.dupond@gmail.com'), 'j•••@gmail.com');
    assert.equal(maskEmail(' J@Orange.FR '), 'j•••@orange.fr');
    assert.equal(maskEmail('éloïse@laposte.net'), 'é•••@laposte.net');
    assert.equal(maskEmail('not an address'), '•••');
  });
  it('shows whole only an address typed in this visit', () => {
    assert.equal(emailForScreen('jean.dupond@gmail.com', ['Jean.Dupond@gmail.com ']), 'jean.dupond@gmail.com');
    assert.equal(emailForScreen('jean.dupond@gmail.com', ['']), 'j•••@gmail.com');
    assert.equal(emailForScreen('jean.dupond@gmail.com', ['jean@gmail.com']), 'j•••@gmail.com');
    assert.equal(emailForScreen('', ['']), '•••');
  });
});
