// What the server's real-browser tests share: Debian's chromium driven by
// playwright-core (the project cannot download a browser; docs/server.md),
// the folder their screenshots go to and the two widths they are taken at.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
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
