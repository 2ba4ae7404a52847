// Reporting periods (issue 16): the office opens a period for the units to
// report online and closes it when the month's reporting is done. The plan
// page shows each period's state and, to the office, these two forms.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../audit.js';
import { errorPage } from '../errors.js';
import { actor, csrfField, field } from '../forms.js';
import { html, type Html } from '../html.js';
import { periodOf, planFromUrl, type PlanInView } from '../plan-access.js';
import { closePeriod, openPeriod, reopenPeriod, REPORTING_WORDS, reportingStates } from '../reporting.js';
import type { Role } from '../roles.js';

/**
 * The periods' reporting states on the plan page: for each period open or
 * closed, its state and a link to its answers (填报与审核); for the office,
 * the close button and the form that opens a period.
 */
export async function periodControls(request: FastifyRequest, reply: FastifyReply, view: PlanInView): Promise<Html> {
  const role: Role = request.account!.role;
  const states = await reportingStates(request.server.ctx.db, view.stored.id);
  const rows = [...states.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(
    ([period, state]) => html`<li><strong>${period}</strong> ${REPORTING_WORDS[state]}
<a href="/plans/${view.stored.id}/periods/${period}/answers">${role === 'unit' ? (state === 'open' ? '去填报' : '查看填报') : '填报与审核'}</a>
${role === 'office' && state === 'open' ? html`<form class="inline" method="post" action="/plans/${view.stored.id}/periods/${period}/close">${csrfField(reply)}<button type="submit">关闭本期填报</button></form>` : ''}
${role === 'office' && state === 'closed' ? html`<form class="inline" method="post" action="/plans/${view.stored.id}/periods/${period}/reopen">${csrfField(reply)}<button type="submit">重新开放本期</button></form>` : ''}</li>`,
  );
  const list = rows.length > 0 ? html`<ul class="links">${rows}</ul>` : html`<p class="hint">尚无在线填报的期次。</p>`;
  const open = role === 'office'
    ? html`<form class="inline assign" method="post" action="/plans/${view.stored.id}/periods">${csrfField(reply)}
<label>开放填报期次 <input type="month" name="period" required></label><button type="submit">开放填报</button></form>`
    : '';
  return html`<h2>在线填报</h2>${list}${open}`;
}

/** POST /plans/:plan/periods (open), /plans/:plan/periods/:period/close and …/reopen. */
export function periodRoutes(app: FastifyInstance): void {
  app.route({
    method: 'POST',
    url: '/plans/:plan/periods',
    config: { access: ['office'] },
    handler: async (request, reply) => {
      const view = await planFromUrl(request, reply);
      if (!view) return reply;
      const period = field(request, 'period').trim();
      const { created } = await openPeriod(app.ctx.db, view, period, request.account!);
      await audit(app.ctx.db, actor(request), '开放填报', `方案 ${view.stored.name} ${period}`, [{ field: 'state', oldValue: null, newValue: created ? 'open（新建进展文件）' : 'open' }]);
      return reply.redirect(`/plans/${view.stored.id}?period=${period}`);
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
        const view = await planFromUrl(request, reply);
        if (!view) return reply;
        const period = periodOf(view, (request.params as { period: string }).period);
        if (!period) return errorPage(request, reply, 404, '方案中没有这一期的进展');
        await change(app.ctx.db, view.stored.id, period, request.account!);
        await audit(app.ctx.db, actor(request), action, `方案 ${view.stored.name} ${period}`, [{ field: 'state', oldValue: from, newValue: to }]);
        return reply.redirect(`/plans/${view.stored.id}?period=${period}`);
      },
    });
  }
}
