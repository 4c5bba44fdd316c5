import { expect, type Page } from '@playwright/test';

/** The smallest tap target on a youth page (WCAG 2.5.5 AAA, and Apple's and Android's guidance). */
export const MIN_TAP_PX = 44;

/**
 * Measures every interactive element a finger can reach on the page (links, buttons, form controls,
 * summaries, anything focusable), visible or scrolled away, and fails naming each one under
 * 44 × 44 px. Off-screen skip links and visually hidden elements are not tap targets.
 */
export async function expectTapTargets(page: Page, context: string): Promise<void> {
  const small = await page.evaluate((min) => {
    const selector =
      'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=link], [tabindex]:not([tabindex="-1"])';
    return [...document.querySelectorAll<HTMLElement>(selector)]
      .filter((el) => {
        const style = getComputedStyle(el);
        const rect = el.getBoundingClientRect();
        if (style.visibility === 'hidden' || style.display === 'none' || rect.width === 0 || rect.height === 0) return false;
        // Skip links sit above the page until focused; visually hidden texts are 1 px by design.
        if (rect.bottom < 0 || rect.right < 0) return false;
        return !(rect.width <= 1 && rect.height <= 1);
      })
      .map((el) => {
        const rect = el.getBoundingClientRect();
        // A checkbox or radio button counts with its label, which takes the tap too.
        const label = el instanceof HTMLInputElement && el.labels?.[0] ? el.labels[0].getBoundingClientRect() : null;
        const width = Math.max(rect.width, label ? label.right - Math.min(label.left, rect.left) : 0);
        const height = Math.max(rect.height, label?.height ?? 0);
        const name = (el.getAttribute('aria-label') ?? el.textContent ?? el.getAttribute('name') ?? el.id).trim().replace(/\s+/g, ' ');
        return { target: `${el.tagName.toLowerCase()} “${name.slice(0, 50)}”`, width: Math.round(width), height: Math.round(height) };
      })
      .filter((t) => t.width < min || t.height < min)
      .map((t) => `${t.target}: ${t.width}×${t.height}`);
  }, MIN_TAP_PX);
  expect(small, `tap targets under ${MIN_TAP_PX}×${MIN_TAP_PX} px on ${context}`).toEqual([]);
}
