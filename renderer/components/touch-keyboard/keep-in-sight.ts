// Room kept between what is shown and the edges (the screen's top, the keyboard's top).
const MARGIN = 16;

/** The top of what a person must see of a field to type into it: its label, its error, the input. */
function topOfField(input: HTMLInputElement): number {
  const parts = [input, input.labels?.[0], input.closest('.field')?.querySelector(':scope > .error-message')];
  return Math.min(...parts.flatMap((part) => (part ? [part.getBoundingClientRect().top] : [])));
}

/**
 * Scrolls the page so that the field being typed into stays in sight above the on-screen
 * keyboard (whose top is `keyboardTop`, in viewport pixels): its label and its error under the
 * screen's top, the input above the keyboard. `centre` puts the input in the middle of the room
 * the keyboard leaves, with room under it for its hint ("Vouliez-vous dire …"); otherwise the
 * page moves only if something of the field is out of sight. When the room is too small for
 * all of it, the input wins: it is where the letters go.
 */
export function keepInSight(input: HTMLInputElement, keyboardTop: number, centre: boolean): void {
  const box = input.getBoundingClientRect();
  let by = centre ? box.top + box.height / 2 - keyboardTop / 2 : 0;
  by = Math.min(by, topOfField(input) - MARGIN);
  by = Math.max(by, box.bottom + MARGIN - keyboardTop);
  if (Math.abs(by) >= 1) window.scrollBy({ top: by });
}
