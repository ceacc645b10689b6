/**
 * What a print job was for, read from its `document` (the store's reference: an order number,
 * a day, a role; never a name). The console names a job with it, the audit log of a cancelled
 * job records it, and what the job was for follows its end (an order kept open, a journal that
 * can be asked again). Pure code, shared with the renderer.
 */
export type PrintPurpose =
  /** A PVC order's card, on the card printer. */
  | { what: 'card'; order: string }
  /** A card on an A4 sheet: a PVC order handed over on paper (with its order), or issued on paper at the desk. */
  | { what: 'card-sheet'; order: string | null }
  /** The journal of a day, printed from the console. */
  | { what: 'journal'; day: string }
  | { what: 'test-page' }
  | { what: 'other' };

const ORDER = /^P\d{6}-\d{3,}$/;

export function printPurpose(document: string): PrintPurpose {
  const sheet = /^card sheet (\S+)$/.exec(document);
  if (sheet) return { what: 'card-sheet', order: ORDER.test(sheet[1] ?? '') ? (sheet[1] ?? null) : null };
  const card = /^card (\S+)$/.exec(document);
  if (card && ORDER.test(card[1] ?? '')) return { what: 'card', order: card[1] ?? '' };
  const journal = /^journal (\d{4}-\d{2}-\d{2})\b/.exec(document);
  if (journal) return { what: 'journal', day: journal[1] ?? '' };
  if (/^test page (card|paper)$/.test(document)) return { what: 'test-page' };
  return { what: 'other' };
}
