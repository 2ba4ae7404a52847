// Units reporting online and the office's review (issue 16, steps 2 and 3):
// 经发办 (unit) reports its problems and sees, read-only, those it co-leads
// or cooperates on; 农业服务中心 (unitB) never sees 经发办's. Answers are
// checked by the import's rules with the message at the field; drafts are
// kept, submissions with an error refused; a save from a stale version is
// refused with what changed; the office returns with a reason and accepts;
// the accepted answer is the period's progress entry as `import` writes it,
// the exported folder passes `zhenggai check`, and every round is kept.

import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { exportPlan } from '../../src/server/plan-store.js';
import { runCli } from '../cli/run.js';
import { describeWithTools } from '../helpers/tools.js';
import { answerVersion, formVersion, openPeriodHarness, storedProgress, type Client, type Harness } from './harness.js';

const PERIOD = '2023-12';

describeWithTools(['better-sqlite3'], 'answers online and their review', () => {
  let harness: Harness;
  let office: Client;
  let unit: Client;
  let unitB: Client;
  const url = (n: number) => `/plans/${harness.planId}/periods/${PERIOD}/answers/${n}`;
  const version = (client: Client, n: number) => answerVersion(client, url(n));
  const progress2023_12 = () => storedProgress(harness, PERIOD);

  beforeAll(async () => {
    ({ harness, office, unit, unitB } = await openPeriodHarness(PERIOD, ['unit', 'unitB']));
  });
  afterAll(async () => harness?.close());

  it('lists to a unit the problems it reports and, marked read-only, those it co-leads or cooperates on; never another unit’s', async () => {
    const list = await unit.request('GET', `/plans/${harness.planId}/periods/${PERIOD}/answers`);
    const linked = [...list.body.matchAll(/answers\/(\d+)"/g)].map((m) => Number(m[1]));
    // From data/guanyang-2022/plan.json: 经发办 first-leads 1 3 4 5 6 7 9 14 15 16 17; co-leads 13 (规建办 first) and 21 (党群办 first); cooperates on 2.
    // Its own first, then, listed apart, those it only sees.
    expect(linked).toEqual([1, 3, 4, 5, 6, 7, 9, 14, 15, 16, 17, 2, 13, 21]);
    expect(list.body.match(/本单位只读/g)).toHaveLength(3);
    const listB = await unitB.request('GET', `/plans/${harness.planId}/periods/${PERIOD}/answers`);
    expect([...listB.body.matchAll(/answers\/(\d+)"/g)].map((m) => Number(m[1]))).toEqual([2, 11]);
    const other = await unitB.request('GET', url(1));
    expect(other.statusCode).toBe(404);
    expect(other.body).toContain('没有这个问题，或您的账户无权查看');
    const cooperating = await unit.request('GET', url(2));
    expect(cooperating.statusCode).toBe(200);
    expect(cooperating.body).not.toContain('保存草稿');
    expect(cooperating.body).toContain('只读；由 农业服务中心 填报');
    // No link to the problem's page from the answer page (routes/answers.ts hides it from a co-leading or
    // cooperating unit, which may now open that page read-only: docs/server.md, read-only pages).
    expect(cooperating.body).not.toContain(`/plans/${harness.planId}/problems/2"`);
  });

  it('pre-fills a unit’s form from the period before, as the Excel form is', async () => {
    const page = await unit.request('GET', url(1));
    // 2023-11's entry for problem 1: 已完成并长期坚持, completed 2023-07-28.
    expect(page.body).toContain('<option selected>已完成并长期坚持</option>');
    expect(page.body).toContain('name="completedOn" id="f-completedOn" value="2023-07-28"');
    expect(page.body).toContain('长期坚持：11月发放告知单109份');
  });

  it('keeps a draft with errors, shows the import’s messages at the field, and refuses to submit it', async () => {
    const fields = { status: '已完成', completedOn: '', progress: '已完成排查。', version: await version(unit, 1) };
    const draft = await unit.post(url(1), { ...fields, action: 'save' }, url(1));
    expect(draft.statusCode).toBe(302);
    const page = await unit.request('GET', url(1));
    expect(page.body).toMatch(/id="f-completedOn" value="">\s*<p class="field-error" role="alert">✗ 整改状态为“已完成”，须填写完成时间/);
    const submit = await unit.post(url(1), { ...fields, version: await version(unit, 1), action: 'submit' }, url(1));
    expect(submit.statusCode).toBe(400);
    expect(submit.body).toContain('有 1 处须改正，未提交');
    const cases: [Record<string, string>, string, string][] = [
      [{ status: '已完成', completedOn: '2024-01-05' }, 'completedOn', '完成时间 2024-01-05 晚于本期统计截止日期 2023-12-31'],
      [{ status: '差不多了' }, 'status', '差不多了'],
      [{ status: '推进中', extensionDeadline: '2024年3月底前' }, 'extensionReason', '调整时限须同时填写调整后时限、调整原因和调整批准日期：缺少调整原因'],
      [{ status: '已销号' }, 'status', '“已销号”须经销号审批'],
    ];
    for (const [answers, at, message] of cases) {
      const response = await unit.post(url(1), { ...answers, version: await version(unit, 1), action: 'submit' }, url(1));
      expect(response.statusCode, message).toBe(400);
      const field = new RegExp(`id="f-${at}"[^]*?<p class="field-error" role="alert">✗ ([^<]*)`).exec(response.body)?.[1] ?? '';
      expect(field, at).toContain(message);
    }
    expect((await harness.db.selectFrom('answerRounds').selectAll().execute()).length).toBe(0);
  });

  it('refuses a save from a stale version, naming what the other save changed, and loses neither', async () => {
    const v = await version(unit, 1);
    const first = await unit.post(url(1), { status: '已完成并长期坚持', completedOn: '2023-07-28', progress: '第一人的文字', version: v, action: 'save' }, url(1));
    expect(first.statusCode).toBe(302);
    const second = await unit.post(url(1), { status: '已完成并长期坚持', completedOn: '2023-07-28', progress: '第二人的文字', version: v, action: 'save' }, url(1));
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('这一问题的填报在您打开后已被他人修改，未保存');
    expect(second.body).toContain('整改进展：当前为“第一人的文字”，您填写的是“第二人的文字”');
    const stored = await harness.db.selectFrom('answers').selectAll().where('number', '=', 1).executeTakeFirstOrThrow();
    expect(JSON.parse(stored.valuesJson).progress).toBe('第一人的文字');
    // The conflict page carries the current version: saving again from it, knowingly, goes through.
    const again = formVersion(second.body);
    expect(Number(again)).toBe(stored.version);
  });

  it('refuses a write to another unit’s problem and to a problem the unit only cooperates on, whatever it sends', async () => {
    const b = await unitB.post(url(1), { status: '推进中', version: '0', action: 'submit' }, `/plans/${harness.planId}/periods/${PERIOD}/answers/2`);
    expect(b.statusCode).toBe(404);
    const a = await unit.post(url(2), { status: '推进中', version: '0', action: 'submit' }, url(1));
    expect(a.statusCode).toBe(403);
    expect(await harness.db.selectFrom('answers').select('number').where('number', '=', 2).execute()).toEqual([]);
  });

  it('goes round: submitted → returned with a reason → fixed and resubmitted → accepted into the period’s progress as import writes it; every round kept', async () => {
    const v1 = await version(unit, 1);
    expect((await unit.post(url(1), { status: '已完成并长期坚持', completedOn: '2023-07-28', progress: '12月继续宣传。', version: v1, action: 'submit' }, url(1))).statusCode).toBe(302);
    // Submitted: the unit cannot change it while the office reviews it.
    expect((await unit.request('GET', url(1))).body).not.toContain('保存草稿');
    const reviewVersion = await version(office, 1);
    const noReason = await office.post(`${url(1)}/review`, { decision: 'returned', reason: '', version: reviewVersion }, url(1));
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('退回须填写退回原因');
    expect((await office.post(`${url(1)}/review`, { decision: 'returned', reason: '请写明本月发放告知单份数', version: reviewVersion }, url(1))).statusCode).toBe(302);
    const returned = await unit.request('GET', url(1));
    expect(returned.body).toContain('整改办已退回（测试office（office1））：请写明本月发放告知单份数');
    const fixed = '长期坚持：12月发放告知单96份。';
    expect((await unit.post(url(1), { status: '已完成并长期坚持', completedOn: '2023-07-28', progress: fixed, version: await version(unit, 1), action: 'submit' }, url(1))).statusCode).toBe(302);
    expect((await office.post(`${url(1)}/review`, { decision: 'accepted', reason: '', version: await version(office, 1) }, url(1))).statusCode).toBe(302);
    // What import writes for this form row (documents/import/validate-form.ts RowReader.entry): written out by hand.
    expect((await progress2023_12()).problems).toEqual([{ number: 1, status: '已完成并长期坚持', progress: fixed, completedOn: '2023-07-28' }]);
    const rounds = await harness.db.selectFrom('answerRounds').selectAll().orderBy('id').execute();
    expect(rounds.map((r) => [r.submittedBy, r.reviewedBy, r.decision, r.reason])).toEqual([
      ['测试unit（unit1）', '测试office（office1）', 'returned', '请写明本月发放告知单份数'],
      ['测试unit（unit1）', '测试office（office1）', 'accepted', null],
    ]);
    const history = await unit.request('GET', `/plans/${harness.planId}/problems/1`);
    expect(history.body).toContain('请写明本月发放告知单份数');
    expect(history.body.match(/<td data-label="结果">(采纳|退回)<\/td>/g)).toEqual(['<td data-label="结果">退回</td>', '<td data-label="结果">采纳</td>']);
    // Accepted: no more edits by the unit.
    const late = await unit.post(url(1), { status: '推进中', version: await version(unit, 1) || '0', action: 'save' }, url(1));
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('已采纳');
    const actions = (await harness.db.selectFrom('audit').select('action').execute()).map((a) => a.action);
    for (const a of ['保存填报草稿', '提交填报', '退回填报', '采纳填报']) expect(actions).toContain(a);
    // The office's list says how far each unit has got: 经发办 reports 11 problems (1 accepted), 农业服务中心 2 (none submitted).
    const list = await office.request('GET', `/plans/${harness.planId}/periods/${PERIOD}/answers`);
    const row = (unit: string) => [...(new RegExp(`<td data-label="填报单位">${unit}</td>(.*?)</tr>`).exec(list.body)?.[1] ?? '').matchAll(/>(\d+)</g)].map((m) => Number(m[1]));
    expect(row('经发办')).toEqual([11, 10, 0, 0, 1]);
    expect(row('农业服务中心')).toEqual([2, 2, 0, 0, 0]);
    expect((await unit.request('GET', `/plans/${harness.planId}/periods/${PERIOD}/answers`)).body).not.toContain('各单位填报情况');
  });

  it('names the signed-in account on the plan list, with its role (not the role alone)', async () => {
    const body = (await unit.request('GET', '/plans')).body;
    expect(body).toMatch(/当前账户：[^<（]+（牵头单位）/);
    expect(body).not.toContain('当前账户：牵头单位');
  });

  it('shows the reviewer 达到序时进度 only for 推进中, the one status it is taken for', async () => {
    const typed = { status: '已完成', completedOn: '2023-12-20', onSchedule: '是', progress: '12月已全部完成。', version: await version(unit, 16), action: 'submit' };
    expect((await unit.post(url(16), typed, url(16))).statusCode).toBe(302);
    const review = (await office.request('GET', url(16))).body;
    expect(review).toContain('<dt>整改状态</dt>');
    expect(review).not.toContain('<dt>达到序时进度</dt>');
  });

  it('exports a folder that zhenggai check accepts after an answer is accepted', async () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'zhenggai-answers-')), 'guanyang-2022');
    for (const file of await exportPlan(harness.db, harness.dataDir, harness.planId)) {
      mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
      writeFileSync(path.join(dir, file.path), file.data);
    }
    const cli = await runCli(['check', dir]);
    expect(cli.exit, cli.out + cli.err).toBe(0);
  });

  it('makes a closed period read-only for the units and the office', async () => {
    expect((await office.post(`/plans/${harness.planId}/periods/${PERIOD}/close`, {})).statusCode).toBe(302);
    const save = await unitB.post(`/plans/${harness.planId}/periods/${PERIOD}/answers/11`, { status: '推进中', onSchedule: '是', progress: '关闭后', version: '0', action: 'save' }, `/plans/${harness.planId}/periods/${PERIOD}/answers/11`);
    expect(save.statusCode).toBe(409);
    expect(save.body).toContain(`${PERIOD} 期已关闭，只能查看，不能再修改`);
    expect((await unitB.request('GET', `/plans/${harness.planId}/periods/${PERIOD}/answers/11`)).body).not.toContain('保存草稿');
  });
});
