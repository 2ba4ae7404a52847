// The plan import's 413 over real HTTP, shown in a real browser: the office
// signs in in chromium; with its session cookie and the import form's CSRF
// token the test sends the import form with 20,001 one-byte files (one past
// the 20,000 a folder upload may hold) from Node — chromium's own fetch
// fails on that many file parts whatever the server's limit (tried: it fails
// with the limit raised to 30,000, and 19,000 files pass) — and shows the
// page the server answered in the signed-in tab: the limits, that nothing
// was saved, 返回导入方案. Photographed at 1280 and 390 px into
// out/screenshots/60-import-too-large-*.png (looked at by hand); the phone
// must not scroll sideways.

import { expect, it } from 'vitest';
import { describeWithTools } from '../helpers/tools.js';
import { PHONE, photographBothWidths, startDemoBrowser } from '../helpers/browser.js';
import { multipart } from './harness.js';

describeWithTools(['better-sqlite3', 'chromium'], 'the plan import refused for its size, in a real browser', () => {
  const demo = startDemoBrowser('refusals');
  const { problems } = demo;

  it('answers 413 with the limits, that nothing was saved, and 返回导入方案, which leads back to the form', async () => {
    const page = await demo.signIn(0, { viewport: PHONE });
    await page.goto(`${demo.server.url}/plans/import`);
    const token = await page.locator('form[action="/plans/import"] input[name="_csrf"]').getAttribute('value');
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const files = Array.from({ length: 20_001 }, (_, i) => ({ field: 'folder', filename: `many/evidence/${i}.txt`, data: new Uint8Array([0x78]) }));
    const body = multipart({ _csrf: token ?? '' }, files);
    const response = await fetch(`${demo.server.url}/plans/import`, { method: 'POST', headers: { cookie, 'content-type': body.contentType }, body: body.payload });
    expect(response.status).toBe(413);
    await page.setContent(await response.text(), { waitUntil: 'load' });
    await expect(page.locator('div.error').textContent()).resolves.toBe('上传的文件过多，没有保存任何内容（已填写的文字也未保存）。导入的方案文件夹或 zip 压缩包、任务分解表，每个文件不超过 512 MB，一次最多 20000 个文件。请减少或压缩文件后重新提交。');
    await photographBothWidths(page, '60-import-too-large');
    await page.getByRole('link', { name: '返回导入方案' }).click();
    await page.waitForURL(/\/plans\/import$/);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
