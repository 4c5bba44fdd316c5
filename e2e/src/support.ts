import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type Page, type ViewportSize } from '@playwright/test';

export const DEMO_PASSWORD = 'lava-demo-2026';

/** The smallest phone the UI must fit. */
export const PHONE: ViewportSize = { width: 360, height: 740 };

/** A calendar date in Finland, `days` from today (YYYY-MM-DD). */
export function finnishDate(days = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(Date.now() + days * 24 * 3600 * 1000),
  );
}

/** WCAG 2.1 A and AA rules; the page must have no violations at all. */
export async function expectNoAxeViolations(page: Page, context: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe violations on ${context}`).toEqual([]);
}

export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/^(Sähköposti|E-post|Email)/).fill(email);
  await page.getByLabel(/^(Salasana|Lösenord|Password)/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /^(Kirjaudu sisään|Logga in|Sign in)$/ }).click();
  // Youth council members start at their council's consultations, the regional coordinator at the dashboard, everyone else at the assessments.
  await page.waitForURL(/\/(assessments|consultations|dashboard)$/);
}

/** A page in a browser context of its own (at `viewport` if given), signed in as `email`, in English. */
export async function session(browser: Browser, email: string, viewport?: ViewportSize): Promise<Page> {
  const context = await browser.newContext(viewport ? { viewport } : {});
  const page = await context.newPage();
  await signIn(page, email);
  await useLanguage(page, 'en');
  return page;
}

/** Switches the UI language with the visible language selector. */
export async function useLanguage(page: Page, language: 'fi' | 'sv' | 'en'): Promise<void> {
  await page.getByLabel(/^(Kieli|Språk|Language)/).selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

/** Nothing sticks out sideways: the page never scrolls horizontally. */
export async function expectNoHorizontalScroll(page: Page, context: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal overflow on ${context}`).toBeLessThanOrEqual(0);
}
