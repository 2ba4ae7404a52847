// Periods opened by mistake and closed in a hurry (wt-periods, issue 16):
// a period before the plan's latest is refused even when it came with the
// folder (accepting there replaced 2023-10's entry for problem 16 and lost
// its evidence); a month after the current month in Beijing time is refused
// at the field; an empty period opened online can be deleted, one imported
// with the folder cannot; closing goes through a confirmation page that
// counts what is still outstanding; an accepted answer keeps the evidence
// the entry it replaces listed.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingMonth } from '../../src/server/beijing-time.js';
import { loadPlan } from '../../src/server/plan-store.js';
import { describeWithTools } from '../helpers/tools.js';
import { answerVersion, openPeriodHarness, postMultipart, signedIn, startHarness, storedProgress, type Client, type Harness } from './harness.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d7a5c10000000049454e44ae426082', 'hex');

describe('beijingMonth', () => {
  it('is the month in Beijing (UTC+8): 16:00 UTC on the last day is already the next month', () => {
    expect(beijingMonth('2026-11-30T15:59:59Z')).toBe('2026-11');
    expect(beijingMonth('2026-11-30T16:00:00Z')).toBe('2026-12');
    expect(beijingMonth('2026-12-31T16:00:00Z')).toBe('2027-01');
  });
});

describeWithTools(['better-sqlite3'], 'periods opened by mistake', () => {
  let harness: Harness;
  let office: Client;
  let unitB: Client;
  const plan = () => `/plans/${harness.planId}`;
  const open = (period: string) => office.post(`${plan()}/periods`, { period });
  const texts = async () => new Map((await loadPlan(harness.db, harness.planId))!.texts.progress.map((p) => [p.period, p.text]));
  const answerUrl = (period: string, n: number) => `${plan()}/periods/${period}/answers/${n}`;

  beforeAll(async () => {
    harness = await startHarness();
    office = await signedIn(harness.app, 'office');
    unitB = await signedIn(harness.app, 'unitB');
  });
  afterAll(async () => harness?.close());

  it('refuses a month after the current month in Beijing time, with the message under the field and the month as typed', async () => {
    const before = await texts();
    const response = await open('2099-12');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain(`<p class="field-error" role="alert">✗ 2099-12 晚于本月（北京时间 ${beijingMonth(new Date().toISOString())}）：只能开放本月或以前的期次，请检查月份是否填错</p>`);
    expect(response.body).toContain('value="2099-12"');
    expect(await texts()).toEqual(before);
    expect(await harness.db.selectFrom('reportingPeriods').selectAll().execute()).toEqual([]);
  });

  it('refuses every period before the plan’s latest, also one that came with the folder; their files stay as they were', async () => {
    expect((await open('2023-12')).statusCode).toBe(302);
    const before = await texts();
    for (const period of ['2023-10', '2023-11']) {
      const response = await open(period);
      expect(response.statusCode, period).toBe(400);
      expect(response.body, period).toContain(`✗ ${period} 早于方案已有的最近一期 2023-12：只能开放最近一期或之后的新期次`);
    }
    expect(await texts()).toEqual(before);
    const rows = await harness.db.selectFrom('reportingPeriods').select(['period', 'createdFile']).execute();
    expect(rows).toEqual([{ period: '2023-12', createdFile: 1 }]);
  });

  it('deletes an empty period opened online (button on the plan page, audit row), after which 2023-11 is the latest again', async () => {
    const page = await office.request('GET', plan());
    expect(page.body).toContain(`action="${plan()}/periods/2023-12/delete"`);
    const response = await office.post(`${plan()}/periods/2023-12/delete`, {});
    expect(response.statusCode).toBe(302);
    expect([...(await texts()).keys()]).toEqual(['2023-09', '2023-10', '2023-11']);
    expect(await harness.db.selectFrom('reportingPeriods').selectAll().execute()).toEqual([]);
    const audit = await harness.db.selectFrom('audit').selectAll().where('action', '=', '删除填报期次').execute();
    expect(audit.map((a) => [a.object, a.oldValue, a.newValue])).toEqual([['方案 guanyang-2022 2023-12', 'open', null]]);
  });

  it('refuses to delete a period that came with the folder, and one with an answer (a draft is enough); the button is not shown', async () => {
    expect((await open('2023-11')).statusCode).toBe(302);
    expect((await office.request('GET', plan())).body).not.toContain('/periods/2023-11/delete');
    const imported = await office.post(`${plan()}/periods/2023-11/delete`, {});
    expect(imported.statusCode).toBe(400);
    expect(imported.body).toContain('2023-11 期的进展文件随方案导入，不是开放填报时新建的，不能删除');
    // 2023-11 stays open here; 2023-12 is for the next case.
    expect((await office.post(`${plan()}/periods/2023-11/close`, {})).statusCode).toBe(302);
    expect((await open('2023-12')).statusCode).toBe(302);
    expect((await unitB.post(answerUrl('2023-12', 2), { status: '推进中', onSchedule: '是', progress: '草稿', version: '0', action: 'save' }, answerUrl('2023-12', 2))).statusCode).toBe(302);
    const withDraft = await office.post(`${plan()}/periods/2023-12/delete`, {});
    expect(withDraft.statusCode).toBe(400);
    expect(withDraft.body).toContain('2023-12 期已有 1 个问题的填报（含草稿），不能删除');
    expect((await texts()).has('2023-12')).toBe(true);
  });
});

describeWithTools(['better-sqlite3'], 'closing a period and answers in the latest imported period', () => {
  let harness: Harness;
  let office: Client;
  let unit: Client;
  let unitB: Client;
  const PERIOD = '2023-11';
  const plan = () => `/plans/${harness.planId}`;
  const answerUrl = (n: number) => `${plan()}/periods/${PERIOD}/answers/${n}`;
  const version = (client: Client, n: number) => answerVersion(client, answerUrl(n));
  const entry = async (n: number) => (await storedProgress(harness, PERIOD)).problems.find((p) => p.number === n)!;

  beforeAll(async () => {
    // 2023-11 is the bundled plan's latest period: it may be opened.
    ({ harness, office, unit, unitB } = await openPeriodHarness(PERIOD, ['unit', 'unitB']));
  });
  afterAll(async () => harness?.close());

  it('keeps the evidence 2023-11 lists for problem 7 when 经发办’s answer is accepted, the answer’s photo after it', async () => {
    // data/guanyang-2022/progress/2023-11.json, problem 7: evidence 07/村卫生室药品检查记录.txt and 07/基本药物配备清单.pdf.
    const fields = { status: '已完成并长期坚持', completedOn: '2023-11-24', progress: '长期坚持：11月再次抽查村卫生室药品。', version: await version(unit, 7), action: 'submit' };
    expect((await postMultipart(unit, answerUrl(7), fields, [{ field: 'evidence', filename: '抽查照片.png', data: PNG }], answerUrl(7))).statusCode).toBe(302);
    expect((await office.post(`${answerUrl(7)}/review`, { decision: 'accepted', reason: '', version: await version(office, 7) }, answerUrl(7))).statusCode).toBe(302);
    const accepted = await entry(7);
    expect(accepted.progress).toBe('长期坚持：11月再次抽查村卫生室药品。');
    expect(accepted.evidence).toEqual(['07/村卫生室药品检查记录.txt', '07/基本药物配备清单.pdf', '07/抽查照片.png']);
  });

  it('leads from the plan page to a confirmation page that counts, per unit, answers pending review, returned and not submitted', async () => {
    const planPage = await office.request('GET', plan());
    expect(planPage.body).toContain(`<a class="button" href="${plan()}/periods/${PERIOD}/close">关闭本期填报…</a>`);
    expect(planPage.body).not.toContain(`<form class="inline" method="post" action="${plan()}/periods/${PERIOD}/close">`);
    // 经发办 submits problem 1 (pending review); 农业服务中心 submits 11 and gets it returned, and has a draft on 2.
    const submit = (client: Client, n: number, values: Record<string, string>) => client.post(answerUrl(n), { ...values, action: 'submit' }, answerUrl(n));
    expect((await submit(unit, 1, { status: '已完成并长期坚持', completedOn: '2023-07-28', progress: '11月继续发放告知单。', version: await version(unit, 1) })).statusCode).toBe(302);
    const page11 = (await unitB.request('GET', answerUrl(11))).body;
    expect(page11).toContain('name="status"');
    expect((await submit(unitB, 11, { status: '推进中', onSchedule: '是', progress: '11月推进中。', version: await version(unitB, 11) })).statusCode).toBe(302);
    expect((await office.post(`${answerUrl(11)}/review`, { decision: 'returned', reason: '请写明完成比例', version: await version(office, 11) }, answerUrl(11))).statusCode).toBe(302);
    expect((await unitB.post(answerUrl(2), { status: '已销号', version: await version(unitB, 2), action: 'save' }, answerUrl(2))).statusCode).toBe(302);
    const confirm = await office.request('GET', `${plan()}/periods/${PERIOD}/close`);
    expect(confirm.statusCode).toBe(200);
    // Written by hand from plan.json: 经发办 reports 1 3 4 5 6 7 9 14 15 16 17 (11; 7 accepted, 1 submitted → 9 not submitted);
    // 农业服务中心 reports 2 and 11 (11 returned, 2 a draft).
    expect(confirm.body).toContain('<td data-label="填报单位">经发办</td><td data-label="待审核">1</td><td data-label="已退回">0</td><td data-label="未提交">9</td>');
    expect(confirm.body).toContain('<td data-label="填报单位">农业服务中心</td><td data-label="待审核">0</td><td data-label="已退回">1</td><td data-label="未提交">1</td>');
    expect(confirm.body).toContain('本期还有 <strong>1</strong> 个问题待审核、<strong>1</strong> 个已退回待修改');
    expect(confirm.body).toContain(`action="${plan()}/periods/${PERIOD}/close"`);
    expect(confirm.body).toContain('确认关闭 2023-11 期填报');
    // Nothing closed by looking.
    expect((await harness.db.selectFrom('reportingPeriods').select('state').executeTakeFirstOrThrow()).state).toBe('open');
    expect((await office.post(`${plan()}/periods/${PERIOD}/close`, {}, `${plan()}/periods/${PERIOD}/close`)).statusCode).toBe(302);
    expect((await harness.db.selectFrom('reportingPeriods').select('state').executeTakeFirstOrThrow()).state).toBe('closed');
    const again = await office.request('GET', `${plan()}/periods/${PERIOD}/close`);
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('2023-11 期没有在填报中，不能关闭');
  });
});
