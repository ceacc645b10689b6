/** The kinds of on-screen keyboard a field asks for (its data-touch-keyboard attribute). */
export type KeyboardKind = 'text' | 'email' | 'tel' | 'numeric' | 'password';

export const KEYBOARD_KINDS: readonly KeyboardKind[] = ['text', 'email', 'tel', 'numeric', 'password'];

const valueSetter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;

/**
 * Types into an input as a person would: at the caret when the input has one, at the end
 * otherwise (e-mail inputs expose no caret), through the native setter and an `input`
 * event, so that React's onChange sees it like a keystroke.
 */
export function typeInto(input: HTMLInputElement, edit: { insert: string } | { erase: true } | { clear: true }): void {
  const value = input.value;
  let start = value.length;
  let end = value.length;
  try {
    start = input.selectionStart ?? value.length;
    end = input.selectionEnd ?? value.length;
  } catch {
    // type=email and type=number have no selection API: type at the end.
  }
  let next: string;
  let caret: number;
  if ('insert' in edit) {
    const room = input.maxLength > 0 ? input.maxLength - (value.length - (end - start)) : Number.POSITIVE_INFINITY;
    const text = edit.insert.slice(0, Math.max(0, room));
    next = value.slice(0, start) + text + value.slice(end);
    caret = start + text.length;
  } else if ('clear' in edit) {
    next = '';
    caret = 0;
  } else {
    const from = start === end ? Math.max(0, start - 1) : start;
    next = value.slice(0, from) + value.slice(end);
    caret = from;
  }
  valueSetter?.call(input, next);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  try {
    input.setSelectionRange(caret, caret);
  } catch {
    // No caret to place on this input type.
  }
}
