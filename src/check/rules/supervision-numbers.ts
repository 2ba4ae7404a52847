import type { Finding, Rule } from '../rule.js';

/**
 * The 督办 numbers a period records (docs/domain.md#督办) are the documents'
 * identity: each names a unit once per period, and no number is given twice
 * in a year (across all progress files, by the record's date). `supervise`
 * writes them so; a hand edit or a copied file may not. A unit no longer in
 * the plan's list is supervision-unit-renamed's warning, not an error here.
 */
export const supervisionNumbers: Rule = {
  id: 'supervision-numbers',
  severity: 'error',
  description: '进展文件记录的督办文书编号有误：同一期同一单位两个编号，或同一年内编号重复 / recorded supervision numbers: a unit twice in a period, or a number used twice in a year',
  check({ folder }) {
    const findings: Finding[] = [];
    const used = new Map<string, string>();
    for (const file of folder.progress) {
      const record = file.data.supervision;
      if (!record) continue;
      const year = record.date.slice(0, 4);
      const seen = new Set<string>();
      record.numbers.forEach((entry, i) => {
        const at = (field: string) => ['supervision', 'numbers', i, field];
        if (seen.has(entry.unit)) findings.push({ source: file.source, path: at('unit'), message: `${file.data.period} 的督办文书编号中“${entry.unit}”出现了两次：每期每个单位只有一份督办文书` });
        seen.add(entry.unit);
        const key = `${year}-${entry.number}`;
        const earlier = used.get(key);
        if (earlier !== undefined) findings.push({ source: file.source, path: at('number'), message: `督办〔${year}〕${entry.number}号已用于 ${earlier}，同一年内编号不能重复` });
        else used.set(key, `${file.data.period} 的${entry.unit}`);
      });
    }
    return findings;
  },
};
