import { typeInto } from '../components/touch-keyboard/type-into.ts';
import type { Translate } from '../i18n/index.tsx';
import { type CharGroup, charName, groupsFor } from './characters.ts';
import { fieldKind } from './describe.ts';

/**
 * Typing without seeing: in a field, 4 and 6 go through the characters of a group and say
 * each one, 7 and 9 change the group, 5 types the character heard, "-" erases. The position
 * stays where it was after typing, so "11" is 6, 5, 5.
 */
export function createFieldPicker(t: () => Translate) {
  let field: HTMLInputElement | HTMLTextAreaElement | null = null;
  let groups: CharGroup[] = [];
  let group = 0;
  let index = -1;

  const attach = (el: Element | null): boolean => {
    const kind = fieldKind(el);
    if (!kind || !(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) return false;
    if (el !== field) {
      field = el;
      groups = groupsFor(kind, el.id === 'rm-number');
      group = 0;
      index = -1;
    }
    return true;
  };
  const current = () => groups[group]?.chars[index];

  return {
    attach,
    /** 4 / 6: the previous or next character, said. */
    move(el: Element | null, step: -1 | 1): string | null {
      if (!attach(el)) return null;
      const chars = groups[group]?.chars ?? [];
      index = index < 0 ? (step > 0 ? 0 : chars.length - 1) : (index + step + chars.length) % chars.length;
      return charName(current() ?? '', t());
    },
    /** 7 / 9: the previous or next group, named. */
    switchGroup(el: Element | null, step: -1 | 1): string | null {
      if (!attach(el)) return null;
      group = (group + step + groups.length) % groups.length;
      index = -1;
      return t()(`audio.group.${groups[group]?.name ?? 'digits'}`);
    },
    /** 5: types the character heard; says it (a password: only how many there are now). */
    type(el: Element | null): string | null {
      if (!attach(el) || !field) return null;
      const c = current();
      if (c === undefined) return t()('audio.fieldHelp');
      const before = field.value.length;
      typeInto(field as HTMLInputElement, { insert: c });
      if (field.value.length === before) return t()('audio.full');
      return fieldKind(field) === 'password' ? t()('audio.typedSecret', { count: field.value.length }) : t()('audio.typed', { char: charName(c, t()) });
    },
    /** "-": erases the last character, and says which. */
    erase(el: Element | null): string | null {
      if (!attach(el) || !field) return null;
      const value = field.value;
      if (value === '') return t()('audio.nothingToErase');
      const last = value.slice(-1);
      typeInto(field as HTMLInputElement, { erase: true });
      return fieldKind(field) === 'password' ? t()('audio.erasedSecret', { count: field.value.length }) : t()('audio.erased', { char: charName(last, t()) });
    },
  };
}

export type FieldPicker = ReturnType<typeof createFieldPicker>;
