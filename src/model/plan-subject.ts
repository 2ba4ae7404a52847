// The plan's subject (整改事项): what every title is about, stated once in
// plan.json (`plan.subject`, e.g. 2022年巩固拓展脱贫攻坚成果市级考核评估反馈问题整改)
// and built into titles by the templates: 关于{{subject}}进展情况的报告,
// {{subject}}进展情况表. A plan without it keeps working: the subject is
// derived from the task table's title as before (…任务分解和责任分工表 cut
// off), and `check` warns (rule subject-missing), since a title such as
// …整改清单 then gives …整改清单进展情况的报告.

import type { Plan } from './plan-schema.js';

/** The ending the fallback cuts off the task table's title. */
export const TASK_TABLE_TITLE_SUFFIX = '任务分解和责任分工表';

export interface PlanSubject {
  readonly text: string;
  /** True when the plan does not state it and it was derived from the task table's title. */
  readonly derived: boolean;
}

/** The task table's title without 任务分解和责任分工表 (unchanged when it does not end so). */
export function derivedSubject(attachmentTitle: string): string {
  return attachmentTitle.endsWith(TASK_TABLE_TITLE_SUFFIX) && attachmentTitle !== TASK_TABLE_TITLE_SUFFIX
    ? attachmentTitle.slice(0, -TASK_TABLE_TITLE_SUFFIX.length)
    : attachmentTitle;
}

/** The plan's subject as stated, else derived from its task table's title. */
export function planSubject(plan: Pick<Plan, 'plan'>): PlanSubject {
  const stated = plan.plan.subject;
  return stated === undefined ? { text: derivedSubject(plan.plan.attachmentTitle), derived: true } : { text: stated, derived: false };
}
