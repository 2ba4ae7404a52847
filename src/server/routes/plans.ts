// The office's reading pages: the plans, a plan's problems with their warning
// colours for a period (the ledger's rule: derive/problem-state.ts), a
// problem's page, the check page and the export of the plan folder.

import type { FastifyInstance } from 'fastify';
import { formatDiagnostic, formatSummary } from '../../diagnostics/format.js';
import { planFolderZip } from '../../documents/plan-archive.js';
import { periodStates } from '../../derive/period.js';
import type { Plan } from '../../model/plan-schema.js';
import { FIELD_LABELS as L } from '../../model/vocabulary.js';
import type { Progress } from '../../model/progress-schema.js';
import { audit } from '../audit.js';
import { colourChip } from '../dashboard.js';
import { beijingDate } from '../beijing-time.js';
import { errorPage } from '../errors.js';
import { actor } from '../forms.js';
import { html, type Html } from '../html.js';
import { periodOf, planFromUrl, problemStanding, type PlanInView, type ProblemStanding } from '../plan-access.js';
import { exportPlan } from '../plan-store.js';
import { periodControls } from './periods.js';
import { roundsTable, warningMarks } from './answers.js';
import { storedEntryWarnings, type AnswerWarning } from '../answer-warnings.js';
import { roundsOf } from '../answers.js';
import { reportingUnit } from '../../derive/reporting-unit.js';
import { closuresOf } from '../closures.js';
import { closuresTable } from './closures.js';
import { sendFile, sendPage } from '../respond.js';
import { ROLE_LABELS } from '../roles.js';

/** The plan's progress files parsed as the loader parsed them (only when the plan loaded). */
function progressOf(view: PlanInView, period: string): Progress | undefined {
  return view.checked.data?.progress.find((p) => p.fileperiod === period)?.data;
}

function visibleProblems(plan: Plan, view: PlanInView): Plan['problems'] {
  return plan.problems.filter((p) => problemStanding(view, p) !== undefined);
}

/** The closure page's link on the problem's page: the office records closures there; the viewer and the reporting unit read it. */
function closureLink(view: PlanInView, role: string, standing: ProblemStanding, latest: string | undefined, number: number): Html {
  if (!latest || standing === 'sees') return html``;
  const label = role === 'office' ? `${latest} 录入或撤销销号` : `${latest} 销号（只读）`;
  return html`<p class="links"><a class="button" href="/plans/${view.stored.id}/periods/${latest}/closures/${number}">${label}</a></p>`;
}

function periodLinks(view: PlanInView, current: string | undefined): Html {
  const periods = view.stored.texts.progress.map((p) => p.period);
  if (periods.length === 0) return html`<p>尚无进展期次。</p>`;
  return html`<p>期次：${periods.map((p) => (p === current ? html`<strong>${p}</strong> ` : html`<a href="/plans/${view.stored.id}?period=${p}">${p}</a> `))}</p>`;
}

function planMenu(view: PlanInView, role: string, period: string | undefined): Html {
  if (role === 'unit') return html``;
  const office = role === 'office';
  return html`<p class="links">
<a class="button" href="/plans/${view.stored.id}/check">检查</a>
<a class="button" href="/plans/${view.stored.id}/documents">文书下载</a>
${period ? html`<a class="button" href="/plans/${view.stored.id}/periods/${period}/dashboard">${period} 看板</a>` : ''}
${period ? html`<a class="button" href="/plans/${view.stored.id}/periods/${period}/report">${office ? '编写' : '查看'} ${period} 报告</a>` : ''}
${office ? html`<a class="button" href="/plans/${view.stored.id}/export">导出方案文件夹</a>` : ''}
</p>`;
}

function problemsTable(view: PlanInView, plan: Plan, period: string | undefined): Html {
  const progress = period ? progressOf(view, period) : undefined;
  const states = progress ? periodStates(plan, progress) : new Map();
  const warnings = period ? storedEntryWarnings(view, period) : new Map<number, AnswerWarning[]>();
  const rows = visibleProblems(plan, view).map((problem) => {
    const state = states.get(problem.number);
    return html`<tr>
<td data-label="${L.number}">${problem.number}</td>
<td data-label="${L.summary}"><a href="/plans/${view.stored.id}/problems/${problem.number}">${problem.summary}</a>${problemStanding(view, problem) === 'sees' ? html`<br><span class="hint">本单位只读</span>` : ''}</td>
<td data-label="${L.leadUnits}">${problem.leadUnits.join('、')}</td>
<td data-label="${L.deadline}">${problem.deadline}${state?.deadline?.due ? html`<br><span class="hint">${state.deadline.due}</span>` : ''}</td>
<td data-label="${L.status}"><div>${state?.status ?? '—'}${warningMarks(warnings.get(problem.number))}</div></td>
<td data-label="${L.warning}">${state ? colourChip(state.colour) : '—'}</td>
</tr>`;
  });
  return html`<div class="table-wrap"><table class="cards">
<thead><tr><th>${L.number}</th><th>${L.summary}</th><th>${L.leadUnits}</th><th>${L.deadline}</th><th>${L.status}</th><th>${L.warning}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

/** GET /plans, /plans/:plan, /plans/:plan/problems/:number, /plans/:plan/check, /plans/:plan/export. */
export function planRoutes(app: FastifyInstance): void {
  app.route({
    method: 'GET',
    url: '/plans',
    config: { access: ['office', 'viewer', 'unit'] },
    handler: async (request, reply) => {
      const account = request.account!;
      let query = app.ctx.db.selectFrom('plans').select(['plans.id', 'plans.name', 'plans.title', 'plans.docNumber', 'plans.importedAt']).orderBy('plans.id');
      if (account.role === 'unit') query = query.innerJoin('unitAssignments', 'unitAssignments.planId', 'plans.id').where('unitAssignments.accountId', '=', account.id);
      const plans = await query.execute();
      const list = plans.length === 0
        ? html`<p>还没有方案。${account.role === 'office' ? html`<a href="/plans/import">导入一个方案</a>` : ''}</p>`
        : html`<div class="table-wrap"><table><thead><tr><th>方案</th><th>发文字号</th><th>文件夹名</th><th>导入时间</th></tr></thead><tbody>
${plans.map((p) => html`<tr><td><a href="/plans/${p.id}">${p.title || p.name}</a></td><td>${p.docNumber}</td><td>${p.name}</td><td>${beijingDate(p.importedAt)}</td></tr>`)}
</tbody></table></div>`;
      return sendPage(request, reply, '方案', html`<p class="hint">当前账户：${account.displayName}（${ROLE_LABELS[account.role]}）</p>${list}`);
    },
  });
  app.route({
    method: 'GET',
    url: '/plans/:plan',
    config: { access: ['office', 'viewer', 'unit'] },
    handler: async (request, reply) => {
      const view = await planFromUrl(request, reply);
      if (!view) return reply;
      const plan = view.checked.data?.plan;
      const periods = view.stored.texts.progress.map((p) => p.period);
      const period = periodOf(view, (request.query as { period?: string }).period) ?? periods[periods.length - 1];
      const title = view.stored.title || view.stored.name;
      if (!plan) {
        return sendPage(request, reply, title, html`<div class="error">方案数据有错误，无法列出问题。</div>${planMenu(view, request.account!.role, undefined)}`);
      }
      const errors = view.checked.diagnostics.filter((d) => d.severity === 'error').length;
      return sendPage(
        request,
        reply,
        title,
        html`${errors > 0 ? html`<div class="error">方案有 ${errors} 个错误，改正前不能生成文书（见“检查”）。</div>` : ''}
${planMenu(view, request.account!.role, period)}
${periodLinks(view, period)}
${await periodControls(request, reply, view)}
${period ? html`<h2>${period} 各问题状态（截至 ${progressOf(view, period)?.asOf ?? ''}）</h2>` : html`<h2>问题</h2>`}
${problemsTable(view, plan, period)}`,
      );
    },
  });
  app.route({
    method: 'GET',
    url: '/plans/:plan/problems/:number',
    config: { access: ['office', 'viewer', 'unit'] },
    handler: async (request, reply) => {
      const view = await planFromUrl(request, reply);
      if (!view) return reply;
      const plan = view.checked.data?.plan;
      const number = Number((request.params as { number: string }).number);
      const problem = plan?.problems.find((p) => p.number === number);
      const standing = problem && problemStanding(view, problem);
      if (!plan || !problem || !standing) return errorPage(request, reply, 404, '没有这个问题，或您的账户无权查看');
      const latest = view.stored.texts.progress.at(-1)?.period;
      const rows = (view.checked.data?.progress ?? []).map(({ data, fileperiod }) => {
        const entry = data.problems.find((e) => e.number === number);
        const state = periodStates(plan, data).get(number);
        // The check's warnings on this period's entry, under its row (from the check this page ran once).
        const warnings = storedEntryWarnings(view, fileperiod).get(number);
        return html`<tr><td>${data.period}</td><td>${entry?.status ?? '—'}</td><td>${state ? colourChip(state.colour) : '—'}</td><td>${entry?.progress ?? ''}</td><td>${entry?.completedOn ?? ''}</td><td>${(entry?.evidence ?? []).join('、')}</td><td>${entry?.reason ?? ''}</td><td>${entry?.closure ? `${entry.closure.date}（${entry.closure.approver}）` : ''}</td></tr>
${warnings ? html`<tr class="entry-warnings"><td colspan="8">${warningMarks(warnings)}</td></tr>` : ''}`;
      });
      return sendPage(
        request,
        reply,
        `${problem.number}. ${problem.summary}`,
        html`<p><a href="/plans/${view.stored.id}">← ${view.stored.title || view.stored.name}</a></p>
<dl class="fields">
<dt>${L.summary}</dt><dd>${problem.summary}</dd>
<dt>${L.measures}</dt><dd>${problem.measures.map((m) => html`<div>${m}</div>`)}</dd>
<dt>${L.deadline}</dt><dd>${problem.deadline}</dd>
<dt>${L.leadUnits}</dt><dd>${problem.leadUnits.join('、')}</dd>
<dt>${L.cooperatingUnits}</dt><dd>${problem.cooperatingUnits.join('、') || '—'}</dd>
</dl>
${standing === 'sees' ? html`<p class="hint">本单位共同牵头或配合，只读；由 ${reportingUnit(problem)} 填报，整改办审核、销号。</p>` : ''}
<h2>各期进展</h2>
<div class="table-wrap"><table><thead><tr><th>期次</th><th>${L.status}</th><th>${L.warning}</th><th>${L.progress}</th><th>${L.completedOn}</th><th>${L.evidence}</th><th>${L.reason}</th><th>${L.closedOn}</th></tr></thead><tbody>${rows}</tbody></table></div>
<h2>在线填报与审核记录</h2>
${roundsTable(await roundsOf(app.ctx.db, view.stored.id, number))}
<h2>销号记录</h2>
${closuresTable(await closuresOf(app.ctx.db, view.stored.id, number))}
${closureLink(view, request.account!.role, standing, latest, number)}`,
      );
    },
  });
  app.route({
    method: 'GET',
    url: '/plans/:plan/check',
    config: { access: ['office', 'viewer'] },
    handler: async (request, reply) => {
      const view = await planFromUrl(request, reply);
      if (!view) return reply;
      const diagnostics = view.checked.diagnostics;
      return sendPage(
        request,
        reply,
        `检查：${view.stored.title || view.stored.name}`,
        html`<p>与 <code>zhenggai check ${view.stored.name}</code> 列出的相同：</p>
<div class="table-wrap"><table><thead><tr><th>级别</th><th>位置、说明与规则</th></tr></thead><tbody>
${diagnostics.map((d) => html`<tr class="diag-${d.severity}"><td>${d.severity === 'error' ? '错误' : '警告'}</td><td><code class="diagnostic">${formatDiagnostic(d)}</code></td></tr>`)}
</tbody></table></div>
<p class="summary">${formatSummary(diagnostics)}</p>`,
      );
    },
  });
  app.route({
    method: 'GET',
    url: '/plans/:plan/export',
    config: { access: ['office'] },
    handler: async (request, reply) => {
      const view = await planFromUrl(request, reply);
      if (!view) return reply;
      const files = await exportPlan(app.ctx.db, app.ctx.dataDir, view.stored.id);
      await audit(app.ctx.db, actor(request), '导出方案文件夹', `方案 ${view.stored.name}`);
      const date = beijingDate(new Date().toISOString());
      return sendFile(reply, `${view.stored.name}.zip`, planFolderZip(files.map((f) => ({ path: `${view.stored.name}/${f.path}`, data: f.data })), date));
    },
  });
}
