import type { Finding, Rule } from '../rule.js';

// A period's file may be created by `zhenggai import` before the office has
// written the report block; the report and the packet refuse it until then.
export const reportMissing: Rule = {
  id: 'report-missing',
  severity: 'warning',
  description: '进展文件还没有 report（报告文号、签发人、主送和各部分文字），生成进展报告和报送材料前须填写 / progress file has no report block yet, needed for the progress report and the packet',
  check({ folder }) {
    const findings: Finding[] = [];
    for (const file of folder.progress) {
      if (!file.data.report) {
        findings.push({ source: file.source, path: ['period'], message: `${file.data.period} 还没有 report（报告文号、签发人、主送和各部分文字），生成进展报告和报送材料前须填写` });
      }
    }
    return findings;
  },
};
