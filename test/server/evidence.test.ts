// Evidence uploads with a unit's answer (issue 16): type by content
// (file-type), size limits, generated names in the data folder, downloads as
// attachments with nosniff to the office, the viewer and the reporting unit
// only, and an accepted answer's files in the exported folder's evidence/,
// listed by the progress entry, passing `zhenggai check`.

import { mkdtempSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { exportPlan } from '../../src/server/plan-store.js';
import { runCli } from '../cli/run.js';
import { describeWithTools } from '../helpers/tools.js';
import { answerVersion, openPeriodHarness, postMultipart, storedProgress, type Client, type Harness } from './harness.js';

const PERIOD = '2023-12';
// A 1×1 PNG (signature, IHDR, IDAT, IEND), written out byte by byte.
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d7a5c10000000049454e44ae426082', 'hex');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

describeWithTools(['better-sqlite3'], 'evidence uploads with an answer', () => {
  let harness: Harness;
  let office: Client;
  let viewer: Client;
  let unit: Client;
  let unitB: Client;
  const url = (n: number) => `/plans/${harness.planId}/periods/${PERIOD}/answers/${n}`;
  const version = (client: Client, n: number) => answerVersion(client, url(n));
  const fields = async () => ({ status: '已完成并长期坚持', completedOn: '2023-07-28', progress: '12月继续宣传。', version: await version(unit, 1), action: 'save' });
  const upload = async (files: { filename: string; data: Uint8Array }[], extra: Record<string, string> = {}) =>
    postMultipart(unit, url(1), { ...(await fields()), ...extra }, files.map((f) => ({ field: 'evidence', ...f })), url(1));
  const stored = () => harness.db.selectFrom('answerFiles').selectAll().orderBy('id').execute();

  beforeAll(async () => {
    ({ harness, office, viewer, unit, unitB } = await openPeriodHarness(PERIOD, ['viewer', 'unit', 'unitB']));
  });
  afterAll(async () => harness?.close());

  it('offers a camera input and a file input on a multipart form', async () => {
    const page = (await unit.request('GET', url(1))).body;
    expect(page).toContain('enctype="multipart/form-data"');
    expect(page).toContain('accept="image/*" capture="environment"');
    expect(page).toContain('accept="image/jpeg,image/png,image/heic,.heic,.jpg,.jpeg,.png,application/pdf,.pdf,.docx,.xlsx" multiple');
  });

  it('refuses by content: HTML or an executable named .jpg, a path in the name; nothing of the save is kept', async () => {
    const html = await upload([{ filename: '现场.jpg', data: Buffer.from('<html><script>alert(1)</script></html>') }]);
    expect(html.statusCode).toBe(400);
    expect(html.body).toContain('✗ “现场.jpg”：按文件内容不是可识别的图片或文档，只接受照片（JPEG、PNG、HEIC）、PDF、Word（.docx）和 Excel（.xlsx）文件');
    const exe = await upload([{ filename: 'photo.jpg', data: Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(200)]) }]);
    expect(exe.statusCode).toBe(400);
    expect(exe.body).toContain('“photo.jpg”：按文件内容是 exe 文件');
    const withPath = await upload([{ filename: '../../etc/照片.png', data: PNG }]);
    expect(withPath.statusCode).toBe(400);
    expect(withPath.body).toContain('文件名中不能含有文件夹路径');
    expect(await stored()).toEqual([]);
    // The refused save kept nothing: the answer was never saved.
    expect(await harness.db.selectFrom('answers').selectAll().execute()).toEqual([]);
  });

  it('refuses a file over 10 MB and an answer over its 10 files', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024 + 1 - PNG.length)]);
    const response = await upload([{ filename: '大照片.png', data: big }]);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('“大照片.png”：文件大小 10.0 MB，超过每个文件 10 MB 的上限');
    const eleven = Array.from({ length: 11 }, (_, i) => ({ filename: `p${i}.png`, data: PNG }));
    const many = await upload(eleven);
    expect(many.statusCode).toBe(400);
    expect(many.body).toContain('每个问题本期最多 10 个佐证文件，已有 0 个，本次 11 个');
    // Far over the limits the server stops reading (the route's multipart limits, not the plan import's 512 MB).
    const huge = await upload([{ filename: '巨大.png', data: Buffer.concat([PNG, Buffer.alloc(20 * 1024 * 1024 + 1)]) }]);
    expect(huge.statusCode).toBe(413);
    expect(huge.body).toContain('上传的文件过大');
    const thirteen = await upload(Array.from({ length: 13 }, (_, i) => ({ filename: `q${i}.png`, data: PNG })));
    expect(thirteen.statusCode).toBe(413);
    expect(thirteen.body).toContain('上传的文件过多');
    expect(await stored()).toEqual([]);
  });

  it('keeps a PNG named .pdf as a PNG (the name’s stem, the true extension), under a generated name in the data folder', async () => {
    const response = await upload([
      { filename: '现场照片.pdf', data: PNG },
      { filename: '告知书张贴照片.png', data: PNG },
      { filename: '会议纪要.pdf', data: PDF },
    ]);
    expect(response.statusCode).toBe(302);
    const rows = await stored();
    expect(rows.map((r) => [r.name, r.type, r.size, r.evidencePath])).toEqual([
      ['现场照片.png', 'png', PNG.length, null],
      ['告知书张贴照片.png', 'png', PNG.length, null],
      ['会议纪要.pdf', 'pdf', PDF.length, null],
    ]);
    const onDisk = readdirSync(path.join(harness.dataDir, 'files'));
    for (const row of rows) {
      expect(row.storedName).toMatch(/^[0-9a-f-]{36}$/);
      expect(onDisk).toContain(row.storedName);
    }
    const page = (await unit.request('GET', url(1))).body;
    expect(page).toContain(`<a href="${url(1)}/evidence/${rows[0]!.id}">现场照片.png</a>`);
  });

  it('serves a file as an attachment with nosniff to the office, the viewer and the reporting unit; another unit gets 404', async () => {
    const [first] = await stored();
    for (const client of [office, viewer, unit]) {
      const response = await client.request('GET', `${url(1)}/evidence/${first!.id}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('image/png');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-disposition']).toBe(`attachment; filename="evidence.png"; filename*=UTF-8''${encodeURIComponent('现场照片.png')}`);
      expect(Buffer.from(response.rawPayload).equals(PNG)).toBe(true);
    }
    const other = await unitB.request('GET', `${url(1)}/evidence/${first!.id}`);
    expect(other.statusCode).toBe(404);
    // The id of problem 1's file asked under unitB's own problem 11: still no such file.
    expect((await unitB.request('GET', `${url(11)}/evidence/${first!.id}`)).statusCode).toBe(404);
    // 经发办 cooperates on problem 2 (read-only): no evidence from there either.
    expect((await unit.request('GET', `${url(2)}/evidence/${first!.id}`)).statusCode).toBe(404);
  });

  it('refuses a file sent for another unit’s problem (404), storing nothing', async () => {
    const before = (await stored()).length;
    const response = await postMultipart(unitB, url(1), { status: '推进中', onSchedule: '是', progress: '越权', version: '1', action: 'save' }, [{ field: 'evidence', filename: '照片.png', data: PNG }], url(11));
    expect(response.statusCode).toBe(404);
    expect(await stored()).toHaveLength(before);
  });

  it('lets the reporting unit delete a file before submitting — row and bytes gone — and no one else', async () => {
    expect((await upload([{ filename: '拍错了.png', data: PNG }])).statusCode).toBe(302);
    const wrong = (await stored()).at(-1)!;
    expect(wrong.name).toBe('拍错了.png');
    const deleteUrl = `${url(1)}/evidence/${wrong.id}/delete`;
    expect((await unitB.post(deleteUrl, {}, url(11))).statusCode).toBe(404);
    expect((await office.post(deleteUrl, {}, url(1))).statusCode).toBe(403);
    expect((await unit.post(deleteUrl, {}, url(1))).statusCode).toBe(302);
    expect((await stored()).map((r) => r.name)).toEqual(['现场照片.png', '告知书张贴照片.png', '会议纪要.pdf']);
    expect(readdirSync(path.join(harness.dataDir, 'files'))).not.toContain(wrong.storedName);
    expect((await unit.post(deleteUrl, {}, url(1))).statusCode).toBe(404);
  });

  it('puts an accepted answer’s files into evidence/01/ under their names, never over an existing file; the exported folder passes check', async () => {
    expect((await postMultipart(unit, url(1), { ...(await fields()), action: 'submit' }, [], url(1))).statusCode).toBe(302);
    expect((await office.post(`${url(1)}/review`, { decision: 'accepted', reason: '', version: await version(office, 1) }, url(1))).statusCode).toBe(302);
    const progress = await storedProgress(harness, PERIOD);
    // data/guanyang-2022/evidence/01/ already holds 告知书张贴照片.png: the upload becomes -2.
    expect(progress.problems).toEqual([{ number: 1, status: '已完成并长期坚持', progress: '12月继续宣传。', completedOn: '2023-07-28', evidence: ['01/现场照片.png', '01/告知书张贴照片-2.png', '01/会议纪要.pdf'] }]);
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'zhenggai-evidence-')), 'guanyang-2022');
    const files = await exportPlan(harness.db, harness.dataDir, harness.planId);
    for (const file of files) {
      mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
      writeFileSync(path.join(dir, file.path), file.data);
    }
    expect(Buffer.from(files.find((f) => f.path === 'evidence/01/现场照片.png')!.data).equals(PNG)).toBe(true);
    expect(Buffer.from(files.find((f) => f.path === 'evidence/01/会议纪要.pdf')!.data).equals(PDF)).toBe(true);
    const cli = await runCli(['check', dir]);
    expect(cli.exit, cli.out + cli.err).toBe(0);
    // Accepted: the files are the plan's now and cannot be deleted from the answer.
    const [first] = await stored();
    expect((await unit.post(`${url(1)}/evidence/${first!.id}/delete`, {}, url(2))).statusCode).toBe(409);
  });
});
