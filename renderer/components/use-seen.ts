import { useEffect, useRef } from 'react';

/**
 * Makes a confirmation or an error seen where it appears: each time `signal` changes to
 * something (a new set of sentences, a new refusal), the element takes the focus, so a
 * screen reader reads it and Tab goes on from there, and is scrolled to the middle of the
 * screen, clear of the top bar and of the on-screen keyboard. A message at the top of a long
 * form is otherwise left above the screen after "Enregistrer" at the bottom. The element needs
 * tabIndex={-1}; it is also a live region, for messages that come while the person types.
 */
export function useSeen<T extends HTMLElement>(signal: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    const el = ref.current;
    if (!signal || !el) return;
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'center' });
  }, [signal]);
  return ref;
}
