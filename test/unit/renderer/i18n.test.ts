import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ERROR_CODES } from '../../../main/shared/errors.ts';
import { en } from '../../../renderer/i18n/en.ts';
import { fr, type MessageKey } from '../../../renderer/i18n/fr.ts';
import { translate } from '../../../renderer/i18n/index.tsx';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n', () => {
  it('has a French and an English sentence for every error code', () => {
    for (const code of ERROR_CODES) {
      const key = `error.${code}` as MessageKey;
      assert.ok(fr[key]?.length > 10 && en[key]?.length > 10, code);
      assert.notEqual(fr[key], en[key], `${code} is translated`);
    }
  });
  it('English names the same values as French in every sentence', () => {
    for (const key of Object.keys(fr) as MessageKey[]) assert.deepEqual(placeholders(en[key]), placeholders(fr[key]), key);
  });
  it('fills values in, and leaves unknown ones visible rather than blank', () => {
    assert.equal(translate('fr', 'outcome.found.heading', { firstName: 'Zoé', lastName: 'ÇELIK' }), 'Bonjour Zoé ÇELIK');
    assert.equal(translate('en', 'outcome.found.heading', { firstName: 'Zoé' }), 'Hello Zoé {lastName}');
  });
});
