// Reporting periods (issue 16): the office opens a period for the units to
// report online and closes it when the month's reporting is done. The plan
// page shows each period's state and, to the office, these two forms.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../audit.js';
import { actor, csrfField, field } from '../forms.js';
import { html, type Html } from '../html.js';
import { periodOf, planFromUrl, type PlanInView } from '../plan-access.js';
import { UserError } from '../../diagnostics/user-error.js';
import { answerStates } from '../answers.js';
import { Conflict, errorPage } from '../errors.js';
import { closeConfirmBody, closeSummary, openPeriodForm } from '../period-pages.js';
import { closePeriod, deletePeriod, deletionRefusal, openPeriod, reopenPeriod, REPORTING_WORDS, reportingState, reportingStates } from '../reporting.js';
import { sendPage } from '../respond.js';
import type { Role } from '../roles.js';

/**
 * The periods' reporting states on the plan page: for each period open or
 * closed, its state and a link to its answers (填报与审核); for the office,
 * the close button and the form that opens a period.
 */
export async function periodControls(request: FastifyRequest, reply: FastifyReply, view: PlanInView): Promise<Html> {
  const role: Role = request.account!.role;
  const db = request.server.ctx.db;
  const states = await reportingStates(db, view.stored.id);
  // Only an empty period opened online may be deleted (reporting.ts deletionRefusal); the button shows only then.
  const deletable = new Set<string>();
  if (role === 'office') for (const period of states.keys()) if ((await deletionRefusal(db, view.stored.id, period)) === undefined) deletable.add(period);
  const rows = [...states.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(
    ([period, state]) => html`<li><strong>${period}</strong> ${REPORTING_WORDS[state]}
<a href="/plans/${view.stored.id}/periods/${period}/answers">${role === 'unit' ? (state === 'open' ? '去填报' : '查看填报') : '填报与审核'}</a>
${role === 'office' && state === 'open' ? html`<a class="button" href="/plans/${view.stored.id}/periods/${period}/close">关闭本期填报…</a>` : ''}
${role === 'office' && state === 'closed' ? html`<form class="inline" method="post" action="/plans/${view.stored.id}/periods/${period}/reopen">${csrfField(reply)}<button type="submit">重新开放本期</button></form>` : ''}
${deletable.has(period) ? html`<form class="inline" method="post" action="/plans/${view.stored.id}/periods/${period}/delete">${csrfField(reply)}<button type="submit">删除本期（开错了月份）</button></form>` : ''}</li>`,
  );
  const list = rows.length > 0 ? html`<ul class="links">${rows}</ul>` : html`<p class="hint">尚无在线填报的期次。</p>`;
  const open = role === 'office' ? openPeriodForm(reply, view.stored.id) : '';
  return html`<h2>在线填报</h2>${list}${open}`;
}

/** The plan of `:plan` and its period `:period`, or undefined after sending 404. */
async function periodFromUrl(request: FastifyRequest, reply: FastifyReply): Promise<{ view: PlanInView; period: string } | undefined> {
  const view = await planFromUrl(request, reply);
  if (!view) return undefined;
  const period = periodOf(view, (request.params as { period: string }).period);
  if (!period) {
    errorPage(request, reply, 404, '方案中没有这一期的进展');
    return undefined;
  }
  return { view, period };
}

/** POST /plans/:plan/periods (open); GET …/:period/close (the confirmation page) and POST …/close, …/reopen, …/delete. */
export function periodRoutes(app: FastifyInstance): void {
  app.route({
    method: 'POST',
    url: '/plans/:plan/periods',
    config: { access: ['office'] },
    handler: async (request, reply) => {
      const view = await planFromUrl(request, reply);
      if (!view) return reply;
      const period = field(request, 'period').trim();
      let created: boolean;
      try {
        ({ created } = await openPeriod(app.ctx.db, view, period, request.account!));
      } catch (error) {
        if (!(error instanceof UserError) || error instanceof Conflict) throw error;
        // The refusal under the field, the month as typed, so the office corrects it where it typed it.
        return sendPage(request, reply, `开放填报：${view.stored.name}`, html`<p><a href="/plans/${view.stored.id}">← 返回方案</a></p>${openPeriodForm(reply, view.stored.id, period, error.message)}`, 400);
      }
      await audit(app.ctx.db, actor(request), '开放填报', `方案 ${view.stored.name} ${period}`, [{ field: 'state', oldValue: null, newValue: created ? 'open（新建进展文件）' : 'open' }]);
      return reply.redirect(`/plans/${view.stored.id}?period=${period}`);
    },
  });
  // Closing leaves answers pending review out of the period: the office confirms on a page that lists them (period-pages.ts).
  app.route({
    method: 'GET',
    url: '/plans/:plan/periods/:period/close',
    config: { access: ['office'] },
    handler: async (request, reply) => {
      const target = await periodFromUrl(request, reply);
      if (!target) return reply;
      const { view, period } = target;
      if ((await reportingState(app.ctx.db, view.stored.id, period)) !== 'open') return errorPage(request, reply, 409, `${period} 期没有在填报中，不能关闭`);
      const summary = closeSummary(view.checked.data?.plan.problems ?? [], await answerStates(app.ctx.db, view.stored.id, period));
      return sendPage(request, reply, `关闭 ${period} 期填报：${view.stored.name}`, closeConfirmBody(reply, view.stored.id, period, summary));
    },
  });
  // Closing and reopening change only the period's state: one route each, the same steps.
  const changes = [
    { url: 'close', action: '关闭填报', from: 'open', to: 'closed', change: closePeriod },
    { url: 'reopen', action: '重新开放填报', from: 'closed', to: 'open', change: reopenPeriod },
  ] as const;
  for (const { url, action, from, to, change } of changes) {
    app.route({
      method: 'POST',
      url: `/plans/:plan/periods/:period/${url}`,
      config: { access: ['office'] },
      handler: async (request, reply) => {
        const target = await periodFromUrl(request, reply);
        if (!target) return reply;
        const { view, period } = target;
        await change(app.ctx.db, view.stored.id, period, request.account!);
        await audit(app.ctx.db, actor(request), action, `方案 ${view.stored.name} ${period}`, [{ field: 'state', oldValue: from, newValue: to }]);
        return reply.redirect(`/plans/${view.stored.id}?period=${period}`);
      },
    });
  }
  // A period opened by mistake (a wrong month), still empty: its file and reporting row go (reporting.ts deletePeriod).
  app.route({
    method: 'POST',
    url: '/plans/:plan/periods/:period/delete',
    config: { access: ['office'] },
    handler: async (request, reply) => {
      const target = await periodFromUrl(request, reply);
      if (!target) return reply;
      const { view, period } = target;
      const state = await reportingState(app.ctx.db, view.stored.id, period);
      await deletePeriod(app.ctx.db, view.stored.id, period);
      await audit(app.ctx.db, actor(request), '删除填报期次', `方案 ${view.stored.name} ${period}`, [{ field: 'state', oldValue: state ?? null, newValue: null }]);
      return reply.redirect(`/plans/${view.stored.id}`);
    },
  });
}
