import type { Finding, Rule } from '../rule.js';

export const emptyCategory: Rule = {
  id: 'empty-category',
  severity: 'warning',
  description: '类别下没有问题（正文中将省略其标题，除非设了 keepWhenEmpty） / category without problems (its heading is left out unless keepWhenEmpty)',
  check({ folder }) {
    const { planSource, plan } = folder;
    const used = new Set(plan.problems.map((p) => p.category));
    const findings: Finding[] = [];
    for (const [index, category] of plan.categories.entries()) {
      if (!used.has(category.id)) {
        const fate = category.keepWhenEmpty ? '正文中仍保留其标题' : '正文中将省略';
        findings.push({ source: planSource, path: ['categories', index], message: `类别“${category.heading}”下没有问题，${fate}` });
      }
    }
    return findings;
  },
};
