// What the server's real-browser tests share: Debian's chromium driven by
// playwright-core (the project cannot download a browser; docs/server.md),
// the folder their screenshots go to and the two widths they are taken at.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
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
 * Check that `page` (at phone width) does not scroll sideways, then save it
 * full-page as SHOTS/<name>-phone.png and, at desktop width, -desktop.png;
 * the page is left at phone width.
 */
export async function photographBothWidths(page: Page, name: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} at phone width`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: path.join(SHOTS, `${name}-phone.png`), fullPage: true });
  await page.setViewportSize(DESKTOP);
  await page.screenshot({ path: path.join(SHOTS, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize(PHONE);
}

/** Sign in on the login page of `baseUrl` as `account` and wait for the plan list. */
export async function signInPage(page: Page, baseUrl: string, account: { username: string; password: string }): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.locator('input[name="username"]').fill(account.username);
  await page.locator('input[name="password"]').fill(account.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/plans$/);
}
