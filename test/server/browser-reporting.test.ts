// Units reporting online in a real browser (issue 16): Debian's chromium
// driven by playwright-core, against the demo server (the bundled plan; the
// demo unit account is 经发办). The office opens 2023-12; the unit, on a
// phone-width screen, fills problem 1 and submits; the office returns it
// with a reason; the unit sees the reason, fixes and resubmits; the office
// accepts; the exported plan folder holds the answer and passes
// `zhenggai check`. Each page is photographed at 1280 and 390 px into
// out/screenshots/ (looked at by hand) and must not scroll sideways on the phone.

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, startServer, type RunningServer } from '../../src/server/serve.js';
import { runCli } from '../cli/run.js';
import { describeWithTools } from '../helpers/tools.js';
import { DESKTOP, PHONE, SHOTS, launchChromium } from '../helpers/browser.js';

const FIRST = '12月继续发放告知单。';
const FIXED = '长期坚持：12月发放告知单96份；村医入户随访时宣传政策。';
const REASON = '请写明本月发放告知单份数和宣传方式';
/** The photo the unit uploads: the bundled plan's own (a real PNG). */
const PHOTO = readFileSync(path.resolve('data/guanyang-2022/evidence/01/告知书张贴照片.png'));

describeWithTools(['better-sqlite3', 'chromium'], 'units reporting online in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-browser2-'));
    server = await startServer({ db: path.join(dir, 'zhenggai.db'), port: 0, host: '127.0.0.1', demo: true, behindHttps: false }, { out: () => undefined, err: (t) => problems.push(t) });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Photograph the page at desktop and phone width and check the phone layout does not scroll sideways; leaves the page at `keep` width. */
  async function shoot(page: Page, name: string, keep: { width: number; height: number }): Promise<void> {
    await page.setViewportSize(DESKTOP);
    await page.screenshot({ path: path.join(SHOTS, `${name}-desktop.png`), fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: path.join(SHOTS, `${name}-phone-full.png`), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} at phone width`).toBeLessThanOrEqual(0);
    await page.setViewportSize(keep);
  }

  async function signIn(role: 0 | 2, viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${server.url}/login`);
    await page.locator('input[name="username"]').fill(DEMO_ACCOUNTS[role].username);
    await page.locator('input[name="password"]').fill(DEMO_ACCOUNTS[role].password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/plans$/);
    return { context, page };
  }

  it('opens a period, a unit reports from a phone, the office returns and then accepts, and the export passes check', async () => {
    const { context: officeContext, page: office } = await signIn(0, DESKTOP);
    await office.locator('a', { hasText: '官阳镇' }).first().click();
    await office.waitForURL(/\/plans\/\d+$/);
    const planUrl = office.url();
    await office.locator('input[name="period"]').fill('2023-12');
    await office.getByRole('button', { name: '开放填报' }).click();
    await office.waitForURL(/\?period=2023-12$/);
    expect(await office.locator('li', { hasText: '2023-12' }).textContent()).toContain('填报中');
    await shoot(office, '20-period-opened', DESKTOP);

    // The unit, on a phone.
    const { context: unitContext, page: unit } = await signIn(2, PHONE);
    await unit.goto(planUrl);
    await unit.getByRole('link', { name: '去填报' }).click();
    await unit.waitForURL(/\/periods\/2023-12\/answers$/);
    await shoot(unit, '21-unit-answers', PHONE);
    expect(await unit.locator('a[href$="/answers/11"]').count()).toBe(0); // 农业服务中心's
    await unit.locator('a[href$="/answers/1"]').click();
    await unit.waitForURL(/\/answers\/1$/);
    // Pre-filled from 2023-11.
    expect(await unit.locator('select[name="status"]').inputValue()).toBe('已完成并长期坚持');
    await unit.locator('textarea[name="progress"]').fill(FIRST);
    // A photo through the camera input (a real PNG of the bundled plan's evidence, as a phone would send it).
    await unit.locator('#f-evidence-camera').setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: PHOTO });
    await shoot(unit, '22-unit-form', PHONE);
    await unit.getByRole('button', { name: '提交审核' }).click();
    await unit.waitForURL(/\?saved=submit$/);
    await shoot(unit, '23-unit-submitted', PHONE);
    expect(await unit.locator('a[href*="/evidence/"]').allTextContents()).toEqual(['现场照片.png']);

    // The office returns it.
    await office.goto(`${planUrl}/periods/2023-12/answers/1`);
    await office.locator('textarea[name="reason"]').fill(REASON);
    await shoot(office, '24-office-review', DESKTOP);
    await office.getByRole('button', { name: '退回' }).click();
    await office.waitForURL(/\?saved=review$/);

    // The unit sees the reason, fixes and resubmits.
    await unit.goto(`${planUrl}/periods/2023-12/answers/1`);
    expect(await unit.locator('.error').first().textContent()).toContain(REASON);
    await shoot(unit, '25-unit-returned', PHONE);
    await unit.locator('textarea[name="progress"]').fill(FIXED);
    await unit.getByRole('button', { name: '提交审核' }).click();
    await unit.waitForURL(/\?saved=submit$/);

    // The office accepts; the history shows both rounds.
    await office.goto(`${planUrl}/periods/2023-12/answers/1`);
    await office.getByRole('button', { name: '采纳' }).click();
    await office.waitForURL(/\?saved=review$/);
    expect(await office.locator('td[data-label="结果"]').allTextContents()).toEqual(['退回', '采纳']);
    await shoot(office, '26-office-accepted', DESKTOP);
    await office.goto(`${planUrl}/problems/1`);
    await shoot(office, '27-problem-history', DESKTOP);
    await office.goto(`${planUrl}/periods/2023-12/answers`);
    expect(await office.locator('tr', { hasText: '经发办' }).first().locator('td[data-label="已采纳"]').textContent()).toBe('1');
    await shoot(office, '28-office-answers', DESKTOP);

    // The exported folder holds the accepted answer and passes zhenggai check.
    await office.goto(planUrl);
    const [download] = await Promise.all([office.waitForEvent('download'), office.getByRole('link', { name: '导出方案文件夹' }).click()]);
    const zip = path.join(mkdtempSync(path.join(os.tmpdir(), 'zhenggai-export-')), 'plan.zip');
    await download.saveAs(zip);
    const dir = path.dirname(zip);
    for (const [name, data] of Object.entries(unzipSync(new Uint8Array(readFileSync(zip))))) {
      if (name.endsWith('/')) continue;
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), data);
    }
    const progress = JSON.parse(readFileSync(path.join(dir, 'guanyang-2022', 'progress', '2023-12.json'), 'utf8')) as { problems: unknown[] };
    expect(progress.problems).toEqual([{ number: 1, status: '已完成并长期坚持', progress: FIXED, completedOn: '2023-07-28', evidence: ['01/现场照片.png'] }]);
    expect(readFileSync(path.join(dir, 'guanyang-2022', 'evidence', '01', '现场照片.png')).equals(PHOTO)).toBe(true);
    const check = await runCli(['check', path.join(dir, 'guanyang-2022')]);
    expect(check.exit, check.out + check.err).toBe(0);

    await officeContext.close();
    await unitContext.close();
    expect(problems).toEqual([]);
  });
});
