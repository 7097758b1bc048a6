import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * Runs axe-core on the page as it stands (every rule axe ships enabled: WCAG 2.0 to 2.2 A and AA, and its
 * best practices) and fails with one line per violation: the rule, what it asks, and where on the page.
 */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  // A page that has just turned (a refresh after Paid) may be between heads: axe reads it once it has one.
  await expect(page).toHaveTitle(/\S/);
  await page.evaluate(() => document.fonts.ready);
  // Legacy mode runs axe in the page itself. The default opens a blank page per check to merge frames'
  // results, which cost a second a check (most of the suite's accessibility time); the shop's pages have no
  // cross-origin frames, the one thing legacy mode cannot test.
  const { violations } = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  const found = violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
        .map((node) => node.target.join(" "))
        .join(", ")}`,
  );
  expect(found, `axe on ${where}`).toEqual([]);
}
