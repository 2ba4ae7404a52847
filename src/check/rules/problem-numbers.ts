import type { Finding, Rule } from '../rule.js';
import type { JsonSource } from '../../load/json-source.js';
import type { Plan, Problem } from '../../model/plan-schema.js';
import { numbersByCategory } from '../../model/numbering.js';

interface Numbered {
  readonly problem: Problem;
  /** Index in plan.problems, for the JSON path. */
  readonly index: number;
}

/** Findings for one run of numbers that must be exactly 1..n, once each; `where` names the run in messages. */
function checkRun(planSource: JsonSource, run: readonly Numbered[], where: string): Finding[] {
  const findings: Finding[] = [];
  const seen = new Map<number, number>();
  for (const { problem, index } of run) {
    const n = problem.numberInCategory;
    const first = seen.get(n);
    if (first !== undefined) {
      findings.push({ source: planSource, path: ['problems', index, 'number'], message: `${where}问题编号 ${n} 重复（第 ${first + 1} 项已使用）` });
    } else seen.set(n, index);
  }
  const count = run.length;
  const missing = [];
  for (let n = 1; n <= count; n += 1) if (!seen.has(n)) missing.push(n);
  if (missing.length > 0) {
    findings.push({ source: planSource, path: ['problems'], message: `${where}共 ${count} 个问题，应编号 1..${count}，缺少编号：${missing.join('、')}` });
  }
  for (const { problem, index } of run) {
    if (problem.numberInCategory > count) {
      findings.push({ source: planSource, path: ['problems', index, 'number'], message: `${where}问题编号 ${problem.numberInCategory} 超出 1..${count}` });
    }
  }
  return findings;
}

/** The runs numbered 1..n: the whole plan, or each category of a plan numbered per category (docs/domain.md#problem-numbers). */
function runs(plan: Plan): Array<{ run: Numbered[]; where: string }> {
  const all = plan.problems.map((problem, index) => ({ problem, index }));
  if (!numbersByCategory(plan)) return [{ run: all, where: '' }];
  // A problem without a known category is category-missing's or unknown-category's finding, not a numbering one.
  return plan.categories.map((c) => ({ run: all.filter((p) => p.problem.category === c.id), where: `类别“${c.label}”中` }));
}

/** Numbers are the problems' identifiers in every later document: exactly 1..N once each, plan-wide or within each category as the plan declares. */
export const problemNumbers: Rule = {
  id: 'problem-numbers',
  severity: 'error',
  description: '问题编号重复、缺号或超出 1..N（全方案统一编号时 N 为问题个数；各类别分别编号时在每个类别内检查） / problem numbers repeated, missing or outside 1..N (plan-wide, or within each category when the plan numbers per category)',
  check({ folder }) {
    const { plan, planSource } = folder;
    if (numbersByCategory(plan) && plan.categories.length === 0) {
      // Nothing to number within: say so, and check the numbers plan-wide.
      const all = plan.problems.map((problem, index) => ({ problem, index }));
      return [
        { source: planSource, path: ['numbering', 'scope'], message: '方案没有类别（categories），不能各类别分别编号：请删去 numbering，或把 scope 改为 plan' },
        ...checkRun(planSource, all, ''),
      ];
    }
    return runs(plan).flatMap(({ run, where }) => checkRun(planSource, run, where));
  },
};
