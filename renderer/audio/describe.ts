import type { Translate } from '../i18n/index.tsx';
import { spell } from './characters.ts';

/** What can take the focus in audio mode, in document order. */
const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';

function visible(el: Element): boolean {
  if (el.closest('[hidden], [aria-hidden="true"], [inert], [data-audio-skip]')) return false;
  return el.getClientRects().length > 0;
}

/** Where the keys move: an open dialog if there is one (the idle warning), else the whole page. */
export function scope(): ParentNode {
  return document.querySelector('[role="alertdialog"], [role="dialog"][aria-modal="true"]') ?? document;
}

export function focusables(root: ParentNode = scope()): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => visible(el) && !(el as HTMLButtonElement).disabled);
}

/** Parts said one after the other, each ending as a sentence does (no ".." where a part already ends). */
export function sentences(parts: readonly string[]): string {
  return parts
    .filter(Boolean)
    .map((p) => (/[.!?:…]$/.test(p) ? p : `${p}.`))
    .join(' ');
}

/** The most the speech port takes at once (the contract's `speech:say` refuses longer). */
export const SPEECH_MAX = 1000;

/**
 * A long text (a whole help screen) in pieces the speech port takes, each cut after a sentence,
 * said one after the other: one call with all of it would be refused and nothing said at all.
 */
export function speechPieces(said: string, max = SPEECH_MAX): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const sentence of said.split(/(?<=[.!?…:])\s+/)) {
    const joined = piece === '' ? sentence : `${piece} ${sentence}`;
    if (joined.length <= max) {
      piece = joined;
      continue;
    }
    if (piece !== '') pieces.push(piece);
    // A sentence longer than a piece on its own: cut between words.
    let rest = sentence;
    while (rest.length > max) {
      const cut = rest.lastIndexOf(' ', max) > 0 ? rest.lastIndexOf(' ', max) : max;
      pieces.push(rest.slice(0, cut));
      rest = rest.slice(cut).trim();
    }
    piece = rest;
  }
  if (piece.trim() !== '') pieces.push(piece);
  return pieces;
}

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

function byIds(ids: string | null): string {
  return (ids ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => text(document.getElementById(id)))
    .filter(Boolean)
    .join('. ');
}

/** The control's name as a screen reader would say it. */
export function accessibleName(el: HTMLElement): string {
  const label = el.getAttribute('aria-label');
  if (label) return label;
  const labelled = byIds(el.getAttribute('aria-labelledby'));
  if (labelled) return labelled;
  if (el.id) {
    const forIt = document.querySelector(`label[for="${CSS.escape(el.id)}"]`);
    if (forIt) return text(forIt);
  }
  const around = el.closest('label');
  if (around) return text(around);
  return text(el);
}

export type FieldKind = 'text' | 'password' | 'digits';

/** Whether the element is a field one types into, and what it takes. */
export function fieldKind(el: Element | null): FieldKind | null {
  if (el instanceof HTMLTextAreaElement) return 'text';
  if (!(el instanceof HTMLInputElement)) return null;
  if (['checkbox', 'radio', 'button', 'submit', 'file', 'range', 'color'].includes(el.type)) return null;
  if (el.type === 'password') return 'password';
  if (el.inputMode === 'numeric' || el.type === 'tel' || /^birth-/.test(el.id)) return 'digits';
  return 'text';
}

/** A field's value as it should be heard: digits one by one, symbols by name; a password only by its length. */
export function spokenValue(el: HTMLInputElement | HTMLTextAreaElement, t: Translate): string {
  if (el.value === '') return t('audio.value.empty');
  if (fieldKind(el) === 'password') return t('audio.value.secret', { count: el.value.length });
  return t('audio.value.text', { value: spell(el.value, t) });
}

/** The focused control: its name, what it is, its state and value, and why it is refused if it is. */
export function describeControl(el: HTMLElement, t: Translate): string {
  const parts = [accessibleName(el)];
  const kind = fieldKind(el);
  if (el instanceof HTMLInputElement && el.type === 'checkbox') {
    parts.push(t('audio.role.checkbox'), t(el.checked ? 'audio.state.checked' : 'audio.state.unchecked'));
  } else if (el instanceof HTMLInputElement && el.type === 'radio') {
    parts.push(t('audio.role.radio'), t(el.checked ? 'audio.state.checked' : 'audio.state.unchecked'));
  } else if (kind && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) {
    parts.push(t(kind === 'password' ? 'audio.role.password' : 'audio.role.field'), spokenValue(el, t));
  } else if (el instanceof HTMLAnchorElement) {
    parts.push(t('audio.role.link'));
  } else if (el instanceof HTMLButtonElement) {
    parts.push(t('audio.role.button'));
    if (el.getAttribute('aria-disabled') === 'true') parts.push(t('audio.state.unavailable'));
  }
  if (el.getAttribute('aria-invalid') === 'true') parts.push(t('audio.state.invalid'));
  // Hints and errors tied to the control, or to the group it is in (the date's three fields).
  const described = byIds(el.getAttribute('aria-describedby')) || byIds(el.closest('fieldset')?.getAttribute('aria-describedby') ?? null);
  if (described) parts.push(described);
  return sentences(parts);
}

/**
 * What a block of the screen says, one sentence a line as laid out: a panel's title and its
 * text, or a list of facts (the desk's telephone, e-mail and hours), never run into one another.
 */
export function spokenText(el: HTMLElement): string {
  // biome-ignore lint/performance/useDomNodeTextContent: the layout's line breaks are the sentence breaks; textContent runs blocks together.
  return sentences(el.innerText.split('\n').map((line) => line.replace(/\s+/g, ' ').trim()));
}

/**
 * A screen as heard when it appears: its heading, then what it says (its paragraphs and
 * panels, in full: an outcome screen is read whole), without the form's own labels, which are
 * read as the focus reaches each field.
 */
export function describeScreen(heading: HTMLElement, t?: Translate): string {
  const main = heading.closest('main') ?? document.body;
  const said = [...main.querySelectorAll<HTMLElement>('h2, p, li, dl, [role="status"], [role="alert"]')]
    .filter((el) => visible(el) && !el.closest('form, fieldset, label, button, nav, [role="alert"] [role="alert"]'))
    .filter((el, _i, all) => !all.some((other) => other !== el && other.contains(el)))
    .map((el) => spokenText(el))
    .filter(Boolean);
  return sentences([text(heading), ...said, t ? nextStep(main, t) : '']);
}

/**
 * The one thing to do on a screen, said after what it says: the form to fill from its first
 * field, then its main button; or the main button alone. The keys still go through everything
 * in order; this only says where the way forward is. Nothing when the screen has no main action.
 */
export function nextStep(main: ParentNode, t: Translate): string {
  const controls = focusables(main).filter((el) => !el.closest('nav, header, [role="alertdialog"]'));
  const primary = controls.find((el) => el.matches('.button-primary') && el.getAttribute('aria-disabled') !== 'true');
  if (!primary) return '';
  const action = accessibleName(primary);
  const field = controls.find((el) => fieldKind(el) !== null && (el as HTMLInputElement).value === '');
  return field ? t('audio.next.form', { field: accessibleName(field), action }) : t('audio.next.action', { action });
}
