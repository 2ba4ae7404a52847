// Opening and closing a period in a real browser (wt-periods, issue 16):
// Debian's chromium driven by playwright-core against the demo server. The
// office types a far-future month (refused under the field, what was typed
// kept), then opens 2023-12; 关闭本期填报… leads to the confirmation page,
// which counts per unit what closing leaves out; confirming closes it.
// Photographed at 1280 and 390 px into out/screenshots/42-period-*.png
// (looked at by hand); the phone must not scroll sideways.

import { expect, it } from 'vitest';
import { describeWithTools } from '../helpers/tools.js';
import { PHONE, openBundledPlan, photographBothWidths, startDemoBrowser } from '../helpers/browser.js';

describeWithTools(['better-sqlite3', 'chromium'], 'opening and closing a period in a real browser', () => {
  const demo = startDemoBrowser('periods');
  const { problems } = demo;

  it('refuses 2099-12 at the field, opens 2023-12, and closes it from the confirmation page; desktop and phone', async () => {
    // The refused month is answered 400, which chromium logs; any other console error is a problem.
    const page = await demo.signIn(0, { viewport: PHONE, consoleErrors: 'except-400' });
    await openBundledPlan(page);
    await page.locator('#open-period').fill('2099-12');
    await page.getByRole('button', { name: '开放填报' }).click();
    await expect(page.locator('#open-period + p.field-error').textContent()).resolves.toMatch(/^✗ 2099-12 晚于本月（北京时间 \d{4}-\d{2}）/);
    await expect(page.locator('#open-period').inputValue()).resolves.toBe('2099-12');
    await photographBothWidths(page, '42-period-future');
    await page.locator('#open-period').fill('2023-12');
    await page.getByRole('button', { name: '开放填报' }).click();
    await page.waitForURL(/\/plans\/\d+\?period=2023-12$/);
    await page.locator('a', { hasText: '关闭本期填报…' }).click();
    await page.waitForURL(/\/periods\/2023-12\/close$/);
    // Nothing answered yet: every problem not submitted; 经发办 first-leads 11 problems (plan.json).
    await expect(page.locator('tr', { hasText: '经发办' }).locator('td[data-label="未提交"]').textContent()).resolves.toBe('11');
    await photographBothWidths(page, '42-period-close-confirm');
    await page.getByRole('button', { name: '确认关闭 2023-12 期填报' }).click();
    await page.waitForURL(/\/plans\/\d+\?period=2023-12$/);
    await expect(page.locator('li', { hasText: '2023-12' }).first().textContent()).resolves.toContain('已关闭');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
