// Opening and closing a period in a real browser (wt-periods, issue 16):
// Debian's chromium driven by playwright-core against the demo server. The
// office types a far-future month (refused under the field, what was typed
// kept), then opens 2023-12; 关闭本期填报… leads to the confirmation page,
// which counts per unit what closing leaves out; confirming closes it.
// Photographed at 1280 and 390 px into out/screenshots/42-period-*.png
// (looked at by hand); the phone must not scroll sideways.

import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, startServer, type RunningServer } from '../../src/server/serve.js';
import { describeWithTools } from '../helpers/tools.js';
import { PHONE, launchChromium, photographBothWidths, signInPage } from '../helpers/browser.js';

describeWithTools(['better-sqlite3', 'chromium'], 'opening and closing a period in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-browser-periods-'));
    server = await startServer({ db: path.join(dir, 'zhenggai.db'), port: 0, host: '127.0.0.1', demo: true, behindHttps: false }, { out: () => undefined, err: (t) => problems.push(t) });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('refuses 2099-12 at the field, opens 2023-12, and closes it from the confirmation page; desktop and phone', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('console', (m) => {
      // The refused month is answered 400, which chromium logs; anything else is a problem.
      if (m.type() === 'error' && !m.text().includes('status of 400')) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await signInPage(page, server.url, DEMO_ACCOUNTS[0]);
    await page.locator('a', { hasText: '官阳镇' }).first().click();
    await page.waitForURL(/\/plans\/\d+$/);
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
    await context.close();
  });
});
