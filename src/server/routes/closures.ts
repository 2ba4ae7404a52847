// The office's closure page (销号, issue 16): a problem of a period, what
// its entry says now, the form recording the closure (date, approver,
// opinion) and every closure recorded for it, with the undo form for the
// one standing. Recording and undoing are the office's act
// (docs/domain.md#closure: 谁销号、谁签字、谁负责); the page is shown
// read-only to the viewer (领导) and to the unit that reports the problem
// (the 牵头单位 that signs its closure form), never to another unit.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { shownNumber } from '../../model/numbering.js';
import type { Problem } from '../../model/plan-schema.js';
import type { ProblemProgress } from '../../model/progress-schema.js';
import { CLOSURE_LABELS, FIELD_LABELS as L } from '../../model/vocabulary.js';
import { audit } from '../audit.js';
import { beijingTime } from '../beijing-time.js';
import { CLOSURE_FIELDS, ClosureRefused, closuresOf, recordClosure, undoClosure, type ClosureFinding, type ClosureRecord, type ClosureValues } from '../closures.js';
import { errorPage } from '../errors.js';
import { actor, csrfField, field } from '../forms.js';
import { html, type Html } from '../html.js';
import { periodOf, planFromUrl, problemStanding, type PlanInView } from '../plan-access.js';
import { reportingState } from '../reporting.js';
import { sendPage } from '../respond.js';

/** The closures recorded on the server for a problem, oldest first: who recorded each and, once undone, who undid it and why. */
export function closuresTable(records: readonly ClosureRecord[], undo?: { url: string; csrf: Html; period: string }): Html {
  if (records.length === 0) return html`<p class="hint">尚无在本系统录入的销号。</p>`;
  const time = (t: string) => beijingTime(t);
  const standing = undo && [...records].reverse().find((r) => r.undoneAt === null && r.period === undo.period);
  return html`<div class="table-wrap"><table class="cards"><thead><tr><th>期次</th><th>${CLOSURE_LABELS.date}</th><th>${CLOSURE_LABELS.approver}</th><th>${CLOSURE_LABELS.opinion}</th><th>录入人</th><th>录入时间</th><th>撤销</th></tr></thead><tbody>
${records.map((r) => html`<tr><td data-label="期次">${r.period}</td><td data-label="${CLOSURE_LABELS.date}">${r.date}</td><td data-label="${CLOSURE_LABELS.approver}">${r.approver}</td><td data-label="${CLOSURE_LABELS.opinion}">${r.opinion}</td><td data-label="录入人">${r.recordedBy}</td><td data-label="录入时间">${time(r.recordedAt)}</td>
<td data-label="撤销">${r.undoneAt ? html`${r.undoneBy} ${time(r.undoneAt)} 撤销：${r.undoReason ?? ''}（恢复为“${r.previousStatus}”）` : '—'}</td></tr>`)}
</tbody></table></div>
${undo && standing ? html`<h3>撤销销号</h3><form class="stack" method="post" action="${undo.url}/undo">${undo.csrf}
<p class="hint">录入有误时撤销 ${standing.date} 的销号：整改状态恢复为“${standing.previousStatus}”，本条记录与撤销原因保留。</p>
<label for="f-undo-reason">撤销原因<textarea name="reason" id="f-undo-reason" rows="2" required></textarea></label>
<p class="links"><button type="submit">撤销销号</button></p></form>` : ''}`;
}

interface ClosureTarget {
  view: PlanInView;
  period: string;
  problem: Problem;
  /** The problem's entry in the period's file as loaded, if it has one. */
  entry: ProblemProgress | undefined;
  /** Why nothing may be written now (closed period, not the latest), or undefined. */
  readOnly: string | undefined;
}

/**
 * The plan, period and problem of the URL; else 404 sent. A unit account
 * reaches only a problem its unit reports: one it co-leads or cooperates on
 * is 404 here (it sees the closures on the problem's page), as is any other.
 */
async function closureTarget(request: FastifyRequest, reply: FastifyReply): Promise<ClosureTarget | undefined> {
  const view = await planFromUrl(request, reply);
  if (!view) return undefined;
  const params = request.params as { period: string; number: string };
  const period = periodOf(view, params.period);
  const problem = view.checked.data?.plan.problems.find((p) => p.number === Number(params.number));
  const standing = problem && problemStanding(view, problem);
  if (!period || !problem || (standing !== 'all' && standing !== 'reports')) {
    errorPage(request, reply, 404, '没有这个问题或这一期，或您的账户无权查看');
    return undefined;
  }
  const entry = view.checked.data!.progress.find((p) => p.fileperiod === period)?.data.problems.find((e) => e.number === problem.number);
  const latest = view.stored.texts.progress.at(-1)?.period;
  const closed = (await reportingState(request.server.ctx.db, view.stored.id, period)) === 'closed';
  const readOnly = closed ? `${period} 期已关闭，只能查看` : latest !== period ? `销号只能录入最近一期（${latest}）` : undefined;
  return { view, period, problem, entry, readOnly };
}

function findingsAt(findings: readonly ClosureFinding[], name: ClosureFinding['field']): Html {
  return html`${findings.filter((f) => f.field === name).map((f) => html`<p class="field-error" role="alert">✗ ${f.message}</p>`)}`;
}

function closureForm(target: ClosureTarget, reply: FastifyReply, url: string, values: ClosureValues, findings: readonly ClosureFinding[]): Html {
  const input = (name: string) => (name === 'opinion' ? html`<textarea name="opinion" id="f-opinion" rows="3">${values.opinion ?? ''}</textarea>` : html`<input type="${name === 'date' ? 'date' : 'text'}" name="${name}" id="f-${name}" value="${values[name as 'date' | 'approver'] ?? ''}">`);
  return html`<form class="stack" method="post" action="${url}">${csrfField(reply)}
<p class="hint">谁销号、谁签字、谁负责：销号审批表经牵头单位和验收人签字后再录入。录入后本期${L.status}为“已销号”，本期销号审批表（本期已销号）列出这一问题。</p>
${CLOSURE_FIELDS.map(({ field: name, label }) => html`<label for="f-${name}">${label}${input(name)}${findingsAt(findings, name)}</label>`)}
<p class="links"><button type="submit">录入销号</button></p></form>`;
}

function entryFields(entry: ProblemProgress | undefined): Html {
  if (!entry) return html`<dt>${L.status}</dt><dd>（本期尚无进展）</dd>`;
  return html`<dt>${L.status}</dt><dd><strong>${entry.status}</strong></dd>
<dt>${L.completedOn}</dt><dd>${entry.completedOn ?? '—'}</dd>
<dt>${L.progress}</dt><dd class="prewrap">${entry.progress ?? '—'}</dd>
<dt>${L.evidence}</dt><dd>${entry.evidence.length > 0 ? entry.evidence.map((e) => html`<div>${e}</div>`) : '（无）'}</dd>
${entry.closure ? html`<dt>${CLOSURE_LABELS.date}</dt><dd>${entry.closure.date}</dd><dt>${CLOSURE_LABELS.approver}</dt><dd>${entry.closure.approver}</dd><dt>${CLOSURE_LABELS.opinion}</dt><dd>${entry.closure.opinion}</dd>` : ''}`;
}

async function closurePage(request: FastifyRequest, reply: FastifyReply, target: ClosureTarget, options: { values?: ClosureValues; findings?: ClosureFinding[]; notice?: Html; status?: number } = {}): Promise<FastifyReply> {
  const { view, period, problem, entry } = target;
  const url = `/plans/${view.stored.id}/periods/${period}/closures/${problem.number}`;
  const records = await closuresOf(request.server.ctx.db, view.stored.id, problem.number);
  const findings = options.findings ?? [];
  const general = findings.filter((f) => f.field === undefined || f.field === 'reason');
  // The viewer and the reporting unit read the page: no form, no undo, and (for a unit, which may not download documents) no forms link.
  const role = request.account!.role;
  const office = role === 'office';
  const closable = entry?.status === '已完成' || entry?.status === '已完成并长期坚持';
  const form = !office
    ? html``
    : target.readOnly
      ? html`<h2>录入销号</h2><p class="hint">${target.readOnly}，不能录入或撤销销号。</p>`
      : closable
        ? html`<h2>录入销号</h2>${closureForm(target, reply, url, options.values ?? {}, findings)}`
        : html`<h2>录入销号</h2><p class="hint">${entry?.status === '已销号' ? '本期已销号。' : `本期${L.status}不是“已完成”或“已完成并长期坚持”，不能销号。`}</p>`;
  return sendPage(
    request,
    reply,
    `${period} 销号：${shownNumber(problem)}. ${problem.summary}`,
    html`<p><a href="/plans/${view.stored.id}/problems/${problem.number}">← 第 ${shownNumber(problem)} 号问题</a></p>
${options.notice ?? ''}
${general.length > 0 ? html`<div class="error"><ul>${general.map((f) => html`<li>${f.message}</li>`)}</ul></div>` : ''}
<dl class="fields">
<dt>${L.leadUnits}</dt><dd>${problem.leadUnits.join('、')}</dd>
<dt>${L.deadline}</dt><dd>${problem.deadline}</dd>
${entryFields(entry)}
</dl>
${office ? '' : html`<p class="hint">只读：销号由整改办在销号审批表签字后录入。</p>`}
${role === 'unit' ? '' : html`<p class="links"><a href="/plans/${view.stored.id}/documents/closure-forms?period=${period}">下载 ${period} 整改问题销号审批表</a></p>`}
${form}
<h2>销号记录</h2>
${closuresTable(records, !office || target.readOnly ? undefined : { url, csrf: csrfField(reply), period })}`,
    options.status,
  );
}

function closureValues(request: FastifyRequest): ClosureValues {
  const values: ClosureValues = {};
  for (const { field: name } of CLOSURE_FIELDS) {
    const value = field(request, name).replace(/\r\n?/g, '\n').trim();
    if (value !== '') values[name] = value;
  }
  return values;
}

/** GET /plans/:plan/periods/:period/closures/:number (office; viewer and the reporting unit read-only), POST it and …/undo (the office only). */
export function closureRoutes(app: FastifyInstance): void {
  app.route({
    method: 'GET',
    url: '/plans/:plan/periods/:period/closures/:number',
    config: { access: ['office', 'viewer', 'unit'] },
    handler: async (request, reply) => {
      const target = await closureTarget(request, reply);
      if (!target) return reply;
      const done = (request.query as { saved?: string }).saved;
      const notice = done === 'closed' ? html`<div class="ok">已录入销号。</div>` : done === 'undone' ? html`<div class="ok">已撤销销号。</div>` : undefined;
      return closurePage(request, reply, target, { notice });
    },
  });
  app.route({
    method: 'POST',
    url: '/plans/:plan/periods/:period/closures/:number',
    config: { access: ['office'] },
    handler: async (request, reply) => {
      const target = await closureTarget(request, reply);
      if (!target) return reply;
      const values = closureValues(request);
      const { view, period, problem } = target;
      try {
        const { previousStatus } = await recordClosure(app.ctx.db, { view, period, problem, values, account: request.account! });
        await audit(app.ctx.db, actor(request), '录入销号', `方案 ${view.stored.name} ${period} 第 ${shownNumber(problem)} 号问题`, [
          { field: L.status, oldValue: previousStatus, newValue: '已销号' },
          ...CLOSURE_FIELDS.map(({ field: name, label }) => ({ field: label, oldValue: null, newValue: values[name]! })),
        ]);
        return reply.redirect(`/plans/${view.stored.id}/periods/${period}/closures/${problem.number}?saved=closed`);
      } catch (error) {
        if (!(error instanceof ClosureRefused)) throw error;
        return closurePage(request, reply, target, { values, findings: error.findings, status: 400, notice: html`<div class="error"><p>${error.message}：请按提示改正。</p></div>` });
      }
    },
  });
  app.route({
    method: 'POST',
    url: '/plans/:plan/periods/:period/closures/:number/undo',
    config: { access: ['office'] },
    handler: async (request, reply) => {
      const target = await closureTarget(request, reply);
      if (!target) return reply;
      const { view, period, problem } = target;
      try {
        const undone = await undoClosure(app.ctx.db, view, period, problem, field(request, 'reason'), request.account!);
        await audit(app.ctx.db, actor(request), '撤销销号', `方案 ${view.stored.name} ${period} 第 ${shownNumber(problem)} 号问题`, [
          { field: L.status, oldValue: '已销号', newValue: undone.previousStatus },
          { field: CLOSURE_LABELS.date, oldValue: undone.date, newValue: null },
          { field: '撤销原因', oldValue: null, newValue: undone.undoReason },
        ]);
        return reply.redirect(`/plans/${view.stored.id}/periods/${period}/closures/${problem.number}?saved=undone`);
      } catch (error) {
        if (!(error instanceof ClosureRefused)) throw error;
        return closurePage(request, reply, target, { findings: error.findings, status: 400, notice: html`<div class="error"><p>${error.message}。</p></div>` });
      }
    },
  });
}
