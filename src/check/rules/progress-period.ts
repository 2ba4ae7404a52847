import type { Finding, Rule } from '../rule.js';

export const progressPeriod: Rule = {
  id: 'progress-period',
  severity: 'error',
  description: '进展文件名、期次与截止日期须一致，截止日期不早于方案印发日期',
  check({ folder }) {
    const findings: Finding[] = [];
    for (const file of folder.progress) {
      const { period, asOf, report } = file.data;
      if (period !== file.fileperiod) {
        findings.push({ source: file.source, path: ['period'], message: `期次 ${period} 与文件名 ${file.fileperiod}.json 不一致` });
      }
      if (!asOf.startsWith(`${period}-`)) {
        findings.push({ source: file.source, path: ['asOf'], message: `截止日期 ${asOf} 不在期次 ${period} 内` });
      }
      if (asOf < folder.plan.notice.date) {
        findings.push({ source: file.source, path: ['asOf'], message: `截止日期 ${asOf} 早于方案印发日期 ${folder.plan.notice.date}` });
      }
      if (report && report.date < asOf) {
        findings.push({ source: file.source, path: ['report', 'date'], message: `报告日期 ${report.date} 早于统计截止日期 ${asOf}` });
      }
    }
    return findings;
  },
};
