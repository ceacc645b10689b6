import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/index.tsx';
import { KeyButton } from '../key-button.tsx';
import { keepInSight } from './keep-in-sight.ts';
import { KEYBOARD_KINDS, type KeyboardKind, typeInto } from './type-into.ts';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];
// AZERTY, as on French keyboards, with the letters people need for French names.
const LETTERS = [
  ['a', 'z', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p'],
  ['q', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm'],
  ['w', 'x', 'c', 'v', 'b', 'n', "'", '-'],
];
const ACCENTS = ['é', 'è', 'ê', 'à', 'â', 'ç', 'ù', 'î', 'ô', 'ë'];
// Every printable ASCII sign (passwords may hold any of them), the common ones first, and €.
const SYMBOLS = [...'.@_-+!?#$%&*=/:;,()\'"<>[]{}\\|^`~€'];
// On the letters of an address or a password, the signs nearly every one of them has.
const EMAIL_KEYS = ['@', '.', '_', '.fr', '.com'];
const PASSWORD_KEYS = ['@', '.', '_'];
const DOMAINS = ['@gmail.com', '@orange.fr', '@hotmail.fr', '@free.fr', '@laposte.net', '@outlook.fr', '@yahoo.fr', '@wanadoo.fr'];

/** The input that has the focus, if it asked for an on-screen keyboard. */
function focusedField(): { input: HTMLInputElement; kind: KeyboardKind } | null {
  const el = document.activeElement;
  if (!(el instanceof HTMLInputElement)) return null;
  const kind = el.dataset.touchKeyboard as KeyboardKind | undefined;
  return kind && KEYBOARD_KINDS.includes(kind) ? { input: el, kind } : null;
}

/**
 * The on-screen keyboard: shown while a field that asks for one has the focus, so that every
 * field can be filled by touch alone. Its keys never take the focus (pointer down is
 * cancelled); with a physical keyboard it simply stays out of the way.
 */
export function TouchKeyboard() {
  const { t } = useT();
  const [field, setField] = useState<ReturnType<typeof focusedField>>(null);
  const [shift, setShift] = useState(false);
  const [symbols, setSymbols] = useState(false);
  const ref = useRef<HTMLFieldSetElement>(null);

  useEffect(() => {
    const update = () => setField(focusedField());
    // After focus leaves, the next element may not have it yet: look once the move is done.
    const later = () => setTimeout(update, 0);
    document.addEventListener('focusin', update);
    document.addEventListener('focusout', later);
    return () => {
      document.removeEventListener('focusin', update);
      document.removeEventListener('focusout', later);
    };
  }, []);

  useEffect(() => {
    // The field stays in sight in the middle of what the keyboard leaves uncovered, with its
    // label and error, even in landscape where the keyboard takes half the screen; and again
    // whenever the keyboard changes height (letters, symbols). The keyboard opens on its
    // letters: an address tapped after a password shows its @ and domains, not the symbols
    // left from before.
    setSymbols(false);
    const board = ref.current;
    if (!field || !board) return;
    // Measured after layout (a ResizeObserver), the keyboard is the one drawn: its letters, not
    // the shorter symbols left from before, under which the field would end up hidden.
    const keep = (centre: boolean) => keepInSight(field.input, board.getBoundingClientRect().top, centre);
    let opened = false;
    const watch = new ResizeObserver(() => {
      // The room under the screens (styles.css) is at least the keyboard's height, so that the
      // last field of a page can always be scrolled above it.
      document.documentElement.style.setProperty('--keyboard-height', `${Math.ceil(board.offsetHeight)}px`);
      keep(!opened);
      opened = true;
    });
    watch.observe(board);
    return () => watch.disconnect();
  }, [field]);

  if (!field) return null;
  const { input, kind } = field;
  const press = (text: string) => {
    typeInto(input, { insert: text });
    if (shift) setShift(false);
  };
  const key = (text: string, label?: string, wide = false) => (
    <KeyButton key={text} className={`tk-key${wide ? ' tk-wide' : ''}`} {...(label ? { 'aria-label': label } : {})} onClick={() => press(text)}>
      {text}
    </KeyButton>
  );
  const numeric = kind === 'numeric' || kind === 'tel';

  return (
    <fieldset ref={ref} className="touch-keyboard" aria-label={t('keyboard.label')} data-audio-skip>
      <div className="tk-row">{DIGITS.map((d) => key(d))}</div>
      {!numeric && !symbols && (
        <>
          {LETTERS.map((row) => (
            <div className="tk-row" key={row.join('')}>
              {row.map((l) => key(shift ? l.toUpperCase() : l))}
            </div>
          ))}
          {kind !== 'email' && <div className="tk-row">{ACCENTS.map((a) => key(shift ? a.toUpperCase() : a))}</div>}
          {kind === 'password' && <div className="tk-row">{PASSWORD_KEYS.map((k) => key(k))}</div>}
        </>
      )}
      {!numeric && symbols && <div className="tk-row tk-wrap">{SYMBOLS.map((s) => key(s))}</div>}
      {kind === 'email' && !symbols && (
        <>
          <div className="tk-row">{EMAIL_KEYS.map((k) => key(k))}</div>
          <div className="tk-row tk-wrap">{DOMAINS.map((d) => key(d, undefined, true))}</div>
        </>
      )}
      {kind === 'tel' && <div className="tk-row">{key('+')}</div>}
      <div className="tk-row">
        {!numeric && (
          <KeyButton className="tk-key tk-wide" aria-pressed={shift} onClick={() => setShift(!shift)}>
            {t('keyboard.shift')}
          </KeyButton>
        )}
        {!numeric && (
          <KeyButton className="tk-key tk-wide" aria-pressed={symbols} onClick={() => setSymbols(!symbols)}>
            {symbols ? t('keyboard.letters') : t('keyboard.symbols')}
          </KeyButton>
        )}
        {!numeric && kind !== 'email' && (
          <KeyButton className="tk-key tk-space" aria-label={t('keyboard.space')} onClick={() => press(' ')}>
            {t('keyboard.space')}
          </KeyButton>
        )}
        {kind === 'password' && (
          // A password is typed unseen: started wrong, it is typed again, not erased letter by letter.
          <KeyButton className="tk-key tk-wide" onClick={() => typeInto(input, { clear: true })}>
            {t('keyboard.clear')}
          </KeyButton>
        )}
        <KeyButton className="tk-key tk-wide" aria-label={t('keypad.eraseLabel')} onClick={() => typeInto(input, { erase: true })}>
          <span aria-hidden="true">⌫ </span>
          {t('keypad.erase')}
        </KeyButton>
      </div>
    </fieldset>
  );
}
