import { useEffect } from 'react';

/**
 * The console's sections fit the screen, so the room kept for the on-screen keyboard (560 px
 * under every screen with fields) would only make them scroll. Here the room is there while a
 * field that asks for the keyboard has the focus, and goes only once the page is back at its
 * top: taken away while scrolled, it would move the page under the finger tapping a button.
 */
export function useKeyboardRoom(): void {
  useEffect(() => {
    const root = document.documentElement;
    const check = () => {
      const el = document.activeElement;
      if (el instanceof HTMLInputElement && el.hasAttribute('data-touch-keyboard')) root.classList.add('keyboard-room');
      else if (window.scrollY === 0) root.classList.remove('keyboard-room');
    };
    // After focus leaves, the next element may not have it yet: look once the move is done.
    const later = () => setTimeout(check, 0);
    document.addEventListener('focusin', check);
    document.addEventListener('focusout', later);
    window.addEventListener('scroll', check, { passive: true });
    return () => {
      document.removeEventListener('focusin', check);
      document.removeEventListener('focusout', later);
      window.removeEventListener('scroll', check);
      root.classList.remove('keyboard-room');
    };
  }, []);
}
