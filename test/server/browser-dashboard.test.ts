// The dashboard in a real browser (issue 16): Debian's chromium driven by
// playwright-core against the demo server. The leader (领导) signs in, opens
// the bundled plan and its 2023-11 看板 from the plan page's menu. The page is
// photographed at 1280 and 390 px into out/screenshots/30-dashboard-*.png
// (looked at by hand) and must not scroll sideways on the phone.

import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, startServer, type RunningServer } from '../../src/server/serve.js';
import { describeWithTools } from '../helpers/tools.js';
import { DESKTOP, PHONE, SHOTS, launchChromium } from '../helpers/browser.js';


describeWithTools(['better-sqlite3', 'chromium'], 'the dashboard in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-browser3-'));
    server = await startServer({ db: path.join(dir, 'zhenggai.db'), port: 0, host: '127.0.0.1', demo: true, behindHttps: false }, { out: () => undefined, err: (t) => problems.push(t) });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the leader 2023-11’s dashboard at desktop and phone width', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${server.url}/login`);
    await page.locator('input[name="username"]').fill(DEMO_ACCOUNTS[1].username);
    await page.locator('input[name="password"]').fill(DEMO_ACCOUNTS[1].password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/plans$/);
    await page.locator('a', { hasText: '官阳镇' }).first().click();
    await page.waitForURL(/\/plans\/\d+$/);
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
    await context.close();
  });
});
