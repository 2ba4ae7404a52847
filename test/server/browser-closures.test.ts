// The office records a closure (销号) in a real browser (issue 16): Debian's
// chromium driven by playwright-core against the demo server. From the
// problem's page the office opens 2023-11's closure form for problem 16
// (已完成 on 2023-10-30), submits it without the approver (refused at the
// field, what was typed kept), then with it; the page lists the closure with
// its undo form. 2023-12 opened, the office's and the unit's answer pages of
// problem 16 list that closure read-only. Photographed at 1280 and 390 px
// into out/screenshots/40-closure-*.png and 41-closure-on-answer-*.png
// (looked at by hand); the phone must not scroll sideways.

import { expect, it } from 'vitest';
import { describeWithTools } from '../helpers/tools.js';
import { PHONE, openBundledPlan, openPeriodInPage, photographBothWidths, startDemoBrowser } from '../helpers/browser.js';

describeWithTools(['better-sqlite3', 'chromium'], 'a closure recorded in a real browser', () => {
  const demo = startDemoBrowser('closure');
  const { problems } = demo;

  it('refuses a closure without its approver at the field, then records it; desktop and phone', async () => {
    // The refused closure is answered 400, which chromium logs; any other console error is a problem.
    const page = await demo.signIn(0, { viewport: PHONE, consoleErrors: 'except-400' });
    await openBundledPlan(page);
    await page.locator('a[href$="/problems/16"]').click();
    await page.locator('a', { hasText: '2023-11 录入或撤销销号' }).click();
    await page.waitForURL(/\/periods\/2023-11\/closures\/16$/);
    await page.locator('#f-date').fill('2023-11-28');
    await page.locator('#f-opinion').fill('经现场验收，公示公告已补齐，同意销号。');
    await page.getByRole('button', { name: '录入销号' }).click();
    await expect(page.locator('#f-approver + p.field-error').textContent()).resolves.toBe('✗ 请填写审批（验收）人');
    await expect(page.locator('#f-opinion').inputValue()).resolves.toBe('经现场验收，公示公告已补齐，同意销号。');
    await photographBothWidths(page, '40-closure-refused');
    await page.locator('#f-approver').fill('镇纪委书记 张明');
    await page.getByRole('button', { name: '录入销号' }).click();
    await page.waitForURL(/closures\/16\?saved=closed$/);
    await expect(page.locator('td[data-label="审批（验收）人"]').textContent()).resolves.toBe('镇纪委书记 张明');
    await expect(page.locator('dl.fields').textContent()).resolves.toContain('已销号');
    await expect(page.getByRole('button', { name: '撤销销号' }).count()).resolves.toBe(1);
    await photographBothWidths(page, '40-closure-recorded');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('shows the closure on the next period’s answer page, read-only, to the office and the reporting unit; desktop and phone', async () => {
    const office = await demo.signIn(0, { viewport: PHONE });
    const planUrl = await openBundledPlan(office);
    await openPeriodInPage(office, '2023-12');
    const readers = [['office', office], ['unit', await demo.signIn(2, { viewport: PHONE })]] as const;
    for (const [who, page] of readers) {
      await page.goto(`${planUrl}/periods/2023-12/answers/16`);
      const records = page.locator('h2:has-text("销号记录") + .table-wrap');
      await expect(records.locator('td[data-label="期次"]').allTextContents()).resolves.toEqual(['2023-11']);
      await expect(records.locator('td[data-label="审批（验收）人"]').textContent()).resolves.toBe('镇纪委书记 张明');
      await expect(page.getByRole('button', { name: '撤销销号' }).count()).resolves.toBe(0);
      await photographBothWidths(page, `41-closure-on-answer-${who}`);
    }
    expect(problems).toEqual([]);
    for (const [, page] of readers) await page.context().close();
  });
});
