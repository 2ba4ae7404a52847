import type { Finding, Rule } from '../rule.js';

/** Numbers are the problems' identifiers in every later document: exactly 1..N, once each. */
export const problemNumbers: Rule = {
  id: 'problem-numbers',
  severity: 'error',
  description: '问题编号重复、缺号或超出 1..N（N 为问题个数） / problem numbers repeated, missing or outside 1..N',
  check({ folder }) {
    const { planSource, plan } = folder;
    const findings: Finding[] = [];
    const seen = new Map<number, number>();
    for (const [index, problem] of plan.problems.entries()) {
      const first = seen.get(problem.number);
      if (first !== undefined) {
        findings.push({ source: planSource, path: ['problems', index, 'number'], message: `问题编号 ${problem.number} 重复（第 ${first + 1} 项已使用）` });
      } else seen.set(problem.number, index);
    }
    const count = plan.problems.length;
    const missing = [];
    for (let n = 1; n <= count; n += 1) if (!seen.has(n)) missing.push(n);
    if (missing.length > 0) {
      findings.push({ source: planSource, path: ['problems'], message: `共 ${count} 个问题，应编号 1..${count}，缺少编号：${missing.join('、')}` });
    }
    for (const [index, problem] of plan.problems.entries()) {
      if (problem.number > count) {
        findings.push({ source: planSource, path: ['problems', index, 'number'], message: `问题编号 ${problem.number} 超出 1..${count}` });
      }
    }
    return findings;
  },
};
