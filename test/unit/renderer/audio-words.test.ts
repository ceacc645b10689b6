import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KEYPAD } from '../../../renderer/audio/audio-keys.ts';
import { charName, forTheEar, groupsFor, SYMBOLS, spell } from '../../../renderer/audio/characters.ts';
import { SPEECH_MAX, sentences, speechPieces } from '../../../renderer/audio/describe.ts';
import { type Locale, translate } from '../../../renderer/i18n/index.tsx';

const t = (locale: Locale) => (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(locale, key, params);

describe('audio mode: the keypad, as the issue and the help say', () => {
  it('each key of a numeric keypad does what the help says, with Num Lock on or off (KeyboardEvent.code)', () => {
    assert.deepEqual(
      { ...KEYPAD },
      {
        Numpad8: 'previous',
        Numpad2: 'next',
        Numpad4: 'choice-previous',
        Numpad6: 'choice-next',
        Numpad7: 'group-previous',
        Numpad9: 'group-next',
        Numpad5: 'activate',
        NumpadEnter: 'activate',
        NumpadSubtract: 'erase',
        Numpad0: 'repeat',
        NumpadDecimal: 'back',
        NumpadMultiply: 'help',
        NumpadDivide: 'dark',
        NumpadAdd: 'rate',
        Numpad1: 'volume-down',
        Numpad3: 'volume-up',
      },
    );
  });

  for (const locale of ['fr', 'en'] as const) {
    it(`the help said by * names every key the keypad has (${locale})`, () => {
      const help = translate(locale, 'audio.help');
      for (const digit of ['8', '2', '5', '4', '6', '7', '9', '0', '1', '3']) assert.ok(help.includes(digit), `${digit} missing from: ${help}`);
      const words = locale === 'fr' ? ['Entrée', 'Moins', 'Point', 'Barre oblique', 'Plus', 'Étoile'] : ['Enter', 'Minus', 'Dot', 'Slash', 'Plus', 'Star'];
      for (const word of words) assert.ok(help.includes(word), `${word} missing from: ${help}`);
    });
  }
});

describe('audio mode: characters as they are heard', () => {
  for (const locale of ['fr', 'en'] as const) {
    it(`every symbol of the picker has its own name (${locale}): none said as itself, none shares a name`, () => {
      const names = SYMBOLS.map((c) => charName(c, t(locale)));
      assert.equal(translate(locale, 'audio.char.symbols').split('|').length, SYMBOLS.length);
      assert.equal(new Set(names).size, SYMBOLS.length, names.join(', '));
      for (const [i, name] of names.entries()) assert.notEqual(name, SYMBOLS[i]);
    });
  }

  it('an e-mail is spelt with its symbols by name, and a capital is said as one', () => {
    assert.equal(spell('cd@ab.fr', t('fr')), 'cd arobase ab point fr');
    assert.equal(spell('jean-pierre.muller@example.com', t('en')), 'jean dash pierre dot muller at example dot com');
    assert.equal(charName('A', t('fr')), 'a majuscule');
    assert.equal(charName('A', t('en')), 'capital a');
    assert.equal(charName(' ', t('fr')), 'espace');
  });

  it('digits are said one by one: a number is never read as a large number', () => {
    assert.equal(spell('123123127RM078', t('fr')), '1 2 3 1 2 3 1 2 7 RM 0 7 8');
    assert.equal(spell('06 12', t('en')), '0 6 space 1 2');
  });

  it('the groups 7 and 9 go through: letters, capitals, digits, symbols; digits only for a date; the RM number its own keys', () => {
    assert.deepEqual(
      groupsFor('text', false).map((g) => g.name),
      ['lower', 'upper', 'digits', 'symbols'],
    );
    assert.deepEqual(
      groupsFor('password', false).map((g) => g.chars.length),
      [26, 26, 10, SYMBOLS.length],
    );
    assert.deepEqual(
      groupsFor('digits', false).map((g) => g.name),
      ['digits'],
    );
    assert.deepEqual(groupsFor('text', true), [
      { name: 'digits', chars: '0123456789'.split('') },
      { name: 'rm', chars: ['RM', 'RE', 'A', 'B'] },
    ]);
    // "RM" is said letter by letter, as on the card.
    assert.equal(charName('RM', t('fr')), 'R M');
    // Every symbol an e-mail address may hold is in the picker (RFC 5322's usual ones).
    for (const c of ['.', '@', '_', '-', '+']) assert.ok((SYMBOLS as readonly string[]).includes(c), c);
  });
});

describe('audio mode: a sentence made ready for the ear', () => {
  it('an order number is spelt, to be written down or repeated at the desk; "n°" and "no." are said as words', () => {
    assert.equal(forTheEar('Commande n° P251201-003', t('fr')), 'Commande numéro P 2 5 1 2 0 1 tiret 0 0 3');
    assert.equal(forTheEar('Order no. P251201-003', t('en')), 'Order number P 2 5 1 2 0 1 dash 0 0 3');
  });

  it('everything else is left as written: a spaced RM number, a year, a time, an amount, an e-mail', () => {
    for (const sentence of ['401 234 562 RE 067', 'Carte professionnelle 2026', 'jusqu’à 15:42', 'Montant : 5,00 €', 'cd1@ab.fr', 'No, thanks.'])
      assert.equal(forTheEar(sentence, t('fr')), sentence);
  });
});

describe('audio mode: sentences as the speech port takes them', () => {
  it('parts said one after the other end as sentences, with no ".." where a part already ends', () => {
    assert.equal(sentences(['Ma carte', '', 'Voici votre carte.', 'Montant : 5 €', 'Prêt ?']), 'Ma carte. Voici votre carte. Montant : 5 €. Prêt ?');
  });

  it('a short text goes whole', () => {
    assert.deepEqual(speechPieces('Bonjour. Au revoir.'), ['Bonjour. Au revoir.']);
    assert.deepEqual(speechPieces(''), []);
  });

  it('a long text goes in pieces the port takes, each cut after a sentence, nothing lost or reordered', () => {
    const said = Array.from({ length: 60 }, (_, i) => `Phrase numéro ${i}, assez longue pour compter.`).join(' ');
    const pieces = speechPieces(said);
    assert.ok(pieces.length > 1);
    for (const piece of pieces) {
      assert.ok(piece.length <= SPEECH_MAX, `${piece.length}`);
      assert.match(piece, /\.$/, 'cut after a sentence');
    }
    assert.equal(pieces.join(' '), said);
  });

  it('a sentence longer than a piece is cut between words', () => {
    const said = Array.from({ length: 400 }, () => 'mot').join(' ');
    const pieces = speechPieces(said);
    assert.ok(pieces.every((p) => p.length <= SPEECH_MAX && !p.startsWith(' ') && !p.endsWith(' ')));
    assert.equal(pieces.join(' '), said);
  });
});
