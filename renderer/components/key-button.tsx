import type { ButtonHTMLAttributes, MouseEvent, PointerEvent } from 'react';

// A key's pointer-down is cancelled so the field being filled keeps the focus (and its
// caret); clicks and the keyboard still work as on any button.
const keepFocus = (e: PointerEvent | MouseEvent) => e.preventDefault();

/** A key of the on-screen keypads and keyboard: a button that never takes the focus. */
export function KeyButton(props: Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'onPointerDown' | 'onMouseDown'>) {
  return <button type="button" onPointerDown={keepFocus} onMouseDown={keepFocus} {...props} />;
}
