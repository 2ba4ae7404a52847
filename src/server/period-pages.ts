// The office's period pages (issue 16): the form that opens a period, shown
// again with the refusal under the field, and the page that confirms closing
// a period. Pages have no script (the CSP allows none), so a confirmation is
// a page of its own: the close button on the plan page leads here (GET), and
// the POST button is on this page, under what closing leaves out.

import type { FastifyReply } from 'fastify';
import type { Problem } from '../model/plan-schema.js';
import { reportingByUnit, type Answer, type UnitReporting } from './answers.js';
import { csrfField } from './forms.js';
import { html, type Html } from './html.js';

/** The form that opens a period (POST /plans/:plan/periods), with `value` typed and the refusal `message` under the field. */
export function openPeriodForm(reply: FastifyReply, planId: number, value = '', message?: string): Html {
  return html`<form class="inline assign" method="post" action="/plans/${planId}/periods">${csrfField(reply)}
<label for="open-period">开放填报期次 <input id="open-period" type="month" name="period" required value="${value}"${message ? html` aria-invalid="true"` : ''}>
${message ? html`<p class="field-error" role="alert">✗ ${message}</p>` : ''}</label><button type="submit">开放填报</button></form>`;
}

/** What closing leaves out: per unit with something outstanding, its counts; units with everything accepted are left out. */
export interface CloseSummary {
  /** Units with answers pending review, returned, or not submitted (a draft counts as not submitted). */
  units: UnitReporting[];
  submitted: number;
  returned: number;
  pending: number;
}

/** The outstanding answers of a period, from the answers' states (answers.ts reportingByUnit: the same counts the answers list shows). */
export function closeSummary(problems: readonly Problem[], stateByNumber: ReadonlyMap<number, Answer['state']>): CloseSummary {
  const units = reportingByUnit(problems, stateByNumber).filter((r) => r.submitted + r.returned + r.pending > 0);
  const sum = (key: 'submitted' | 'returned' | 'pending') => units.reduce((n, r) => n + r[key], 0);
  return { units, submitted: sum('submitted'), returned: sum('returned'), pending: sum('pending') };
}

/** The confirmation page's body: the warning, the per-unit table, the POST button and the way back. */
export function closeConfirmBody(reply: FastifyReply, planId: number, period: string, summary: CloseSummary): Html {
  const outstanding = summary.submitted + summary.returned + summary.pending;
  const warning = outstanding === 0
    ? html`<p>本期各问题的填报均已采纳。</p>`
    : html`<div class="error"><p>本期还有 <strong>${summary.submitted}</strong> 个问题待审核、<strong>${summary.returned}</strong> 个已退回待修改、<strong>${summary.pending}</strong> 个未提交。</p>
<p>关闭后单位不能再提交，整改办不能再审核；这些问题不会写入本期进展（报告、台账、销号审批表只用已采纳的填报）。如需补上，可先审核，或关闭后“重新开放本期”。</p></div>
<div class="table-wrap"><table class="cards"><thead><tr><th>填报单位</th><th>待审核</th><th>已退回</th><th>未提交</th></tr></thead><tbody>
${summary.units.map((r) => html`<tr><td data-label="填报单位">${r.unit}</td><td data-label="待审核">${r.submitted}</td><td data-label="已退回">${r.returned}</td><td data-label="未提交">${r.pending}</td></tr>`)}
</tbody></table></div>`;
  return html`${warning}
<form method="post" action="/plans/${planId}/periods/${period}/close">${csrfField(reply)}<button type="submit">确认关闭 ${period} 期填报</button></form>
<p class="links"><a href="/plans/${planId}/periods/${period}/answers">先去审核（填报与审核）</a> <a href="/plans/${planId}?period=${period}">返回方案，不关闭</a></p>`;
}
