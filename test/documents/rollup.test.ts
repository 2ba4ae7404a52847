// The roll-up on data held in memory (documents/rollup.ts rollupOf,
// derive/rollup.ts): small made-up units whose figures are counted by hand,
// the order --towns gives, categories merged by label and left out when a
// plan has none, rates with nothing to divide by, and the refusals' wording.
import { describe, expect, it } from 'vitest';
import { rollupByCategory, rollupFigures } from '../../src/derive/rollup.js';
import { UserError } from '../../src/diagnostics/user-error.js';
import { rollupOf, type UnitData } from '../../src/documents/rollup.js';
import type { RollupProblem } from '../../src/model/rollup.js';

function problem(path: string[], number: number, over: Partial<RollupProblem> = {}): RollupProblem {
  return {
    path,
    number,
    summary: `问题${number}。`,
    category: null,
    deadline: '12月底前完成',
    leadUnits: ['农办'],
    status: '推进中',
    completed: false,
    closed: false,
    overdue: false,
    due: false,
    longTerm: false,
    colour: null,
    round: 1,
    reopened: false,
    completedOn: null,
    closedOn: null,
    ...over,
  };
}

const done = { status: '已完成', completed: true, completedOn: '2024-05-01' } as const;

function town(name: string, problems: RollupProblem[], period = '2024-06'): UnitData {
  return { kind: 'packet', name, source: `${name}.zip`, sha256: '0'.repeat(64), period, asOf: `${period}-30`, problems };
}

// 东河镇: 1 done and due, 2 overdue (due), 3 not started; categories 水 (1, 2) and 气 (3).
const EAST = town('东河镇人民政府', [
  problem(['东河镇人民政府'], 1, { ...done, due: true, category: '水' }),
  problem(['东河镇人民政府'], 2, { overdue: true, due: true, category: '水', colour: 'red' }),
  problem(['东河镇人民政府'], 3, { status: '未启动', category: '气' }),
]);
// 西岭乡: a plan without categories; 1 closed and due, 2 reopened (round 2).
const WEST = town('西岭乡人民政府', [
  problem(['西岭乡人民政府'], 1, { ...done, status: '已销号', closed: true, due: true, closedOn: '2024-06-10' }),
  problem(['西岭乡人民政府'], 2, { reopened: true, round: 2 }),
]);

describe('roll-up figures', () => {
  it('counts each group from its problems: 5 problems, 2 completed, 1 closed, 1 overdue, 3 due, 1 reopened', () => {
    const { rollup } = rollupOf([EAST, WEST], { issuer: '青石县整改办', title: '报告' });
    expect(rollup.totals).toMatchObject({ total: 5, completed: 2, closed: 1, inProgress: 2, notStarted: 1, overdue: 1, due: 3, dueCompleted: 2, reopened: 1, completionRate: '40.0%', dueCompletionRate: '66.7%' });
    expect(rollup.units.map((u) => [u.name, u.total, u.completed, u.completionRate, u.dueCompletionRate])).toEqual([
      ['东河镇人民政府', 3, 1, '33.3%', '50.0%'],
      ['西岭乡人民政府', 2, 1, '50.0%', '100.0%'],
    ]);
  });

  it('merges categories by label and leaves out a plan without any (its problems are in the totals only)', () => {
    expect(rollupByCategory([...EAST.problems, ...WEST.problems]).map((c) => [c.category, c.total, c.overdue])).toEqual([
      ['水', 2, 1],
      ['气', 1, 0],
    ]);
  });

  it('writes a rate with nothing to divide by as —', () => {
    expect(rollupFigures([problem(['甲'], 1)]).dueCompletionRate).toBe('—');
    expect(rollupFigures([]).completionRate).toBe('—');
  });

  it('lists the units in the --towns order, names those that sent nothing and warns of one not listed', () => {
    const { rollup, warnings } = rollupOf([EAST, WEST], { issuer: '青石县整改办', title: '报告', expected: ['西岭乡人民政府', '南山镇人民政府'] });
    expect(rollup.units.map((u) => u.name)).toEqual(['西岭乡人民政府', '东河镇人民政府']);
    expect(rollup.missing).toEqual(['南山镇人民政府']);
    expect(warnings.map((w) => [w.file, w.severity, w.message])).toEqual([['东河镇人民政府.zip', 'warning', '“东河镇人民政府”不在 --towns 名单中，仍已汇总']]);
  });
});

describe('roll-up refusals', () => {
  const refusal = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(UserError);
      return (error as UserError).message;
    }
    throw new Error('not refused');
  };

  it('refuses nothing to roll up, the same unit twice, mixed periods and another period than --period', () => {
    const options = { issuer: '青石县整改办', title: '报告' };
    expect(refusal(() => rollupOf([], options))).toContain('没有要汇总的材料');
    expect(refusal(() => rollupOf([EAST, { ...EAST, source: 'again.zip' }], options))).toContain('东河镇人民政府.zip 和 again.zip 都来自“东河镇人民政府”');
    expect(refusal(() => rollupOf([EAST, town('西岭乡人民政府', [], '2024-05')], options))).toContain('材料的期次不一致：东河镇人民政府.zip（2024-06）、西岭乡人民政府.zip（2024-05）');
    expect(refusal(() => rollupOf([EAST], { ...options, period: '2024-05' }))).toContain('东河镇人民政府.zip：是 2024-06 的材料，不是 --period 2024-05 的');
    expect(refusal(() => rollupOf([EAST], { ...options, period: '2024-5' }))).toContain('期次应写作 YYYY-MM');
  });
});
