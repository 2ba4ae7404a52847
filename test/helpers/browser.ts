// What the server's real-browser tests share: Debian's chromium driven by
// playwright-core (the project cannot download a browser; docs/server.md),
// the folder their screenshots go to and the two widths they are taken at,
// and the demo server with chromium started for a test file.
import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { DEMO_ACCOUNTS, startServer, type RunningServer } from '../../src/server/serve.js';
import { CHROMIUM } from './tools.js';

/** Screenshots, looked at by hand: out/screenshots/<name>-desktop.png and -phone.png. */
export const SHOTS = path.resolve('out/screenshots');
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

/** Headless chromium (no sandbox: tests run as root in CI), with the screenshot folder made. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
}

/**
 * Put `page` at phone width and check it does not scroll sideways, then save
 * it full-page as SHOTS/<name>-phone.png and, at desktop width, -desktop.png;
 * the page is left at `leaveAt` (phone width unless told).
 */
export async function photographBothWidths(page: Page, name: string, leaveAt: { width: number; height: number } = PHONE): Promise<void> {
  await page.setViewportSize(PHONE);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} at phone width`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: path.join(SHOTS, `${name}-phone.png`), fullPage: true });
  await page.setViewportSize(DESKTOP);
  await page.screenshot({ path: path.join(SHOTS, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize(leaveAt);
}

/** Sign in on the login page of `baseUrl` as `account` and wait for the plan list. */
export async function signInPage(page: Page, baseUrl: string, account: { username: string; password: string }): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.locator('input[name="username"]').fill(account.username);
  await page.locator('input[name="password"]').fill(account.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/plans$/);
}

/** From the plan list, open the bundled plan (the first link naming 官阳镇) and wait for its page; that page's URL. */
export async function openBundledPlan(page: Page): Promise<string> {
  await page.locator('a', { hasText: '官阳镇' }).first().click();
  await page.waitForURL(/\/plans\/\d+$/);
  return page.url();
}

/** On a plan's page as the office, open `period` (YYYY-MM) for online reporting through the 开放填报 form and wait for the plan's page of that period. */
export async function openPeriodInPage(page: Page, period: string): Promise<void> {
  await page.locator('input[name="period"]').fill(period);
  await page.getByRole('button', { name: '开放填报' }).click();
  await page.waitForURL(new RegExp(`\\?period=${period}$`));
}

/**
 * Which of a page's console errors are problems: 'all'; 'except-400', all but
 * chromium's line for a response with status 400 (a form the test expects to
 * be refused); 'none', only uncaught page errors count.
 */
export type ConsoleErrors = 'all' | 'except-400' | 'none';

/** A new page's browser context: its viewport, whether it takes downloads, which console errors are problems. */
export interface PageOptions {
  readonly viewport: { width: number; height: number };
  readonly acceptDownloads?: boolean;
  readonly consoleErrors?: ConsoleErrors;
}

/** The demo server and chromium of one test file; read its fields inside tests (they are set in beforeAll). */
export interface DemoBrowser {
  /** The demo server (`zhenggai serve --demo`: the bundled plan and DEMO_ACCOUNTS) on a free port of 127.0.0.1, over a fresh database. */
  readonly server: RunningServer;
  readonly browser: Browser;
  /**
   * What went wrong, in order: the server's error output and, for pages made by
   * openPage or signIn, their console errors (as PageOptions.consoleErrors says)
   * and uncaught errors. Tests expect it empty at the end; one that expects a
   * line may take it out.
   */
  readonly problems: string[];
  /** A new page in a new context (locale zh-CN) whose problems are collected; close it with page.context().close(). */
  openPage(options: PageOptions): Promise<Page>;
  /** openPage, then signed in as DEMO_ACCOUNTS[account] (0 office, 1 leader, 2 unit) and on the plan list. */
  signIn(account: 0 | 1 | 2, options: PageOptions): Promise<Page>;
}

/**
 * Register, in the calling describe block, a beforeAll that starts the demo
 * server (database in a new temporary folder named zhenggai-browser-<name>-…)
 * and launches chromium, and an afterAll that closes both.
 */
export function startDemoBrowser(name: string): DemoBrowser {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const problems: string[] = [];
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('startDemoBrowser: the server and browser start in beforeAll; read them inside a test');
    return value;
  };

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), `zhenggai-browser-${name}-`));
    server = await startServer({ db: path.join(dir, 'zhenggai.db'), port: 0, host: '127.0.0.1', demo: true, behindHttps: false }, { out: () => undefined, err: (t) => problems.push(t) });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const demo: DemoBrowser = {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
    problems,
    async openPage({ viewport, acceptDownloads, consoleErrors = 'all' }) {
      const context = await started(browser).newContext({ viewport, locale: 'zh-CN', ...(acceptDownloads ? { acceptDownloads } : {}) });
      const page = await context.newPage();
      if (consoleErrors !== 'none') {
        page.on('console', (m) => {
          if (m.type() === 'error' && !(consoleErrors === 'except-400' && m.text().includes('status of 400'))) problems.push(m.text());
        });
      }
      page.on('pageerror', (e) => problems.push(e.message));
      return page;
    },
    async signIn(account, options) {
      const page = await demo.openPage(options);
      await signInPage(page, started(server).url, DEMO_ACCOUNTS[account]);
      return page;
    },
  };
  return demo;
}
