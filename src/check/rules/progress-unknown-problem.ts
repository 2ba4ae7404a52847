import { shownNumberOf } from '../../model/numbering.js';
import type { Finding, Rule } from '../rule.js';

export const progressUnknownProblem: Rule = {
  id: 'progress-unknown-problem',
  severity: 'error',
  description: '进展中的问题编号在方案中不存在，或同一期重复填报 / progress for a problem not in the plan, or for one problem twice in a period',
  check(ctx) {
    const findings: Finding[] = [];
    const seen = new Map<string, Set<number>>();
    for (const { file, index, entry, problem } of ctx.progressEntries()) {
      const numbers = seen.get(file.fileperiod) ?? new Set<number>();
      seen.set(file.fileperiod, numbers);
      if (!problem) {
        findings.push({ source: file.source, path: ['problems', index, 'number'], message: `方案中没有第 ${shownNumberOf(ctx.folder.plan, entry.number)} 号问题` });
      } else if (numbers.has(entry.number)) {
        findings.push({ source: file.source, path: ['problems', index, 'number'], message: `第 ${shownNumberOf(ctx.folder.plan, entry.number)} 号问题在本期重复填报` });
      }
      numbers.add(entry.number);
    }
    return findings;
  },
};
