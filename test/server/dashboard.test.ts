// The dashboard (issue 16) for the bundled plan's 2023-11, read off the page
// as a reader reads it. The expected figures are written by hand from the
// pinned numbers of test/derive/sample-period.test.ts (worked out from the
// plan and progress files, not from the code), and then compared with the
// report's own derivation (documents/period.ts periodContext) field by field.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { periodContext } from '../../src/documents/period.js';
import { formatPercent } from '../../src/derive/statistics.js';
import { loadPlanFolder } from '../../src/load/plan-folder.js';
import { describeWithTools } from '../helpers/tools.js';
import { answerVersion, BUNDLED, signedIn, startHarness, type Harness } from './harness.js';

/** The text of each `data-<attr>="key"` element, by key (tags inside stripped). */
function cells(body: string, attr: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of body.matchAll(new RegExp(`<(td|li|p|span)[^>]*data-${attr}="([^"]+)"[^>]*>(.*?)</\\1>`, 'gs'))) out[m[2]!] = m[3]!.replace(/<[^>]+>/g, '').trim();
  return out;
}

/** The problem numbers listed under a heading, up to the next heading. */
function problemsUnder(body: string, heading: string): number[] {
  const start = body.indexOf(heading);
  const end = body.indexOf('<h2>', start + heading.length);
  return [...body.slice(start, end).matchAll(/data-problem="(\d+)"/g)].map((m) => Number(m[1]));
}

describeWithTools(['better-sqlite3'], 'the dashboard', () => {
  let harness: Harness;
  let body = '';
  beforeAll(async () => {
    harness = await startHarness();
    const viewer = await signedIn(harness.app, 'viewer');
    const response = await viewer.request('GET', `/plans/${harness.planId}/periods/2023-11/dashboard`);
    expect(response.statusCode).toBe(200);
    body = response.body;
  });
  afterAll(async () => harness?.close());

  it('states 2023-11’s statistics as the report does (21 problems)', async () => {
    // sample-period.test.ts, 2023-11: 未/推/完/长/销 0/8/1/7/5; completed 13 (7 + 1 + 5); closed 5;
    // 推进中 8 = 7 on schedule + 1 behind (8, overdue) + 0 unanswered; long-term 9; overdue 1 (problem 8);
    // due 14, of them completed 13; 13/21 = 61.9%; 13/14 = 92.9%.
    const expected = {
      total: '21', completed: '13', closed: '5', inProgress: '8', onSchedule: '7', behind: '1', unreported: '0', notStarted: '0',
      longTerm: '9', overdue: '1', due: '14', dueCompleted: '13', completionRate: '61.9%', dueCompletionRate: '92.9%',
    };
    const shown = cells(body, 'figure');
    expect(shown).toEqual(expected);
    // The same numbers as the report's derivation of the period.
    const folder = (await loadPlanFolder(BUNDLED)).folder!;
    const s = periodContext(folder, '2023-11').view.statistics;
    expect(shown).toEqual({
      total: String(s.total), completed: String(s.completed), closed: String(s.closed), inProgress: String(s.inProgress),
      onSchedule: String(s.inProgressOnSchedule), behind: String(s.inProgressBehind), unreported: String(s.inProgressUnreported),
      notStarted: String(s.notStarted), longTerm: String(s.longTerm), overdue: String(s.overdue), due: String(s.due),
      dueCompleted: String(s.dueCompleted), completionRate: formatPercent(s.completionRate), dueCompletionRate: formatPercent(s.dueCompletionRate),
    });
  });

  it('counts the colours by the ledger’s rule and shows every problem’s colour', () => {
    // green 13, red 1 (8), yellow 0, blue 1 (21, reopened, due 12-05), no colour 6.
    expect(cells(body, 'colour')).toEqual({ red: '红 1', yellow: '黄 0', blue: '蓝 1', green: '绿 13', none: '— 6' });
    expect(problemsUnder(body, '<h2>各问题预警颜色</h2>')).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    const row8 = /<tr data-problem="8">.*?<\/tr>/s.exec(body.slice(body.indexOf('<h2>各问题预警颜色</h2>')))![0];
    expect(row8).toContain('colour-red');
  });

  it('draws the report’s chart by lead unit', () => {
    // 经发办 (13 with 13 and 21): 销 4, 长 6, 完 1, 推进中 2; 规建办: 推进中 1 (13), 逾期 1 (8).
    // No problem is 未启动 in 2023-11, so, as in the report's chart, that series is left out.
    const row = (unit: string) => {
      const start = body.indexOf(`<tr data-unit="${unit}">`);
      return cells(body.slice(start, body.indexOf('</tr>', start)), 'series');
    };
    expect(row('经发办')).toMatchObject({ 已销号: '4', 已完成并长期坚持: '6', 已完成: '1', 推进中: '2', 逾期: '0', 合计: '13' });
    expect(row('经发办')).not.toHaveProperty('未启动');
    expect(row('规建办')).toMatchObject({ 已销号: '0', 推进中: '1', 逾期: '1', 合计: '2' });
    expect(body).toContain('aria-label="规建办：推进中 1，逾期 1"');
  });

  it('lists what is due in 7 days, what is overdue and what changed since 2023-10', () => {
    expect(problemsUnder(body, '<h2>7 日内到期')).toEqual([21]);
    expect(problemsUnder(body, '<h2>逾期问题</h2>')).toEqual([8]);
    expect(body).toContain('<td data-label="逾期天数">30 天</td>');
    // sample-period.test.ts: newly completed 7; newly closed 2, 14, 15; newly overdue 8.
    expect(cells(body, 'change')).toEqual({ newlyCompleted: '新完成：1 个（7）', newlyClosed: '新销号：3 个（2、14、15）', newlyOverdue: '新逾期：1 个（8）' });
    expect(body).toContain('与 2023-10 相比');
  });

  it('says 2023-11 was not reported online; for an opened period, who has not submitted and who has returned items', async () => {
    expect(body).toContain('本期未开放在线填报');
    const office = await signedIn(harness.app, 'office');
    expect((await office.post(`/plans/${harness.planId}/periods`, { period: '2023-12' })).statusCode).toBe(302);
    const unit = await signedIn(harness.app, 'unit');
    const answer = `/plans/${harness.planId}/periods/2023-12/answers/1`;
    const version = (client: typeof office) => answerVersion(client, answer);
    const values = { status: '已完成并长期坚持', completedOn: '2023-07-28', progress: '12月发放告知单96份。', action: 'submit', version: await version(unit) };
    expect((await unit.post(answer, values, answer)).statusCode).toBe(302);
    expect((await office.post(`${answer}/review`, { decision: 'returned', reason: '请写明宣传方式', version: await version(office) }, answer)).statusCode).toBe(302);
    const page = await office.request('GET', `/plans/${harness.planId}/periods/2023-12/dashboard`);
    expect(page.statusCode).toBe(200);
    // Reporting units (first lead unit): 经发办 11 (1 returned, 10 not submitted), 农业服务中心 2, 规建办 2, 社保所 2, 党群办 3, 水利办 1.
    const reporting = cells(page.body, 'reporting');
    expect(reporting['returned']).toBe('退回待改：经发办（1）');
    expect(reporting['not-submitted']).toBe('尚未提交：经发办（10）、农业服务中心（2）、规建办（2）、社保所（2）、党群办（3）、水利办（1）');
    // 2023-12 has no entries yet: its figures wait; meanwhile 2023-11's are shown, said to be 2023-11's (a leader mid-month sees colours and deadlines as last stated).
    expect(page.body).toContain('2023-12 期尚在填报：各问题都有本期进展（答复采纳或表格导入）后，这里显示本期统计。以下是上一期 2023-11 的统计与预警，供参考。');
    expect(page.body).toContain('<h2>2023-11 期统计（截至 2023-11-30，与进展报告相同）</h2>');
    expect(page.body).not.toContain('<h2>本期统计');
    expect(page.body).not.toContain('progress/2023-12.json');
    expect(page.body).toContain('<h2>各问题预警颜色</h2>');
  });

  it('is refused to both unit accounts', async () => {
    for (const caller of ['unit', 'unitB'] as const) {
      const response = await (await signedIn(harness.app, caller)).request('GET', `/plans/${harness.planId}/periods/2023-11/dashboard`);
      expect(response.statusCode, caller).toBe(403);
    }
  });
});
