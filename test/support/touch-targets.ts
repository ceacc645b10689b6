import type { Page } from 'playwright-core';

/** The kiosk's smallest touch target, in CSS pixels, each way (WCAG 2.5.5, AAA; Apple's 44 pt). */
export const TOUCH_TARGET_PX = 44;

/**
 * What can be tapped on the page as it is shown, yet is smaller than a finger each way: each
 * named by its tag, its text and its size. Hidden and zero-size elements are left out (not
 * tappable); so are the inputs' own boxes' insides (a label's text is not its target).
 */
export async function smallTargets(p: Page): Promise<string[]> {
  return p.evaluate(`[...document.querySelectorAll('button, a[href], input:not([type=hidden]), select, textarea, [role=button], [role=link], [role=tab], summary')]
    .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
    .map((el) => [el, el.getBoundingClientRect()])
    .filter(([, r]) => r.width > 0 && r.height > 0 && (r.width < ${TOUCH_TARGET_PX} - 0.5 || r.height < ${TOUCH_TARGET_PX} - 0.5))
    .map(([el, r]) => el.tagName.toLowerCase() + ' "' + (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40) + '" ' + Math.round(r.width) + 'x' + Math.round(r.height))`);
}

/**
 * Why the button named `name` is not there for a finger on the screen as it stands, or null
 * when it is: whole inside the viewport as the page is shown (a person at a kiosk does not know
 * to scroll), and uncovered at its centre (by the on-screen keyboard, a dialog, a banner).
 */
export async function offScreen(p: Page, name: string): Promise<string | null> {
  const buttons = p.getByRole('button', { name, exact: true });
  const count = await buttons.count();
  if (count !== 1) return `${count} buttons named "${name}"`;
  return buttons.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const where = `${Math.round(r.left)},${Math.round(r.top)} to ${Math.round(r.right)},${Math.round(r.bottom)} in ${innerWidth}x${innerHeight}, scrolled ${Math.round(scrollY)}`;
    if (r.width === 0 || r.height === 0) return `not shown (${where})`;
    if (r.top < 0 || r.bottom > innerHeight + 0.5 || r.left < 0 || r.right > innerWidth + 0.5) return `outside the screen (${where})`;
    const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
    if (!hit || !el.contains(hit)) return `covered by ${hit?.tagName.toLowerCase()}.${hit?.className} (${where})`;
    return null;
  });
}
