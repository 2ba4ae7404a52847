import type { Finding, Rule } from '../rule.js';

export const progressPeriod: Rule = {
  id: 'progress-period',
  severity: 'error',
  description: '进展文件的期次与文件名不符，截止日期不在期次内或早于方案印发日期，或报告日期早于截止日期 / period differs from the file name, as-of date outside the period or before the notice, or report dated before the as-of date',
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
