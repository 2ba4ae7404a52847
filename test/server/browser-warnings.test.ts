// The check's warnings on an online answer, in a real browser (issue 16):
// the demo unit (经发办) turns problem 14 — 已销号 in 2023-11, due 10月底前 —
// back to 推进中 in 2023-12 (clearing the pre-filled 完成时间) without 备注
// or 未完成原因; its page shows the warnings under those fields and it
// still submits; the office's review page shows them in a 提示 block; the
// office accepts; the accepted entry's warnings are then marked in the
// period's answers table, the plan's table of the period and on the
// problem's history page. Photographed at 1280 and 390 px into
// out/screenshots/50-*.png and 51-*.png (looked at by hand); the phone must
// not scroll sideways.

import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeWithTools } from '../helpers/tools.js';
import { DESKTOP, PHONE, openBundledPlan, openPeriodInPage, photographBothWidths, startDemoBrowser } from '../helpers/browser.js';

describeWithTools(['better-sqlite3', 'chromium'], 'warnings on an online answer in a real browser', () => {
  const demo = startDemoBrowser('warnings');
  const { problems } = demo;

  const shoot = (page: Page, name: string) => photographBothWidths(page, name, DESKTOP);
  // Only uncaught page errors are problems here.
  const signIn = (role: 0 | 2) => demo.signIn(role, { viewport: DESKTOP, consoleErrors: 'none' });

  it('shows the unit the warnings at 备注 and 未完成原因 and the office a 提示 block; neither blocks', async () => {
    const office = await signIn(0);
    const planUrl = await openBundledPlan(office);
    await openPeriodInPage(office, '2023-12');
    const answerUrl = `${planUrl}/periods/2023-12/answers/14`;

    const unit = await signIn(2);
    await unit.setViewportSize(PHONE);
    await unit.goto(answerUrl);
    await unit.locator('#f-status').selectOption('推进中');
    await unit.locator('#f-onSchedule').selectOption('否');
    await unit.locator('#f-progress').fill('复查发现项目库调整后仍有一个项目未纳入，正在重新梳理。');
    await unit.locator('#f-completedOn').fill('');
    await unit.locator('#f-reason').fill('');
    await unit.locator('#f-note').fill('');
    await unit.getByRole('button', { name: '保存草稿' }).click();
    await unit.waitForURL(/\?saved=save$/);
    await expect(unit.locator('#f-note + p.field-warning').textContent()).resolves.toBe('提示：第 14 号问题状态由“已销号”（2023-11）退回“推进中”，请在“备注”中说明原因');
    await expect(unit.locator('#f-reason + p.field-warning').textContent()).resolves.toBe('提示：第 14 号问题已逾期（时限 2023-10-31），请填写未完成原因');
    await shoot(unit, '50-answer-warnings');
    await unit.getByRole('button', { name: '提交审核' }).click();
    await unit.waitForURL(/\?saved=submit$/);

    await office.goto(answerUrl);
    const block = office.locator('div.warn');
    await expect(block.textContent()).resolves.toContain('这一填报有 3 处须核对（不阻止采纳');
    await expect(block.locator('li').allTextContents()).resolves.toEqual([
      '按方案的回头看安排，第 14 号问题 2023-12 应开展回头看，本期进展没有记录',
      '未完成原因：第 14 号问题已逾期（时限 2023-10-31），请填写未完成原因',
      '备注（状态倒退须说明）：第 14 号问题状态由“已销号”（2023-11）退回“推进中”，请在“备注”中说明原因',
    ]);
    await shoot(office, '50-review-warnings');
    await office.getByRole('button', { name: '采纳' }).click();
    await office.waitForURL(/\?saved=review$/);
    await expect(office.locator('dl.fields strong').textContent()).resolves.toBe('已采纳');

    // Accepted, the entry's warnings are marked in the period's answers table, the plan's table of the period, and under 2023-12 on the history page.
    const marks = ['提示：按方案的回头看安排，第 14 号问题 2023-12 应开展回头看，本期进展没有记录', '提示：未完成原因：第 14 号问题已逾期（时限 2023-10-31），请填写未完成原因', '提示：备注（状态倒退须说明）：第 14 号问题状态由“已销号”（2023-11）退回“推进中”，请在“备注”中说明原因'];
    await office.goto(`${planUrl}/periods/2023-12/answers`);
    await expect(office.locator('tr:has(a[href$="/answers/14"]) .field-warning').allTextContents()).resolves.toEqual(marks);
    await shoot(office, '51-answers-table-warnings');
    await office.goto(`${planUrl}?period=2023-12`);
    await expect(office.locator('tr:has(a[href$="/problems/14"]) .field-warning').allTextContents()).resolves.toEqual(marks);
    await shoot(office, '51-period-table-warnings');
    await office.goto(`${planUrl}/problems/14`);
    await expect(office.locator('tr.entry-warnings .field-warning').allTextContents()).resolves.toEqual(marks);
    await shoot(office, '51-history-warnings');
    expect(problems).toEqual([]);
  });
});
