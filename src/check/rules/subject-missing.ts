import { planSubject } from '../../model/plan-subject.js';
import type { Rule } from '../rule.js';

/**
 * A plan without `plan.subject` still gets titles (model/plan-subject.ts: the
 * task table's title less 任务分解和责任分工表), but that derivation only fits
 * tables named so; the warning shows the titles it gives, so the office can
 * see whether they read right.
 */
export const subjectMissing: Rule = {
  id: 'subject-missing',
  severity: 'warning',
  description: '没有填写整改事项（plan.subject），报告和进展情况表的标题由附件标题推得 / no plan.subject: the report’s and progress table’s titles are derived from the task table’s title',
  check({ folder }) {
    const { planSource, plan } = folder;
    const subject = planSubject(plan);
    if (!subject.derived) return [];
    return [
      {
        source: planSource,
        path: ['plan'],
        message: `没有填写整改事项（plan.subject）：标题将由附件标题推得“${subject.text}”，报告标题为“关于${subject.text}进展情况的报告”，进展情况表标题为“${subject.text}进展情况表”；请填写整改事项，如“2023年环保督察反馈问题整改”`,
      },
    ];
  },
};
