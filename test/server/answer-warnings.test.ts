// The check's warnings on online answers (issue 16: “the same rules as import
// apply … with messages at the field”): a unit that turns a 已销号 problem back
// to 推进中 without 备注 and 未完成原因 is told at those fields, and the office
// reviewing the answer is told in a 提示 block; warnings never block. Once
// accepted, the entry's warnings are marked in the period's tables and under
// the period on the problem's history page.
// Data (data/guanyang-2022): problem 14 (经发办, 10月底前完成) is 已销号 in
// 2023-11 (closed 2023-11-10); in 2023-12 (asOf 2023-12-31) a 推进中 answer is
// past its deadline.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithTools } from '../helpers/tools.js';
import { answerVersion, formVersion, openPeriodHarness, type Client, type Harness } from './harness.js';

const PERIOD = '2023-12';
const PROBLEM = 14;

describeWithTools(['better-sqlite3'], 'warnings on online answers', () => {
  let harness: Harness;
  let office: Client;
  let unit: Client;
  const url = () => `/plans/${harness.planId}/periods/${PERIOD}/answers/${PROBLEM}`;
  const version = (client: Client) => answerVersion(client, url());
  const answer = { status: '推进中', onSchedule: '否', progress: '发现项目库调整后仍有遗漏，重新梳理中。' };
  const regression = '第 14 号问题状态由“已销号”（2023-11）退回“推进中”，请在“备注”中说明原因';
  const overdue = '第 14 号问题已逾期（时限 2023-10-31），请填写未完成原因';

  beforeAll(async () => {
    ({ harness, office, unit } = await openPeriodHarness(PERIOD, ['unit']));
  });
  afterAll(async () => harness?.close());

  it('shows the unit, after saving, the status-regression warning at 备注 and the overdue one at 未完成原因, in the clerk’s words', async () => {
    const saved = await unit.post(url(), { ...answer, version: await version(unit), action: 'save' }, url());
    expect(saved.statusCode).toBe(302);
    const page = (await unit.request('GET', url())).body;
    expect(page).toMatch(new RegExp(`id="f-note" value="">\\s*<p class="field-warning" role="alert">提示：${regression}</p>`));
    expect(page).toMatch(new RegExp(`id="f-reason" rows="4"></textarea>\\s*<p class="field-warning" role="alert">提示：${overdue}</p>`));
    expect(page).toContain('提示：检查发现以下 2 处须核对（不影响保存和提交');
    // No JSON key is shown to the clerk.
    expect(page).not.toMatch(/在 note 中|原因 reason|reviewSchedule/);
  });

  it('lets the unit submit (warnings do not block) and shows the office the warnings when it reviews, then accepts', async () => {
    const submitted = await unit.post(url(), { ...answer, version: await version(unit), action: 'submit' }, url());
    expect(submitted.statusCode).toBe(302);
    const review = (await office.request('GET', url())).body;
    expect(review).toContain('提示：按本期数据检查，这一填报有 3 处须核对（不阻止采纳');
    // The office also sees the warning no field of the unit's form answers (a 回头看 due this period: check/rules/review-due-missing.ts), without JSON keys.
    expect(review).toContain('<li>按方案的回头看安排，第 14 号问题 2023-12 应开展回头看，本期进展没有记录</li>');
    expect(review).toContain(`<strong>备注（状态倒退须说明）</strong>：${regression}`);
    expect(review).toContain(`<strong>未完成原因</strong>：${overdue}`);
    const accepted = await office.post(`${url()}/review`, { version: formVersion(review), decision: 'accepted', reason: '' }, url());
    expect(accepted.statusCode).toBe(302);
    const after = (await office.request('GET', url())).body;
    expect(after).toContain('已采纳');
    expect(after).toContain(`<strong>未完成原因</strong>：${overdue}`);
    // The audit row of the acceptance records what the office was shown.
    const rows = await harness.db.selectFrom('audit').select(['action', 'newValue']).where('field', '=', '采纳时的提示').execute();
    expect(rows.map((r) => r.action)).toEqual(['采纳填报', '采纳填报', '采纳填报']);
    expect(rows.map((r) => r.newValue)).toContain(regression);
  });

  it('shows the accepted entry’s warnings in the period’s answers table, the plan’s table of the period and under 2023-12 on the problem’s history page', async () => {
    const marks = (markup: string) => [...markup.matchAll(/<div class="field-warning" role="note">提示：(.*?)<\/div>/g)].map((m) => m[1]);
    const expected = [`<strong>备注（状态倒退须说明）</strong>：${regression}`, `<strong>未完成原因</strong>：${overdue}`, '按方案的回头看安排，第 14 号问题 2023-12 应开展回头看，本期进展没有记录'];
    const rowOf = (page: string, link: string) => page.split('<tr').find((row) => row.includes(link)) ?? '';
    const plan = `/plans/${harness.planId}`;
    for (const client of [office, unit]) {
      // The period's answers table: the marks in 14's 填报状态 cell, none in any other row.
      const answers = (await client.request('GET', `${plan}/periods/${PERIOD}/answers`)).body;
      const row = rowOf(answers, `answers/${PROBLEM}"`);
      expect(row).toContain('<td data-label="填报状态"><div>已采纳<div class="field-warning"');
      expect(marks(row).sort()).toEqual([...expected].sort());
      expect(marks(answers)).toHaveLength(3);
      // The plan's page of the period: under 14's 整改状态.
      const periodPage = (await client.request('GET', `${plan}?period=${PERIOD}`)).body;
      expect(rowOf(periodPage, `problems/${PROBLEM}"`)).toContain('<td data-label="整改状态"><div>推进中<div class="field-warning"');
      expect(marks(rowOf(periodPage, `problems/${PROBLEM}"`)).sort()).toEqual([...expected].sort());
      expect(marks(periodPage)).toHaveLength(3);
      // The history page: a row under 2023-12's entry; 2023-11's entry (已销号) has none.
      const history = (await client.request('GET', `${plan}/problems/${PROBLEM}`)).body;
      const [, after2023_12] = history.split(`<tr><td>${PERIOD}</td>`);
      expect(after2023_12).toMatch(/^[^]*?<\/tr>\n<tr class="entry-warnings"><td colspan="8"><div class="field-warning"/);
      expect(marks(history).sort()).toEqual([...expected].sort());
    }
    // The 2023-11 period shows none: its stored entries have no warnings.
    expect(marks((await office.request('GET', `${plan}?period=2023-11`)).body)).toEqual([]);
  });

  it('shows a pasted 1,001-character 整改进展 as a long-text warning under 整改进展 (not blocking the save)', async () => {
    const { harness: harness3, unit: unit3 } = await openPeriodHarness(PERIOD, ['unit']);
    try {
      const u = `/plans/${harness3.planId}/periods/${PERIOD}/answers/${PROBLEM}`;
      const v = formVersion((await unit3.request('GET', u)).body);
      const saved = await unit3.post(u, { ...answer, note: '回头看发现遗漏，重新整改', reason: '项目库调整遗漏一个项目', progress: '进'.repeat(1001), version: v, action: 'save' }, u);
      expect(saved.statusCode).toBe(302);
      const page = (await unit3.request('GET', u)).body;
      expect(page).toContain('整改进展共 1001 字，超过 1000 字：报告表格中这一格将超过一页，请核对是否误粘贴');
    } finally {
      await harness3.close();
    }
  });

  it('shows no warning once the answer explains itself', async () => {
    const { harness: harness2, unit: unit2 } = await openPeriodHarness(PERIOD, ['unit']);
    try {
      const u = `/plans/${harness2.planId}/periods/${PERIOD}/answers/${PROBLEM}`;
      const v = formVersion((await unit2.request('GET', u)).body);
      await unit2.post(u, { ...answer, note: '回头看发现遗漏，重新整改', reason: '项目库调整遗漏一个项目', version: v, action: 'save' }, u);
      const page = (await unit2.request('GET', u)).body;
      expect(page).not.toContain('field-warning');
      expect(page).not.toContain('class="warn"');
    } finally {
      await harness2.close();
    }
  });
});
