// The check's warnings on an online answer, in a real browser (issue 16):
// the demo unit (经发办) turns problem 14 — 已销号 in 2023-11, due 10月底前 —
// back to 推进中 in 2023-12 (clearing the pre-filled 完成时间) without 备注
// or 未完成原因; its page shows the warnings under those fields and it
// still submits; the office's review page shows them in a 提示 block; the
// office accepts. Photographed at 1280
// and 390 px into out/screenshots/50-*.png (looked at by hand); the phone
// must not scroll sideways.

import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, startServer, type RunningServer } from '../../src/server/serve.js';
import { describeWithTools } from '../helpers/tools.js';
import { DESKTOP, PHONE, SHOTS, launchChromium } from '../helpers/browser.js';

describeWithTools(['better-sqlite3', 'chromium'], 'warnings on an online answer in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-browser-warnings-'));
    server = await startServer({ db: path.join(dir, 'zhenggai.db'), port: 0, host: '127.0.0.1', demo: true, behindHttps: false }, { out: () => undefined, err: (t) => problems.push(t) });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function shoot(page: Page, name: string): Promise<void> {
    await page.setViewportSize(PHONE);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} at phone width`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SHOTS, `${name}-phone.png`), fullPage: true });
    await page.setViewportSize(DESKTOP);
    await page.screenshot({ path: path.join(SHOTS, `${name}-desktop.png`), fullPage: true });
  }

  async function signIn(role: 0 | 2): Promise<Page> {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${server.url}/login`);
    await page.locator('input[name="username"]').fill(DEMO_ACCOUNTS[role].username);
    await page.locator('input[name="password"]').fill(DEMO_ACCOUNTS[role].password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/plans$/);
    return page;
  }

  it('shows the unit the warnings at 备注 and 未完成原因 and the office a 提示 block; neither blocks', async () => {
    const office = await signIn(0);
    await office.locator('a', { hasText: '官阳镇' }).first().click();
    await office.waitForURL(/\/plans\/\d+$/);
    const planUrl = office.url();
    await office.locator('input[name="period"]').fill('2023-12');
    await office.getByRole('button', { name: '开放填报' }).click();
    await office.waitForURL(/\?period=2023-12$/);
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
    expect(problems).toEqual([]);
  });
});
