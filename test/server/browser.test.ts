// The office's month in a real browser (issue 15): Debian's chromium driven
// by playwright-core. The office signs in with the one-time password the
// first start printed, changes it, imports the bundled plan folder, writes
// the report's prose for 2023-11, downloads the report, and the docx holds
// that prose. Every page is photographed at desktop and phone width into
// out/screenshots/ (looked at by hand; the office also creates a unit
// account, which signs in and sees its own problems only; the test checks no page scrolls
// sideways on the phone except inside its tables).

import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/serve.js';
import { describeWithTools } from '../helpers/tools.js';
import { DESKTOP, PHONE, SHOTS, launchChromium } from '../helpers/browser.js';
import { BUNDLED } from './harness.js';

const PROSE = ['本月召开整改工作推进会，逐项核对整改台账。', '对已完成问题开展“回头看”，巩固整改成效。'];

describeWithTools(['better-sqlite3', 'chromium'], 'the office in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let oneTime = '';
  const printed: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-browser-'));
    server = await startServer({ db: path.join(dir, 'zhenggai.db'), port: 0, host: '127.0.0.1', demo: false, behindHttps: false }, { out: (t) => printed.push(t), err: (t) => printed.push(t) });
    oneTime = /一次性密码 (\S+)/.exec(printed.join('\n'))?.[1] ?? '';
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Photograph the page at desktop width, then the same URL at phone width (same session), and check the phone layout. */
  async function shoot(page: Page, name: string): Promise<void> {
    await page.setViewportSize(DESKTOP);
    await page.screenshot({ path: path.join(SHOTS, `${name}-desktop.png`), fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: path.join(SHOTS, `${name}-phone.png`) });
    await page.screenshot({ path: path.join(SHOTS, `${name}-phone-full.png`), fullPage: true });
    // Only tables may be wider than a phone; they scroll inside their frame.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} at phone width`).toBeLessThanOrEqual(0);
    await page.setViewportSize(DESKTOP);
  }

  it('prints its address and the one-time password of the first office account', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(printed.join('\n')).toContain(`zhenggai 服务已启动：${server.url}/`);
    expect(oneTime).toMatch(/^[A-Za-z0-9]{14}$/);
  });

  it('signs in, changes the one-time password, imports the plan, writes the prose, downloads the report with it', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, acceptDownloads: true, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));

    await page.goto(`${server.url}/`);
    expect(page.url()).toMatch(/\/login/);
    await shoot(page, '01-login');
    await page.locator('input[name="username"]').fill('office');
    await page.locator('input[name="password"]').fill(oneTime);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/password$/);
    await shoot(page, '02-password');
    await page.locator('input[name="current"]').fill(oneTime);
    await page.locator('input[name="password"]').fill('Guanyang-2023-zhenggai');
    await page.locator('input[name="repeat"]').fill('Guanyang-2023-zhenggai');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.waitForURL(/\/plans$/);
    await shoot(page, '03-plans-empty');

    await page.goto(`${server.url}/plans/import`);
    await shoot(page, '04-import');
    await page.locator('input[name="folder"]').setInputFiles(BUNDLED);
    await page.getByRole('button', { name: '导入' }).first().click();
    await page.waitForURL(/\/plans\/\d+$/);
    const planUrl = page.url();
    expect(await page.locator('h1').textContent()).toBe('官阳镇2022年巩固拓展脱贫攻坚成果市级考核评估反馈问题整改工作方案');
    expect(await page.locator('.colour-green').count()).toBeGreaterThan(0);
    await shoot(page, '05-problems');
    await page.locator('a[href$="/problems/3"]').click();
    await page.waitForURL(/\/problems\/3$/);
    await shoot(page, '06-problem');

    await page.goto(`${planUrl}/periods/2023-11/report`);
    await shoot(page, '07-report-form');
    await page.locator('textarea[name="workDone"]').fill(PROSE.join('\n'));
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/report\/saved$/);
    await shoot(page, '08-report-saved');
    await page.getByRole('link', { name: '下载进展报告' }).click();
    await page.waitForURL(/\/documents\/report\?period=2023-11$/);
    await shoot(page, '09-report-files');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a', { hasText: /\.docx$/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^官阳府文〔2023〕41号-.*进展情况的报告\.docx$/);
    const saved = path.join(mkdtempSync(path.join(os.tmpdir(), 'zhenggai-dl-')), 'report.docx');
    await download.saveAs(saved);
    const xml = Buffer.from(unzipSync(new Uint8Array(readFileSync(saved)))['word/document.xml']!).toString('utf8').replace(/<[^>]+>/g, '');
    for (const paragraph of PROSE) expect(xml).toContain(paragraph);

    for (const [name, url] of [
      ['10-check', `${planUrl}/check`],
      ['11-documents', `${planUrl}/documents`],
      ['12-accounts', `${server.url}/accounts`],
      ['13-audit', `${server.url}/audit`],
    ] as const) {
      await page.goto(url);
      await shoot(page, name);
    }
    expect(await page.locator('td', { hasText: 'report.workDone' }).count()).toBe(1);

    // The office creates a unit account for 经发办 in the browser and hands over its one-time password.
    await page.goto(`${server.url}/accounts`);
    await page.locator('input[name="username"]').fill('jingfaban');
    await page.locator('input[name="displayName"]').fill('经发办');
    await page.locator('select[name="role"]').selectOption('unit');
    await page.locator('select[name="planId"]').selectOption({ index: 1 });
    await page.locator('input[name="unit"]').fill('经发办');
    await page.getByRole('button', { name: '创建并生成一次性密码' }).click();
    const unitPassword = (await page.locator('.otp').textContent())!.trim();
    expect(unitPassword).toMatch(/^[A-Za-z0-9]{14}$/);
    await shoot(page, '14-new-account');
    await context.close();

    const unitContext = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    const unit = await unitContext.newPage();
    unit.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    await unit.goto(`${planUrl}`);
    await unit.waitForURL(/\/login\?next=/);
    await unit.locator('input[name="username"]').fill('jingfaban');
    await unit.locator('input[name="password"]').fill(unitPassword);
    await unit.getByRole('button', { name: '登录' }).click();
    await unit.waitForURL(/\/password$/);
    await unit.locator('input[name="current"]').fill(unitPassword);
    await unit.locator('input[name="password"]').fill('Jfb-2023-zhenggai');
    await unit.locator('input[name="repeat"]').fill('Jfb-2023-zhenggai');
    await unit.getByRole('button', { name: '修改密码' }).click();
    await unit.waitForURL(/\/plans$/);
    await unit.goto(planUrl);
    await shoot(unit, '15-unit-problems');
    // 经发办 leads problem 1, sees 2 (农业服务中心's; 经发办 cooperates) read-only, and not 11 (农业服务中心 alone).
    expect(await unit.locator('a[href$="/problems/1"]').count()).toBe(1);
    await expect(unit.locator('a[href$="/problems/2"] + br + span.hint').textContent()).resolves.toBe('本单位只读');
    expect(await unit.locator('a[href$="/problems/11"]').count()).toBe(0);
    expect(await unit.locator('a', { hasText: '文书下载' }).count()).toBe(0);
    await unitContext.close();
    expect(problems).toEqual([]);
  });
});
