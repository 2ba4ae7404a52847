import { describe, expect, it } from 'vitest';
import { derivePeriod, missingProblems, reportingUnit } from '../../src/derive/period.js';
import { reportingGroups } from '../../src/derive/reporting-unit.js';
import { plan, progress } from './support.js';

describe('derivePeriod', () => {
  it('refuses a period that lacks problems, naming them in plan order', () => {
    const thin = progress('2024-06', '2024-06-30', [{ number: 2, status: '未启动' }, { number: 9, status: '未启动' }]);
    expect(missingProblems(plan(), thin)).toEqual([1, 3]);
    expect(derivePeriod(plan(), thin)).toEqual({
      ok: false,
      period: '2024-06',
      missing: [1, 3],
      message: '2024-06 的进展缺少问题 1、3：报告须包含方案中的全部问题',
    });
  });
  it('ignores numbers the plan lacks and takes the first of duplicate entries', () => {
    const p = progress('2024-06', '2024-06-30', [
      { number: 1, status: '未启动' },
      { number: 1, status: '已完成', completedOn: '2024-06-01' },
      { number: 2, status: '未启动' },
      { number: 3, status: '未启动' },
      { number: 9, status: '已完成', completedOn: '2024-06-01' },
    ]);
    const result = derivePeriod(plan(), p);
    if (!result.ok) throw new Error(result.message);
    expect(result.view.rows.map((r) => [r.problem.number, r.state.status])).toEqual([[1, '未启动'], [2, '未启动'], [3, '未启动']]);
    expect(result.view.statistics.total).toBe(3);
    expect([result.view.period, result.view.asOf]).toEqual(['2024-06', '2024-06-30']);
  });
  it('rejects a "previous" period that is not earlier (a caller error)', () => {
    const p = progress('2024-06', '2024-06-30', [{ number: 1, status: '未启动' }, { number: 2, status: '未启动' }, { number: 3, status: '未启动' }]);
    expect(() => derivePeriod(plan(), p, p)).toThrow(RangeError);
  });
});

describe('reporting unit', () => {
  it('is the first-listed lead unit', () => {
    expect(plan().problems.map(reportingUnit)).toEqual(['农办', '林业站', '各村']);
  });
  it('groups problems by reporting unit in plan.units order', () => {
    const p = plan((input) => {
      input.problems[2]!.leadUnits = ['农办', '各村'];
    });
    expect(reportingGroups(p).map((g) => [g.unit.name, g.problems.map((x) => x.number)])).toEqual([
      ['农办', [1, 3]],
      ['林业站', [2]],
    ]);
  });
});
