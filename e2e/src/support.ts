import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'lava-demo-2026';

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

/** Switches the UI language with the visible language selector. */
export async function useLanguage(page: Page, language: 'fi' | 'sv' | 'en'): Promise<void> {
  await page.getByLabel(/^(Kieli|Språk|Language)/).selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}
