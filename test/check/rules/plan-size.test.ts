import { describe, expect, it } from 'vitest';
import { MAX_PLAN_TEXT_CHARS, MAX_PROBLEMS, MAX_PROGRESS_ENTRIES, MAX_PROGRESS_TEXT_CHARS, MAX_UNITS, planSize } from '../../../src/check/rules/plan-size.js';
import type { PlanInput } from '../../../src/model/plan-schema.js';
import type { ProgressInput } from '../../../src/model/progress-schema.js';
import { basePlan, baseProgress, runRule, withProgress } from '../../helpers/fixture-folder.js';

/** The fixture plan with `n` problems, numbered 1..n, led by `units` units in turn. */
function planOf(n: number, units = 3): PlanInput {
  const plan = basePlan();
  const names = units <= 3 ? plan.units.map((u) => u.name) : Array.from({ length: units }, (_, i) => `单位${i + 1}`);
  if (units > 3) plan.units = names.map((name) => ({ name }));
  plan.problems = Array.from({ length: n }, (_, i) => ({
    number: i + 1,
    category: 'water',
    summary: `问题${i + 1}。`,
    measures: ['整改。'],
    deadline: '2024年底前',
    leadUnits: [names[i % names.length]!],
  }));
  return plan;
}

describe('plan-size', () => {
  it('states its limits: 5,000 problems, 200 lead units, 5 million characters of plan text; 2.5 million and 30,000 entries in all progress files', () => {
    expect([MAX_PROBLEMS, MAX_UNITS, MAX_PLAN_TEXT_CHARS, MAX_PROGRESS_TEXT_CHARS, MAX_PROGRESS_ENTRIES]).toEqual([5_000, 200, 5_000_000, 2_500_000, 30_000]);
  });

  it('passes a plan exactly at the limits', () => {
    expect(runRule(planSize, { plan: planOf(5_000, 200) })).toEqual([]);
  });

  it('refuses the 5,001st problem, at that problem, with the limit and the reason', () => {
    const found = runRule(planSize, { plan: planOf(5_001) });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', ruleId: 'plan-size', path: ['problems', 5_000] });
    expect(found[0]!.message).toContain('5001 个问题');
    expect(found[0]!.message).toContain('上限 5000 个');
    expect(found[0]!.message).toContain('1.5 GB');
  });

  it('refuses the 201st lead unit, at the first problem it leads', () => {
    const found = runRule(planSize, { plan: planOf(1_000, 201) });
    expect(found).toHaveLength(1);
    // Units are led in turn: 单位201 first leads problem 201 (index 200).
    expect(found[0]).toMatchObject({ path: ['problems', 200, 'leadUnits'] });
    expect(found[0]!.message).toContain('201 个牵头单位');
    // A unit listed in units but leading nothing does not count.
    const listed = planOf(1_000, 200);
    listed.units.push(...Array.from({ length: 10 }, (_, i) => ({ name: `配合单位${i}` })));
    expect(runRule(planSize, { plan: listed })).toEqual([]);
    expect(found[0]!.message).toContain('工作表');
  });

  it('refuses text beyond 5 million characters in plan.json, at the string that crosses the limit', () => {
    // 200 summaries of 25,000 characters = 5,000,000, plus the rest of the plan: the last summary crosses.
    const plan = planOf(200);
    for (const problem of plan.problems) problem.summary = '字'.repeat(25_000);
    const found = runRule(planSize, { plan });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ path: ['problems', 199, 'summary'] });
    expect(found[0]!.message).toContain('5,000,000 字符');
  });

  it('refuses text beyond 2.5 million characters in a progress file', () => {
    const plan = planOf(100);
    const progress = withProgress((p) => {
      p.problems = plan.problems.map((problem) => ({ number: problem.number, status: '推进中', onSchedule: true, progress: '进'.repeat(25_000) }));
    });
    // 100 × 25,000 = 2,500,000 and the report block's text: the last progress text crosses.
    const found = runRule(planSize, { plan, progress });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'progress/2024-06.json', path: ['problems', 99, 'progress'] });
    expect(found[0]!.message).toContain('2,500,000 字符');
    expect(found[0]!.message).toContain('各进展文件合计');
  });

  it('counts the progress text of all files together: the later file crosses', () => {
    const plan = planOf(100);
    const month = (period: string, asOf: string): ProgressInput => {
      const p = baseProgress(period, asOf);
      p.problems = plan.problems.map((problem) => ({ number: problem.number, status: '推进中', onSchedule: true, progress: '进'.repeat(13_000) }));
      return p;
    };
    // 1,300,000 and 1,300,000: neither alone, both together over 2,500,000.
    const found = runRule(planSize, { plan, progress: { '2024-06': month('2024-06', '2024-06-30'), '2024-07': month('2024-07', '2024-07-31') } });
    expect(found).toHaveLength(1);
    // 100 entries of the first file (1.3 M) and 92 of the second pass 2.5 M at the 93rd: index 92.
    expect(found[0]).toMatchObject({ file: 'progress/2024-07.json', path: ['problems', 92, 'progress'] });
  });

  it('refuses the 30,001st progress entry over all files, by period, at that entry', () => {
    const plan = planOf(1_000);
    const progress: Record<string, ProgressInput> = {};
    for (let m = 0; m < 31; m += 1) {
      const year = 2024 + Math.floor((3 + m) / 12);
      const month = ((3 + m) % 12) + 1;
      const period = `${year}-${String(month).padStart(2, '0')}`;
      const p = baseProgress(period, `${period}-${new Date(Date.UTC(year, month, 0)).getUTCDate()}`);
      p.problems = plan.problems.map((problem) => ({ number: problem.number, status: '推进中', onSchedule: true }));
      progress[period] = p;
    }
    const found = runRule(planSize, { plan, progress });
    expect(found).toHaveLength(1);
    // 30 files of 1,000 entries reach the limit exactly; the 31st file (2026-10) crosses at its first entry.
    expect(found[0]).toMatchObject({ file: 'progress/2026-10.json', path: ['problems', 0] });
    expect(found[0]!.message).toContain('31000 条');
    // 30 files are within it.
    delete progress['2026-10'];
    expect(runRule(planSize, { plan, progress })).toEqual([]);
  });
});
