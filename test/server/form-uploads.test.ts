// Excel forms uploaded by the office into an open period (issue 16: "both
// paths end in the same period data"). The forms are the server's own
// download (各牵头单位进展填报表 for 2023-12, pre-filled from 2023-11), filled
// as a unit fills them in Excel (cells rewritten in the xlsx, a photo put
// over a 佐证材料 cell), uploaded by the office on the period's answers page.
// Each row becomes an accepted answer with its round and lands in the
// period's progress file; a picture lands in evidence/; a bad form, a row a
// form may not replace, a closed period write nothing.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORM_SHEET } from '../../src/model/document/unit-form-layout.js';
import { exportPlan } from '../../src/server/plan-store.js';
import { runCli } from '../cli/run.js';
import { FormFile, pngPixel } from '../import/form-builder.js';
import { describeWithTools } from '../helpers/tools.js';
import { postMultipart, signedIn, startHarness, storedProgress, storedProgressText, type Client, type Harness } from './harness.js';

const PERIOD = '2023-12';
const PHOTO = pngPixel(10, 160, 40);

interface Entry {
  number: number;
  status?: string;
  progress?: string;
  evidence?: string[];
  [key: string]: unknown;
}

describeWithTools(['better-sqlite3'], 'Excel forms uploaded into an online period', () => {
  let harness: Harness;
  let office: Client;
  const answers = `/plans/1/periods/${PERIOD}/answers`;
  const upload = `/plans/1/periods/${PERIOD}/forms`;

  /** The server's own 各牵头单位进展填报表 of `period` for `unit`. */
  async function downloadForm(unit: string, period = PERIOD): Promise<Uint8Array> {
    const list = await office.request('GET', `/plans/1/documents/forms?period=${period}`);
    const links = [...list.body.matchAll(/href="([^"]+file=\d+)">([^<]+)</g)];
    const link = links.find((m) => m[2] === `${unit}.xlsx`);
    if (!link) throw new Error(`no form for ${unit}: ${links.map((m) => m[2]).join(', ')}`);
    const response = await office.request('GET', link[1]!.replace(/&amp;/g, '&'));
    expect(response.statusCode).toBe(200);
    return new Uint8Array(response.rawPayload);
  }

  function send(files: { name: string; data: Uint8Array }[], fields: Record<string, string> = {}) {
    return postMultipart(office, upload, fields, files.map((f) => ({ field: 'forms', filename: f.name, data: f.data })), answers);
  }

  async function progress(): Promise<Entry[]> {
    return (await storedProgress<Entry>(harness, PERIOD)).problems;
  }

  /** Everything an upload could write: the period's text, answers, rounds, files, stored bytes. */
  async function snapshot() {
    const db = harness.db;
    return {
      text: await storedProgressText(harness, PERIOD),
      answers: await db.selectFrom('answers').selectAll().orderBy('id').execute(),
      rounds: await db.selectFrom('answerRounds').selectAll().orderBy('id').execute(),
      answerFiles: await db.selectFrom('answerFiles').selectAll().orderBy('id').execute(),
      planFiles: await db.selectFrom('planFiles').selectAll().orderBy('path').execute(),
    };
  }

  beforeAll(async () => {
    harness = await startHarness();
    office = await signedIn(harness.app, 'office');
    expect((await office.post('/plans/1/periods', { period: PERIOD })).statusCode).toBe(302);
  });
  afterAll(async () => harness?.close());

  it('offers the upload to the office on the open period’s answers page, and to no one else', async () => {
    const page = await office.request('GET', answers);
    expect(page.body).toContain('上传 Excel 填报表');
    expect(page.body).toContain(`action="${upload}"`);
    expect(page.body).toContain('enctype="multipart/form-data"');
    for (const role of ['viewer', 'unit'] as const) {
      const other = await signedIn(harness.app, role);
      expect((await other.request('GET', answers)).body).not.toContain('上传 Excel 填报表');
    }
  });

  describe('bad forms: 400, the place named, nothing written', () => {
    const cases: [string, () => Promise<{ name: string; data: Uint8Array }>, RegExp][] = [
      ['a form of another period (2023-11)', async () => ({ name: '经发办.xlsx', data: await downloadForm('经发办', '2023-11') }), /经发办\.xlsx _zhenggai!B5 .*此表是 2023-11 期的填报表，本次导入的是 2023-12 期/],
      ['a form of another plan (发文字号)', async () => ({ name: '经发办.xlsx', data: new FormFile(await downloadForm('经发办')).cells('_zhenggai', { B3: { inline: '某某府发〔2023〕1号' } }).bytes() }), /经发办\.xlsx _zhenggai!B3 .*不是本方案/],
      ['an edited layout (a header renamed)', async () => ({ name: '经发办.xlsx', data: new FormFile(await downloadForm('经发办')).cells(FORM_SHEET, { G4: { inline: '状态' } }).bytes() }), /经发办\.xlsx 进展填报!G4 .*表头应为“整改状态”，此处为“状态”/],
      ['a bad date in a cell', async () => ({ name: '经发办.xlsx', data: new FormFile(await downloadForm('经发办')).cells(FORM_SHEET, { J5: { inline: '2023-13-45' } }).bytes() }), /经发办\.xlsx 进展填报!J5 .*“2023-13-45”不是存在的日期/],
      ['a row of a problem another unit reports (a row added below 经发办’s)', async () => ({ name: '经发办.xlsx', data: new FormFile(await downloadForm('经发办')).cells(FORM_SHEET, { A16: { inline: '2' }, G16: { inline: '已完成' } }).bytes() }), /经发办\.xlsx 进展填报!A16 .*表格末尾多出的内容不会被导入/],
      ['a picture that is no xlsx', async () => ({ name: '经发办.xlsx', data: PHOTO }), /经发办\.xlsx .*不是Excel 工作簿（\.xlsx）/],
    ];
    for (const [what, make, message] of cases) {
      it(`refuses ${what}`, async () => {
        const before = await snapshot();
        const response = await send([await make()]);
        expect(response.statusCode).toBe(400);
        expect(response.body).toMatch(message);
        expect(response.body).toContain('未导入任何内容');
        expect(await snapshot()).toEqual(before);
      });
    }

    it('refuses an upload without a file', async () => {
      const response = await send([]);
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('请选择要上传的填报表');
    });
  });

  it('records 农业服务中心’s form: each row an accepted answer with its round, merged into the period, the photo in evidence/', async () => {
    const filled = new FormFile(await downloadForm('农业服务中心'))
      // Row 5 is problem 2 (已销号 in 2023-11, its closure carried); row 6 problem 11, answered afresh.
      .cells(FORM_SHEET, {
        I5: { inline: '12月回访2户，宅基地保持平整。' },
        G6: { inline: '推进中' },
        H6: { inline: '否' },
        I6: { inline: '奖补资金已兑付12户；冬季管护培训2场。' },
        L6: { inline: '部分农户庭院验收须待开春后复查。' },
        M6: { inline: '2024年3月底前完成' },
        N6: { inline: '庭院经济作物须开春后复查成活情况。' },
        O6: { inline: '2023年12月15日' },
      })
      .floatingPicture(FORM_SHEET, 'K5', PHOTO)
      .bytes();
    const response = await send([{ name: '农业服务中心.xlsx', data: filled }]);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.body).toContain('已导入 农业服务中心.xlsx：农业服务中心 第 2、11 号问题（共 2 个），已采纳并写入 2023-12 期进展');
    expect(response.body).toContain('已从 农业服务中心.xlsx 进展填报!K5 提取图片，存为 evidence/02/农业服务中心-2023-12-1.png');

    const entries = await progress();
    expect(entries.map((e) => e.number)).toEqual([2, 11]);
    expect(entries[0]).toMatchObject({ number: 2, status: '已销号', progress: '12月回访2户，宅基地保持平整。', evidence: ['02/农业服务中心-2023-12-1.png'] });
    expect(entries[0]!.closure).toMatchObject({ date: '2023-11-10', approver: '汪石' });
    expect(entries[1]).toEqual({
      number: 11,
      status: '推进中',
      onSchedule: false,
      progress: '奖补资金已兑付12户；冬季管护培训2场。',
      reason: '部分农户庭院验收须待开春后复查。',
      extension: { deadline: '2024年3月底前完成', reason: '庭院经济作物须开春后复查成活情况。', approvedOn: '2023-12-15' },
    });

    // The answers and their rounds: 填报人 the unit via the upload, 审核人 the office account.
    const rows = await harness.db.selectFrom('answers').innerJoin('answerRounds', 'answerRounds.answerId', 'answers.id').selectAll().where('answers.period', '=', PERIOD).orderBy('answers.number').execute();
    expect(rows.map((r) => [r.number, r.state, r.unit, r.submittedBy, r.reviewedBy, r.decision])).toEqual([
      [2, 'accepted', '农业服务中心', '农业服务中心（Excel 表单上传：农业服务中心.xlsx，测试office（office1））', '测试office（office1）', 'accepted'],
      [11, 'accepted', '农业服务中心', '农业服务中心（Excel 表单上传：农业服务中心.xlsx，测试office（office1））', '测试office（office1）', 'accepted'],
    ]);
    expect(JSON.parse(rows[1]!.valuesJson)).toEqual({ status: '推进中', onSchedule: '否', progress: '奖补资金已兑付12户；冬季管护培训2场。', reason: '部分农户庭院验收须待开春后复查。', extensionDeadline: '2024年3月底前完成', extensionReason: '庭院经济作物须开春后复查成活情况。', extensionApprovedOn: '2023-12-15' });

    // The unit sees it accepted, the round and the photo on its page; the photo downloads as it was put in.
    const unitB = await signedIn(harness.app, 'unitB');
    const page = await unitB.request('GET', `${answers}/2`);
    expect(page.body).toContain('已采纳');
    expect(page.body).toContain('Excel 表单上传');
    const file = /href="([^"]+\/evidence\/\d+)"[^>]*>农业服务中心-2023-12-1\.png</.exec(page.body);
    expect(file, page.body).not.toBeNull();
    const photo = await unitB.request('GET', file![1]!);
    expect(Buffer.from(photo.rawPayload).equals(Buffer.from(PHOTO))).toBe(true);
    // An accepted answer is not the unit's to change any more.
    expect((await unitB.post(`${answers}/11`, { status: '推进中', onSchedule: '是', version: '1', action: 'save' }, `${answers}/11`)).statusCode).toBe(409);

    // The audit log names the upload and each field.
    const audit = await harness.db.selectFrom('audit').selectAll().where('action', '=', '上传 Excel 填报表').execute();
    expect(audit.map((a) => a.field)).toEqual(expect.arrayContaining(['第 2 号问题 填报状态', '第 11 号问题 整改进展', '表格中的图片']));
    expect(audit.find((a) => a.field === '表格中的图片')!.newValue).toBe('evidence/02/农业服务中心-2023-12-1.png（农业服务中心.xlsx 进展填报!K5）');

    // The exported folder holds the entries and the photo, and passes zhenggai check.
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'zhenggai-upload-')), 'guanyang-2022');
    for (const f of await exportPlan(harness.db, harness.dataDir, harness.planId)) {
      mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
      writeFileSync(path.join(dir, f.path), f.data);
    }
    const check = await runCli(['check', dir]);
    expect(check.exit, check.out + check.err).toBe(0);
  });

  it('decides per problem against 经发办’s online answers: submitted refused; accepted refused unless replacing; draft and returned replaced — every round kept', async () => {
    const unit = await signedIn(harness.app, 'unit');
    const url = (n: number) => `${answers}/${n}`;
    // Problem 1 accepted online, 3 submitted, 4 a draft.
    // Problem 1's online answer comes with a photo, placed in evidence/ on acceptance.
    expect((await postMultipart(unit, url(1), { status: '已完成并长期坚持', completedOn: '2023-07-28', progress: '线上：12月发放告知单96份。', version: '0', action: 'submit' }, [{ field: 'evidence', filename: '现场照片.png', data: PHOTO }], url(1))).statusCode).toBe(302);
    expect((await office.post(`${url(1)}/review`, { decision: 'accepted', reason: '', version: '1' }, url(1))).statusCode).toBe(302);
    expect((await unit.post(url(4), { status: '已完成并长期坚持', completedOn: '2023-08-25', progress: '线上：草稿', version: '0', action: 'submit' }, url(4))).statusCode).toBe(302);
    expect((await unit.post(url(3), { status: '已销号', completedOn: '2023-07-31', progress: '线上：待审核', version: '0', action: 'submit' }, url(3))).statusCode).toBe(302);
    // 4 goes back to a draft: returned, then saved again by the unit.
    expect((await office.post(`${url(4)}/review`, { decision: 'returned', reason: '请补充户数', version: '1' }, url(4))).statusCode).toBe(302);
    expect((await unit.post(url(4), { status: '已完成并长期坚持', completedOn: '2023-08-25', progress: '线上：草稿', version: '2', action: 'save' }, url(4))).statusCode).toBe(302);

    const form = new FormFile(await downloadForm('经发办')).cells(FORM_SHEET, { I5: { inline: '表格：12月发放告知单96份。' }, I7: { inline: '表格：12月维修户厕4座。' } }).bytes();
    const sent = () => [{ name: '经发办.xlsx', data: form }];

    let before = await snapshot();
    const plain = await send(sent());
    expect(plain.statusCode).toBe(400);
    expect(plain.body).toContain('有 2 个问题本期已有进展，未导入任何内容');
    expect(plain.body).toMatch(/经发办\.xlsx 进展填报!A5 .*第 1 号问题本期已采纳填报（测试office（office1） \d{4}-\d\d-\d\d \d\d:\d\d 采纳）：如需以本表为准，请勾选/);
    expect(plain.body).toMatch(/经发办\.xlsx 进展填报!A6 .*第 3 号问题已有经发办在线提交的填报，待整改办审核：请先在“填报与审核”中采纳或退回/);
    expect(await snapshot()).toEqual(before);

    const replacing = await send(sent(), { replace: '1' });
    expect(replacing.statusCode).toBe(400);
    expect(replacing.body).toContain('有 1 个问题本期已有进展');
    expect(replacing.body).toMatch(/进展填报!A6 .*第 3 号问题已有经发办在线提交的填报/);
    expect(replacing.body).not.toContain('第 1 号问题本期已采纳');
    expect(await snapshot()).toEqual(before);

    // The office returns 3; now the form is the later word for 1, 3 and 4.
    expect((await office.post(`${url(3)}/review`, { decision: 'returned', reason: '已销号问题请写巩固情况', version: '1' }, url(3))).statusCode).toBe(302);
    before = await snapshot();
    const done = await send(sent(), { replace: '1' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.body).toContain('原有的在线填报已由表格替换：第 1 号（原为已采纳）、第 3 号（原为已退回，待修改）、第 4 号（原为草稿）');

    const entries = await progress();
    expect(entries.find((e) => e.number === 1)!.progress).toBe('表格：12月发放告知单96份。');
    // The photo the replaced online answer brought stays listed: the form's row does not drop it.
    expect(entries.find((e) => e.number === 1)!.evidence).toEqual(['01/现场照片.png']);
    expect(entries.find((e) => e.number === 4)!.progress).toBe('表格：12月维修户厕4座。');
    // 农业服务中心's entries of the earlier upload are kept.
    expect(entries.map((e) => e.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 9, 11, 14, 15, 16, 17]);

    const rounds = async (n: number) =>
      (await harness.db.selectFrom('answerRounds').innerJoin('answers', 'answers.id', 'answerRounds.answerId').select(['answerRounds.submittedBy', 'answerRounds.decision', 'answerRounds.valuesJson']).where('answers.number', '=', n).where('answers.period', '=', PERIOD).orderBy('answerRounds.id').execute()).map((r) => [
        r.submittedBy.includes('Excel 表单上传') ? 'Excel' : 'online',
        r.decision,
        (JSON.parse(r.valuesJson) as { progress?: string }).progress,
      ]);
    expect(await rounds(1)).toEqual([['online', 'accepted', '线上：12月发放告知单96份。'], ['Excel', 'accepted', '表格：12月发放告知单96份。']]);
    expect(await rounds(3)).toEqual([['online', 'returned', '线上：待审核'], ['Excel', 'accepted', '已销号；各村（社区）继续按月开展监测对象排查。']]);
    expect(await rounds(4)).toEqual([['online', 'returned', '线上：草稿'], ['Excel', 'accepted', '表格：12月维修户厕4座。']]);
    // The draft's text, never in a round, is in the audit log as the old value.
    const audit = await harness.db.selectFrom('audit').selectAll().where('action', '=', '上传 Excel 填报表').where('field', '=', '第 4 号问题 整改进展').execute();
    expect(audit.map((a) => [a.oldValue, a.newValue])).toEqual([['线上：草稿', '表格：12月维修户厕4座。']]);
    // The problem's history page lists both rounds of problem 1.
    const history = await office.request('GET', '/plans/1/problems/1');
    expect(history.body).toContain('Excel 表单上传：经发办.xlsx');
    expect(before.rounds.length + 11).toBe((await snapshot()).rounds.length);
  });

  it('refuses a form whose problems the period’s file already holds (no online answer) unless replacing', async () => {
    // 2023-11 came with the folder: its file holds every problem's entry.
    await harness.db.insertInto('reportingPeriods').values({ planId: harness.planId, period: '2023-11', state: 'open', openedAt: new Date().toISOString(), openedBy: 1, closedAt: null, closedBy: null }).execute();
    const form = await downloadForm('社保所', '2023-11');
    const url = '/plans/1/periods/2023-11/forms';
    const response = await postMultipart(office, url, {}, [{ field: 'forms', filename: '社保所.xlsx', data: form }], '/plans/1/periods/2023-11/answers');
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(/社保所\.xlsx 进展填报!A5 .*第 10 号问题本期进展文件中已有进展：如需以本表为准/);
    const replaced = await postMultipart(office, url, { replace: '1' }, [{ field: 'forms', filename: '社保所.xlsx', data: form }], '/plans/1/periods/2023-11/answers');
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.body).toContain('社保所 第 10、12 号问题（共 2 个）');
  });

  it('an upload racing the unit’s own submission of one of its problems: exactly one lands, the other is refused, nothing half-written', async () => {
    // A server of its own, 2023-12 freshly opened: 经发办's form is pre-filled from 2023-11.
    const own = await startHarness();
    try {
      const ownOffice = await signedIn(own.app, 'office');
      expect((await ownOffice.post('/plans/1/periods', { period: PERIOD })).statusCode).toBe(302);
      const list = await ownOffice.request('GET', `/plans/1/documents/forms?period=${PERIOD}`);
      const href = /href="([^"]+file=\d+)">经发办\.xlsx</.exec(list.body)![1]!.replace(/&amp;/g, '&');
      const form = new Uint8Array((await ownOffice.request('GET', href)).rawPayload);
      const unit = await signedIn(own.app, 'unit');
      const url = `${answers}/1`;
      await unit.csrf(url);
      const [online, uploaded] = await Promise.all([
        unit.post(url, { status: '已完成并长期坚持', completedOn: '2023-07-28', progress: '线上提交。', version: '0', action: 'submit' }, url),
        postMultipart(ownOffice, upload, {}, [{ field: 'forms', filename: '经发办.xlsx', data: form }], answers),
      ]);
      const answer = await own.db.selectFrom('answers').selectAll().where('period', '=', PERIOD).where('number', '=', 1).executeTakeFirstOrThrow();
      const numbers = (await storedProgress<Entry>(own, PERIOD)).problems.map((e) => e.number);
      if (online.statusCode === 302) {
        // The submission came first: the upload is refused at problem 1's row, and none of 经发办's rows is written.
        expect(uploaded.statusCode).toBe(400);
        expect(uploaded.body).toMatch(/进展填报!A5 .*第 1 号问题已有经发办在线提交的填报/);
        expect(answer.state).toBe('submitted');
        expect(numbers).toEqual([]);
      } else {
        // The upload came first: the submission meets an accepted answer.
        expect(online.statusCode).toBe(409);
        expect(uploaded.statusCode).toBe(200);
        expect(answer.state).toBe('accepted');
        expect(numbers).toEqual([1, 3, 4, 5, 6, 7, 9, 14, 15, 16, 17]);
      }
    } finally {
      await own.close();
    }
  });

  it('refuses an upload into a closed period with 409', async () => {
    const form = await downloadForm('党群办');
    expect((await office.post(`/plans/1/periods/${PERIOD}/close`, {}, answers)).statusCode).toBe(302);
    const before = await snapshot();
    const response = await postMultipart(office, upload, {}, [{ field: 'forms', filename: '党群办.xlsx', data: form }], '/password');
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain('2023-12 期已关闭');
    expect(await snapshot()).toEqual(before);
  });
});
