// A submission refused for errors at its fields loses nothing (issue 16):
// it is kept as a draft — what was typed and the files sent with it — and
// the page says so; the unit fixes the field and submits without choosing
// the files again, and the accepted entry lists them. A returned answer's
// reason stays above the form through such a refusal.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithTools } from '../helpers/tools.js';
import { answerVersion, openPeriodHarness, postMultipart, storedProgress, type Client, type Harness } from './harness.js';

const PERIOD = '2023-12';
// A 1×1 PNG (signature, IHDR, IDAT, IEND), written out byte by byte.
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d7a5c10000000049454e44ae426082', 'hex');

describeWithTools(['better-sqlite3'], 'a refused submission keeps its files as a draft', () => {
  let harness: Harness;
  let office: Client;
  let unit: Client;
  const url = (n: number) => `/plans/${harness.planId}/periods/${PERIOD}/answers/${n}`;
  const version = (client: Client, n: number) => answerVersion(client, url(n));

  beforeAll(async () => {
    ({ harness, office, unit } = await openPeriodHarness(PERIOD, ['unit']));
  });
  afterAll(async () => harness?.close());

  it('keeps the typed answer and the photo as a draft, says so, and submits them once the field is fixed', async () => {
    // 已完成 without its completion date: refused at 完成时间.
    const refused = await postMultipart(unit, url(16), { status: '已完成', completedOn: '', progress: '已完成公示整改。', version: '0', action: 'submit' }, [{ field: 'evidence', filename: '公示照片.png', data: PNG }], url(16));
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('有 1 处须改正，未提交');
    expect(refused.body).toContain('您填写的内容已存为草稿。随本次提交上传的 1 个文件已保存（见下方“已上传的佐证材料”），不必重新选择。');
    expect(refused.body).toMatch(/id="f-completedOn" value="">\s*<p class="field-error" role="alert">✗ 整改状态为“已完成”，须填写完成时间/);
    expect(refused.body).toContain(`href="${url(16)}/evidence/1">公示照片.png</a>`);
    expect(refused.body).toContain('<strong>草稿</strong>');
    const answer = await harness.db.selectFrom('answers').selectAll().where('number', '=', 16).executeTakeFirstOrThrow();
    expect([answer.state, answer.version, JSON.parse(answer.valuesJson)]).toEqual(['draft', 1, { status: '已完成', progress: '已完成公示整改。' }]);
    // The refused page's form carries the draft's version, so the fix is not taken for a stale save.
    expect(refused.body).toContain('name="version" value="1"');
    expect(await harness.db.selectFrom('answerFiles').select(['id', 'name']).execute()).toEqual([{ id: 1, name: '公示照片.png' }]);
    expect(await harness.db.selectFrom('answerRounds').selectAll().execute()).toEqual([]);
    const audit = await harness.db.selectFrom('audit').select(['field', 'newValue']).where('action', '=', '提交未通过，存为草稿').execute();
    expect(audit).toContainEqual({ field: '上传佐证材料', newValue: '公示照片.png（png，70 字节）' });
    // Fixed without choosing the photo again: submitted, accepted, and the entry lists it.
    expect((await unit.post(url(16), { status: '已完成', completedOn: '2023-10-30', progress: '已完成公示整改。', version: '1', action: 'submit' }, url(16))).statusCode).toBe(302);
    expect((await office.post(`${url(16)}/review`, { decision: 'accepted', reason: '', version: await version(office, 16) }, url(16))).statusCode).toBe(302);
    const progress = await storedProgress<{ number: number; evidence?: string[] }>(harness, PERIOD);
    expect(progress.problems.find((p) => p.number === 16)?.evidence).toEqual(['16/公示照片.png']);
  });

  it('keeps the office’s reason for returning above the form when a resubmission is refused', async () => {
    expect((await unit.post(url(1), { status: '推进中', onSchedule: '是', progress: '宣传中。', version: '0', action: 'submit' }, url(1))).statusCode).toBe(302);
    expect((await office.post(`${url(1)}/review`, { decision: 'returned', reason: '请写明宣传场次', version: await version(office, 1) }, url(1))).statusCode).toBe(302);
    const again = await unit.post(url(1), { status: '已完成', progress: '宣传12场。', version: await version(unit, 1), action: 'submit' }, url(1));
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('整改办已退回（测试office（office1））：请写明宣传场次');
    expect((await unit.request('GET', url(1))).body).toContain('整改办已退回（测试office（office1））：请写明宣传场次');
  });
});
