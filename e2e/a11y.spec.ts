import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openConsole, test } from './fixtures';

/** axe over every screen: zero serious or critical violations. */
async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(blocking, `${what} has no serious or critical accessibility violations`).toEqual([]);
}

const screens: [string, string, string][] = [
  ['event search', '/events?region=cn-hangzhou&mock-latency=0-0', 'Events'],
  ['trails', '/trails?region=cn-hangzhou&mock-latency=0-0', 'Trails'],
  ['insights', '/insights?region=cn-hangzhou&mock-latency=0-0', 'Insights'],
  ['settings', '/settings?mock-latency=0-0', 'Settings'],
  ['a missing page', '/no-such-page?mock-latency=0-0', 'Page not found'],
];

for (const [name, path, heading] of screens) {
  test(`the ${name} screen is accessible in light and dark themes`, async ({ page }) => {
    await openConsole(page, path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0, { timeout: 45_000 });
    await expectAccessible(page, `${name} (light)`);
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expectAccessible(page, `${name} (dark)`);
  });
}

test('the reset dialog is accessible and traps focus', async ({ page }) => {
  await openConsole(page, '/settings?mock-latency=0-0');
  await page.getByRole('button', { name: 'Reset demo data…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset the simulated account?' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'the reset dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Reset demo data…' })).toBeFocused();
});
