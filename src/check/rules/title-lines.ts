import type { Finding, Rule } from '../rule.js';

export const titleLines: Rule = {
  id: 'title-lines',
  severity: 'error',
  description: '标题分行（titleLines）连起来与标题不一致 / title lines do not join up to the title',
  check({ folder }) {
    const { planSource, plan } = folder;
    const pairs = [
      { path: ['notice', 'titleLines'], title: plan.notice.title, lines: plan.notice.titleLines },
      { path: ['plan', 'titleLines'], title: plan.plan.title, lines: plan.plan.titleLines },
      { path: ['plan', 'attachmentTitleLines'], title: plan.plan.attachmentTitle, lines: plan.plan.attachmentTitleLines },
    ];
    const findings: Finding[] = [];
    for (const { path, title, lines } of pairs) {
      if (lines && lines.join('') !== title) {
        findings.push({ source: planSource, path, message: `分行连起来是“${lines.join('')}”，与标题“${title}”不一致` });
      }
    }
    return findings;
  },
};
