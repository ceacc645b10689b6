import type { Locator, Page } from 'playwright-core';

// What a person types into on a screen: its inputs, but not its checkboxes or radio buttons.
const FIELDS = 'main input:not([type=checkbox]):not([type=radio]):not([type=hidden]):not([type=file])';

/**
 * Why the focused field is out of the sight of the person typing into it, or null when it is
 * in sight: the input, its label and its error message each wholly between the top of the
 * screen and the top of the on-screen keyboard, and uncovered at its centre (by the keyboard,
 * a sticky button, a banner). A field that asks for the keyboard must have it open. Runs in
 * the page.
 */
function whyHidden(el: HTMLInputElement): string | null {
  if (document.activeElement !== el) return 'has not the focus';
  const keyboard = document.querySelector('.touch-keyboard');
  if (el.dataset.touchKeyboard && !keyboard) return 'the on-screen keyboard is not open';
  const limit = keyboard ? keyboard.getBoundingClientRect().top : innerHeight;
  const field = el.closest('.field');
  const parts: [string, Element | null | undefined][] = [
    ['field', el],
    ['label', el.labels?.[0]],
    ['error', field?.querySelector(':scope > .error-message')],
  ];
  for (const [what, part] of parts) {
    if (!part) continue;
    const r = part.getBoundingClientRect();
    const where = `${Math.round(r.top)} to ${Math.round(r.bottom)}, keyboard top ${Math.round(limit)}, scrolled ${Math.round(scrollY)}`;
    if (r.top < -0.5 || r.bottom > limit + 0.5) return `its ${what} is not wholly above the keyboard (${where})`;
    const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
    if (!hit || !part.contains(hit)) return `its ${what} is covered by ${hit?.tagName.toLowerCase()}.${hit?.className} (${where})`;
  }
  return null;
}

/**
 * The fields of the screen as first shown, the keyboard closed, that something covers where
 * they are shown (a sticky button, a banner): each named with what covers it. A field below
 * the screen's edge is not covered, only further down.
 */
export async function coveredAsShown(p: Page): Promise<string[]> {
  return p.locator(FIELDS).evaluateAll((els) =>
    els.flatMap((el) => {
      const input = el as HTMLInputElement;
      const parts: [string, Element | null | undefined][] = [
        ['field', input],
        ['label', input.labels?.[0]],
      ];
      return parts.flatMap(([what, part]) => {
        const r = part?.getBoundingClientRect();
        if (!part || !r || r.width === 0 || r.height === 0) return [];
        const [x, y] = [(r.left + r.right) / 2, (r.top + r.bottom) / 2];
        if (y < 0 || y > innerHeight || x < 0 || x > innerWidth) return [];
        const hit = document.elementFromPoint(x, y);
        if (hit && part.contains(hit)) return [];
        return [
          `#${input.id}'s ${what} (${Math.round(r.top)} to ${Math.round(r.bottom)}) is covered by ${hit?.tagName.toLowerCase()}#${hit?.id}.${hit?.className}`,
        ];
      });
    }),
  );
}

const settled = (p: Page) => p.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

/** The reason the focused field is hidden, once the keyboard had its time to open and scroll. */
async function hiddenNow(field: Locator): Promise<string | null> {
  await settled(field.page());
  let why: string | null = 'not checked';
  for (let i = 0; i < 10 && why; i++) {
    why = await field.evaluate(whyHidden);
    if (why) await field.page().waitForTimeout(100);
  }
  return why;
}

/** Focus leaves the fields, the keyboard closes and the page goes back to its top, as at first. */
async function closeKeyboard(p: Page): Promise<void> {
  await p.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await p.locator('.touch-keyboard').waitFor({ state: 'detached' });
  await p.evaluate(() => scrollTo(0, 0));
}

/**
 * Each field of the screen as shown, typed into with the on-screen keyboard open: reached
 * from the top of the page with the keyboard closed (a tap, a link of the error summary), and
 * from the field before with the keyboard open ("Tab", "Suivant"). Returns what is out of
 * sight, one sentence each, and keeps a picture of each field with its keyboard under
 * `shots`-N.png when asked. The page ends at its top, the keyboard closed.
 */
export async function hiddenWhileTyped(p: Page, shots: string | null): Promise<string[]> {
  const fields = p.locator(FIELDS).filter({ visible: true });
  const count = await fields.count();
  const ids = await fields.evaluateAll((els) => els.map((el) => el.id || el.getAttribute('name') || el.tagName));
  const wrong: string[] = [];
  for (let i = 0; i < count; i++) {
    const field = fields.nth(i);
    await field.focus();
    const why = await hiddenNow(field);
    if (why) wrong.push(`#${ids[i]} focused: ${why}`);
    if (shots) await p.screenshot({ path: `${shots}-${i + 1}.png` });
    await closeKeyboard(p);
  }
  if (count > 1) {
    await fields.first().focus();
    const seen = new Set([0]);
    for (let presses = 0; presses < 40 && seen.size < count; presses++) {
      await p.keyboard.press('Tab');
      const at = await p.evaluate((selector) => {
        const el = document.activeElement;
        return el instanceof HTMLInputElement && el.matches(selector) ? el.id : '';
      }, FIELDS);
      const i = at ? ids.indexOf(at) : -1;
      if (i < 0 || seen.has(i)) continue;
      seen.add(i);
      const why = await hiddenNow(fields.nth(i));
      if (why) wrong.push(`#${ids[i]} reached by Tab: ${why}`);
    }
    await closeKeyboard(p);
  }
  return wrong;
}
