// Read-only pages in a real browser (issue 16): Debian's chromium driven by
// playwright-core against the demo server. The office records the closure
// of problem 16; the leader (领导) opens its closure page, read-only; the
// demo unit account (经发办) opens problem 2, where it only cooperates, from
// its plan page, and problem 16's closure page, which it reports. Each page
// photographed at 1280 and 390 px into out/screenshots/41-*.png (looked at
// by hand); the phone must not scroll sideways.

import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeWithTools } from '../helpers/tools.js';
import { PHONE, openBundledPlan, photographBothWidths, startDemoBrowser } from '../helpers/browser.js';

describeWithTools(['better-sqlite3', 'chromium'], 'read-only pages of the leader and a cooperating unit in a real browser', () => {
  const demo = startDemoBrowser('coop');
  const { problems } = demo;

  /** A phone-width page signed in as demo account `index` (0 office, 1 leader, 2 unit), on its plan's page. */
  async function signIn(index: 0 | 1 | 2): Promise<Page> {
    const page = await demo.signIn(index, { viewport: PHONE });
    await openBundledPlan(page);
    return page;
  }

  it('shows the leader a recorded closure read-only, and the cooperating unit problem 2 read-only; desktop and phone', async () => {
    const office = await signIn(0);
    await office.locator('a[href$="/problems/16"]').click();
    await office.locator('a', { hasText: '2023-11 录入或撤销销号' }).click();
    await office.locator('#f-date').fill('2023-11-28');
    await office.locator('#f-approver').fill('镇纪委书记 张明');
    await office.locator('#f-opinion').fill('经现场验收，公示公告已补齐，同意销号。');
    await office.getByRole('button', { name: '录入销号' }).click();
    await office.waitForURL(/closures\/16\?saved=closed$/);
    await office.context().close();

    const leader = await signIn(1);
    await leader.locator('a[href$="/problems/16"]').click();
    await leader.locator('a', { hasText: '2023-11 销号（只读）' }).click();
    await leader.waitForURL(/\/periods\/2023-11\/closures\/16$/);
    await expect(leader.locator('td[data-label="审批（验收）人"]').textContent()).resolves.toBe('镇纪委书记 张明');
    await expect(leader.locator('form').count()).resolves.toBe(1); // sign-out only
    await photographBothWidths(leader, '41-closure-viewer');
    await leader.context().close();

    const unit = await signIn(2);
    await expect(unit.locator('a[href$="/problems/2"] + br + span.hint').textContent()).resolves.toBe('本单位只读');
    await unit.locator('a[href$="/problems/2"]').click();
    await unit.waitForURL(/\/problems\/2$/);
    await expect(unit.locator('p.hint', { hasText: '只读' }).textContent()).resolves.toContain('由 农业服务中心 填报');
    await expect(unit.locator('a[href*="/closures/"]').count()).resolves.toBe(0);
    await photographBothWidths(unit, '41-cooperating-problem');
    await unit.goto(`${unit.url().replace(/\/problems\/2$/, '')}/problems/16`);
    await unit.locator('a', { hasText: '2023-11 销号（只读）' }).click();
    await expect(unit.locator('form').count()).resolves.toBe(1);
    await photographBothWidths(unit, '41-closure-reporting-unit');
    await unit.context().close();
    expect(problems).toEqual([]);
  });
});
