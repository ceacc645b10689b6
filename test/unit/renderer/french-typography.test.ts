import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { en } from '../../../renderer/i18n/en.ts';
import { fr } from '../../../renderer/i18n/fr.ts';
import { translate } from '../../../renderer/i18n/index.tsx';

/** U+202F, the narrow no-break space French sets before ? ! ; and U+00A0 before a colon and inside « ». */
const NNBSP = '\u202f';
const NBSP = '\u00a0';

/** Where a line could break before a question mark, or inside guillemets, as a French reader would not have it. */
function breakable(text: string): string | null {
  const m = / [?!;:»]|« /.exec(text);
  return m ? text.slice(Math.max(0, m.index - 20), m.index + 3) : null;
}

describe('French typography: no line breaks before ? ! ; : or inside « »', () => {
  it('every French string keeps its punctuation with the word before it', () => {
    const found = Object.entries(fr)
      .map(([key, text]) => [key, breakable(text)] as const)
      .filter(([, where]) => where !== null);
    assert.deepEqual(found, []);
  });

  it('uses the narrow space before ? ! ; and the no-break space before : and inside « »', () => {
    assert.ok(fr['faq.q1'].endsWith(`RM${NNBSP}?`), fr['faq.q1']);
    assert.ok(fr['link.down'].includes(`toute seule${NBSP}: patientez`), fr['link.down']);
    assert.ok(fr['faq.a2'].includes(`«${NBSP}Mot de passe oublié${NNBSP}?${NBSP}»`), fr['faq.a2']);
    // Filled in, a sentence keeps them.
    assert.ok(translate('fr', 'path.next', { name: 'Photo' }).includes(`suivante${NBSP}: Photo`));
  });

  it('English keeps its own rules: no space at all before its punctuation', () => {
    const spaced = Object.entries(en).filter(([, text]) => /[ \u00a0\u202f][?!;:]/.test(text));
    assert.deepEqual(spaced, []);
  });
});
