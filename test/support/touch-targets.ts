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
