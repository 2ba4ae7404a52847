import type { Finding, Rule } from '../rule.js';

/**
 * A recorded 督办 number (docs/domain.md#督办) naming a unit that is not in
 * the plan's list any more. Offices rename and merge units (机构改革), and the
 * earlier months' records keep the old name: that is history, not a mistake,
 * and as an error it stopped every command until those files were edited by
 * hand (a fresh tester). The record keeps its number — no later notice of the
 * year is given it — and names no unit of the plan, so no notice is made from
 * it; a name misspelt by hand in the record shows up here too.
 */
export const supervisionUnitRenamed: Rule = {
  id: 'supervision-unit-renamed',
  severity: 'warning',
  description: '进展文件记录的督办文书编号中的单位不在单位名录中（单位改过名称或已撤并？）：编号仍然占用，不再据此生成文书 / a recorded supervision number names a unit no longer in the plan: its number stays taken, no notice is made from it',
  check({ folder }) {
    const units = new Set(folder.plan.units.map((u) => u.name));
    const findings: Finding[] = [];
    for (const file of folder.progress) {
      file.data.supervision?.numbers.forEach((entry, i) => {
        if (units.has(entry.unit)) return;
        findings.push({
          source: file.source,
          path: ['supervision', 'numbers', i, 'unit'],
          message: `${file.data.period} 的督办文书编号记录中的单位“${entry.unit}”不在 plan.json 的单位名录（units）中：若单位改过名称或已撤并，这条记录照旧保留（督办〔${file.data.supervision!.date.slice(0, 4)}〕${entry.number}号不再使用）；若是笔误，请改为单位名录中的名称`,
        });
      });
    }
    return findings;
  },
};
