// The dashboard (看板, issue 16) of a plan for one period, for the office and
// the leaders (领导); unit accounts are refused by the guard (403). The period
// is derived exactly as the report derives it (documents/period.ts
// periodContext), so every colour and figure is the report's and the
// ledger's; the completeness of online reporting is the answers list's
// (answers.ts reportingByUnit).

import type { FastifyInstance } from 'fastify';
import { periodContext } from '../../documents/period.js';
import { UserError } from '../../diagnostics/user-error.js';
import type { PeriodView } from '../../derive/period.js';
import { answerStates, reportingByUnit } from '../answers.js';
import { changesList, colourCounts, dueSoon, leadUnitChartTable, problemRows, statisticsTable } from '../dashboard.js';
import { DUE_SOON_DAYS } from '../../derive/problem-state.js';
import { html, type Html } from '../html.js';
import { periodOf, planFromUrl, type PlanInView } from '../plan-access.js';
import { REPORTING_WORDS, reportingState } from '../reporting.js';
import { sendPage } from '../respond.js';
import { errorPage } from '../errors.js';
import { unitProgress } from './answers.js';

function periodLinks(view: PlanInView, current: string): Html {
  const periods = view.stored.texts.progress.map((p) => p.period);
  return html`<p>期次：${periods.map((p) => (p === current ? html`<strong>${p}</strong> ` : html`<a href="/plans/${view.stored.id}/periods/${p}/dashboard">${p}</a> `))}</p>`;
}

/** The derived sections: statistics and chart, due soon, overdue, changes; and every problem's colour (long, so shown last). */
function periodSections(view: PlanInView, period: PeriodView, which = '本期'): { figures: Html; colours: Html } {
  const plan = view.checked.data!.plan;
  const id = view.stored.id;
  const overdue = period.rows.filter((r) => r.state.overdue);
  const figures = html`<h2>${which}统计（截至 ${period.asOf}，与进展报告相同）</h2>
${statisticsTable(period.statistics)}
<h2>各牵头单位完成情况</h2>
${leadUnitChartTable(period)}
<h2>${DUE_SOON_DAYS} 日内到期（${period.asOf} 起）</h2>
${problemRows(id, dueSoon(period), `截至 ${period.asOf}，${DUE_SOON_DAYS} 日内没有到期未完成的问题。`, { label: '剩余天数', cell: (r) => `${r.state.daysToDue} 天` })}
<h2>逾期问题</h2>
${problemRows(id, overdue, `截至 ${period.asOf} 没有逾期问题。`, { label: '逾期天数', cell: (r) => `${-(r.state.daysToDue ?? 0)} 天` })}
<h2>与上期相比</h2>
${changesList(plan, period)}`;
  const colours = html`<h2>各问题预警颜色</h2>
${colourCounts(period.statistics)}
${problemRows(id, period.rows, '方案没有问题。')}`;
  return { figures, colours };
}

/** Who has not submitted and who has returned items pending, when the period is reported online. */
async function reportingSection(app: FastifyInstance, view: PlanInView, period: string): Promise<Html> {
  const state = await reportingState(app.ctx.db, view.stored.id, period);
  if (state === undefined) return html`<h2>本期在线填报</h2><p class="hint">本期未开放在线填报（进展由导入的文件记录）。</p>`;
  const problems = view.checked.data!.plan.problems;
  const states = await answerStates(app.ctx.db, view.stored.id, period);
  const rows = reportingByUnit(problems, states);
  const notSubmitted = rows.filter((r) => r.pending > 0);
  const returned = rows.filter((r) => r.returned > 0);
  const names = (list: typeof rows, count: (r: (typeof rows)[number]) => number) => (list.length === 0 ? '无' : list.map((r) => `${r.unit}（${count(r)}）`).join('、'));
  return html`<h2>本期在线填报（${REPORTING_WORDS[state]}）</h2>
<p data-reporting="not-submitted"><strong>尚未提交：</strong>${names(notSubmitted, (r) => r.pending)}</p>
<p data-reporting="returned"><strong>退回待改：</strong>${names(returned, (r) => r.returned)}</p>
${unitProgress(problems, states)}
<p><a href="/plans/${view.stored.id}/periods/${period}/answers">逐项查看与审核</a></p>`;
}

/**
 * The period's figures, or — while it is still being reported and lacks
 * entries (the report's own rule: every problem has one) — the latest earlier
 * period's, said so above them: a leader opening the dashboard mid-month sees
 * the colours, deadlines and overdue items as last stated, beside who has
 * not reported yet (the fresh tester found only a file path and an error).
 */
function derivedSections(view: PlanInView, period: string): { figures: Html; colours: Html } {
  const data = view.checked.data!;
  const attempt = (p: string) => {
    try {
      return periodContext(data, p).view;
    } catch (error) {
      if (error instanceof UserError) return undefined;
      throw error;
    }
  };
  const current = attempt(period);
  if (current) return periodSections(view, current);
  const earlier = view.stored.texts.progress
    .map((p) => p.period)
    .filter((p) => p < period)
    .sort()
    .reverse();
  for (const p of earlier) {
    const last = attempt(p);
    if (!last) continue;
    const sections = periodSections(view, last, `${p} 期`);
    return {
      figures: html`<div class="warn"><p>${period} 期尚在填报：各问题都有本期进展（答复采纳或表格导入）后，这里显示本期统计。以下是上一期 ${p} 的统计与预警，供参考。</p></div>
${sections.figures}`,
      colours: sections.colours,
    };
  }
  return { figures: html`<p class="hint">${period} 期尚在填报：各问题都有本期进展（答复采纳或表格导入）后，这里显示本期统计。</p>`, colours: html`` };
}

/** GET /plans/:plan/periods/:period/dashboard. */
export function dashboardRoutes(app: FastifyInstance): void {
  app.route({
    method: 'GET',
    url: '/plans/:plan/periods/:period/dashboard',
    config: { access: ['office', 'viewer'] },
    handler: async (request, reply) => {
      const view = await planFromUrl(request, reply);
      if (!view) return reply;
      const period = periodOf(view, (request.params as { period: string }).period);
      if (period === undefined || !view.checked.data) return errorPage(request, reply, 404, '没有这一期的进展，或方案数据有错误');
      const derived = derivedSections(view, period);
      return sendPage(
        request,
        reply,
        `${period} 看板：${view.stored.title || view.stored.name}`,
        html`<p><a href="/plans/${view.stored.id}?period=${period}">← ${view.stored.title || view.stored.name}</a></p>
${periodLinks(view, period)}
${derived.figures}
${await reportingSection(app, view, period)}
${derived.colours}`,
      );
    },
  });
}
