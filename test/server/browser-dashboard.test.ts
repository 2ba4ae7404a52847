// The dashboard in a real browser (issue 16): Debian's chromium driven by
// playwright-core against the demo server. The leader (领导) signs in, opens
// the bundled plan and its 2023-11 看板 from the plan page's menu. The page is
// photographed at 1280 and 390 px into out/screenshots/30-dashboard-*.png
// (looked at by hand) and must not scroll sideways on the phone.

import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTools } from '../helpers/tools.js';
import { DESKTOP, PHONE, SHOTS, openBundledPlan, startDemoBrowser } from '../helpers/browser.js';

describeWithTools(['better-sqlite3', 'chromium'], 'the dashboard in a real browser', () => {
  const demo = startDemoBrowser('dashboard');
  const { problems } = demo;

  it('shows the leader 2023-11’s dashboard at desktop and phone width', async () => {
    const page = await demo.signIn(1, { viewport: DESKTOP });
    await openBundledPlan(page);
    await page.locator('a', { hasText: '2023-11 看板' }).click();
    await page.waitForURL(/\/periods\/2023-11\/dashboard$/);
    await expect(page.locator('td[data-figure="total"]').textContent()).resolves.toBe('21');
    await expect(page.locator('svg.bar').count()).resolves.toBe(6);
    await page.screenshot({ path: path.join(SHOTS, '30-dashboard-desktop.png'), fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: path.join(SHOTS, '30-dashboard-phone-full.png'), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'dashboard at phone width').toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
