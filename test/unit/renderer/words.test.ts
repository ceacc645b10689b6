import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { en } from '../../../renderer/i18n/en.ts';
import { fr } from '../../../renderer/i18n/fr.ts';
import { translate } from '../../../renderer/i18n/index.tsx';
import { rmErrorNow } from '../../../renderer/screens/identify/rm-error.ts';

describe('words for people, not engineers', () => {
  it('counts in each language’s grammar: no "essai(s)" or "attempt(s)" anywhere', () => {
    for (const [name, messages] of [
      ['fr', fr],
      ['en', en],
    ] as const) {
      const bracketed = Object.entries(messages).filter(([, text]) => /\w\(s\)/.test(text));
      assert.deepEqual(bracketed, [], name);
    }
    assert.match(translate('fr', 'error.LOGIN_FAILED', { count: 4 }), /Il vous reste 4 essais avant/);
    assert.match(translate('fr', 'error.LOGIN_FAILED', { count: 1 }), /Il vous reste un seul essai avant/);
    assert.match(translate('fr', 'error.PIN_WRONG', { count: 0 }), /Il reste 0 essai avant/);
    assert.match(translate('en', 'error.LOGIN_FAILED', { count: 4 }), /You have 4 attempts left/);
    assert.match(translate('en', 'error.LOGIN_FAILED', { count: 1 }), /You have one attempt left/);
    assert.match(translate('en', 'error.PIN_WRONG', { count: 0 }), /^Wrong code\. 0 attempts left/);
  });
  it('leaves a plural visible, rather than blank, when its count is missing', () => {
    assert.match(translate('fr', 'error.PIN_WRONG'), /\{count, plural,/);
  });
  it('says what to do about a SIREN that cannot exist, not which check failed', () => {
    assert.doesNotMatch(fr['error.RM_CHECKSUM'], /dernier chiffre|8 premiers|Luhn/);
    assert.match(fr['error.RM_CHECKSUM'], /ne peut pas exister.*9 premiers chiffres/);
  });
});

describe('the RM number’s error as the identify screen shows it', () => {
  it('names a department that does not exist', () => {
    const error = rmErrorNow({ key: 'error.RM_DEPARTMENT' }, '123 123 127 RM 2C');
    assert.deepEqual(error, { key: 'identify.rm.noSuchDepartment', params: { department: '2C' } });
    assert.equal(
      translate('fr', error?.key ?? 'error.RM_DEPARTMENT', error?.params),
      '2C n’est pas un numéro de département : terminez par celui de votre département, par exemple 78, 2A ou 974.',
    );
    assert.match(translate('en', error?.key ?? 'error.RM_DEPARTMENT', error?.params), /^2C is not a department number/);
  });
  it('keeps the plain sentence when no department was typed', () => {
    assert.deepEqual(rmErrorNow({ key: 'error.RM_DEPARTMENT' }, '123123127RM'), { key: 'error.RM_DEPARTMENT' });
  });
  it('stops showing an error once what it said is put right, and not before', () => {
    assert.deepEqual(rmErrorNow({ key: 'error.RM_CHECKSUM' }, '123123123RM078'), { key: 'error.RM_CHECKSUM' });
    assert.equal(rmErrorNow({ key: 'error.RM_CHECKSUM' }, '123123127RM078'), undefined);
    assert.equal(rmErrorNow({ key: 'error.RM_DEPARTMENT' }, '123123127RM2A'), undefined);
    assert.equal(rmErrorNow({ key: 'error.RM_EMPTY' }, '1'), undefined);
  });
  it('leaves errors that are not about the number’s shape as they came', () => {
    const general = { key: 'error.REGISTRY_UNREACHABLE' } as const;
    assert.equal(rmErrorNow(general, '123123127RM078'), general);
    assert.equal(rmErrorNow(undefined, ''), undefined);
  });
});
