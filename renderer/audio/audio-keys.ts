import type { Translate } from '../i18n/index.tsx';
import { describeControl, describeScreen, focusables, scope, sentences } from './describe.ts';
import type { FieldPicker } from './field-picker.ts';

/** What the keypad keys do, by KeyboardEvent.code (the same with Num Lock on or off). */
export type AudioCommand =
  | 'previous'
  | 'next'
  | 'choice-previous'
  | 'choice-next'
  | 'group-previous'
  | 'group-next'
  | 'activate'
  | 'erase'
  | 'repeat'
  | 'back'
  | 'help'
  | 'dark'
  | 'rate'
  | 'volume-down'
  | 'volume-up';

export const KEYPAD: Readonly<Record<string, AudioCommand>> = {
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
};

/** Moves the focus to the previous or next control; from the heading, to the first one. */
export function moveFocus(step: -1 | 1): HTMLElement | null {
  const list = focusables();
  if (list.length === 0) return null;
  // A button that went away with the focus (the camera's, once the photo is taken) leaves it on
  // the page itself: carry on from the screen's heading, not from the top bar.
  const lost = !document.activeElement || document.activeElement === document.body;
  const active = lost ? (document.querySelector('main h1') ?? document.activeElement) : document.activeElement;
  let at = active instanceof HTMLElement ? list.indexOf(active) : -1;
  if (at < 0 && active instanceof HTMLElement) {
    // The focus is on something not in the list (the screen's heading): start from where it is.
    const after = list.findIndex((el) => active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
    at = step > 0 ? (after < 0 ? -1 : after - 1) : after < 0 ? list.length : after;
  }
  const target = list[(at + step + list.length) % list.length] ?? null;
  target?.focus();
  return target;
}

/** The radio next to this one in its group, chosen (4 / 6 on a choice). */
function moveChoice(radio: HTMLInputElement, step: -1 | 1): HTMLInputElement | null {
  const group = [...(radio.form ?? document).querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(radio.name)}"]`)];
  const next = group[(group.indexOf(radio) + step + group.length) % group.length];
  next?.focus();
  next?.click();
  return next ?? null;
}

/** "Retour" (or the way back this screen has), if there is one. */
function backButton(t: Translate): HTMLElement | null {
  const names = new Set([t('help.back'), t('forgot.back')]);
  return focusables(scope()).find((el) => el instanceof HTMLButtonElement && names.has((el.textContent ?? '').trim())) ?? null;
}

/** The screen and where the focus is, as said by 0. */
export function whereAmI(t: Translate): string {
  const heading = document.querySelector<HTMLElement>('main h1');
  const active = document.activeElement;
  const control = active instanceof HTMLElement && active !== heading && active !== document.body ? describeControl(active, t) : '';
  return sentences([heading ? describeScreen(heading) : '', control]);
}

/**
 * Runs a command on the page. Returns what to say, or null when the command is the audio
 * mode's own (dark screen, speed, volume) and the caller handles it.
 */
export function runCommand(command: AudioCommand, t: Translate, picker: FieldPicker): string | null {
  const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  switch (command) {
    case 'previous':
    case 'next': {
      const to = moveFocus(command === 'next' ? 1 : -1);
      return to ? describeControl(to, t) : whereAmI(t);
    }
    case 'choice-previous':
    case 'choice-next': {
      const step = command === 'choice-next' ? 1 : -1;
      if (active instanceof HTMLInputElement && active.type === 'radio') {
        const chosen = moveChoice(active, step);
        return chosen ? describeControl(chosen, t) : null;
      }
      return picker.move(active, step) ?? runCommand(step > 0 ? 'next' : 'previous', t, picker);
    }
    case 'group-previous':
    case 'group-next':
      return picker.switchGroup(active, command === 'group-next' ? 1 : -1) ?? t('audio.fieldHelp');
    case 'activate': {
      const typed = picker.type(active);
      if (typed !== null) return typed;
      if (active && active !== document.body && !active.matches('h1')) {
        active.click();
        // A check box or a choice says its new state; a button's effect speaks for itself.
        return active instanceof HTMLInputElement ? describeControl(active, t) : '';
      }
      return whereAmI(t);
    }
    case 'erase':
      return picker.erase(active) ?? t('audio.nothingToErase');
    case 'repeat':
      return whereAmI(t);
    case 'back': {
      const back = backButton(t);
      if (!back) return t('audio.noBack');
      back.click();
      return '';
    }
    case 'help':
      return t('audio.help');
    default:
      return null;
  }
}
