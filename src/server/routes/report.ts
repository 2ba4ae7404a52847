// A period's report block (progress/<period>.json `report`): its metadata and
// the office's prose — work done, difficulties, next steps — edited in the
// browser and checked by the same rules as `zhenggai check` before it is
// saved. Only the report's fields are touched: every other key of the
// progress file, known or not yet known, is kept.

import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatDiagnostic } from '../../diagnostics/format.js';
import { checkPlanTexts } from '../../documents/plan-texts.js';
import { audit, type Change } from '../audit.js';
import { errorPage } from '../errors.js';
import { actor, csrfField, field } from '../forms.js';
import { html } from '../html.js';
import { periodOf, planFromUrl, type PlanInView } from '../plan-access.js';
import { replaceProgressText } from '../plan-store.js';
import { reportingState, requireNotClosed } from '../reporting.js';
import { sendPage } from '../respond.js';

/** The report's text fields in the order progress files write them, with their labels. */
const TEXT_FIELDS = [
  ['issuerMark', '发文机关标志'],
  ['docNumber', '发文字号'],
  ['signer', '签发人'],
  ['recipients', '主送机关'],
  ['issuer', '署名（发文机关）'],
  ['date', '成文日期'],
  ['title', '报告标题（可空：由模板生成）'],
] as const;
/** The prose, one paragraph a line. */
const PROSE_FIELDS = [
  ['workDone', '一、整改工作开展情况'],
  ['difficulties', '三、存在的困难和问题'],
  ['nextSteps', '四、下一步工作打算'],
] as const;

type Raw = Record<string, unknown>;

function rawReport(text: string): Raw {
  const value = JSON.parse(text) as Raw;
  return value.report && typeof value.report === 'object' ? (value.report as Raw) : {};
}

function paragraphs(value: unknown): string {
  return Array.isArray(value) ? value.filter((v) => typeof v === 'string').join('\n') : '';
}

/** The version of a progress text a form was made from: a save from an older version is refused, not written over someone else's. */
function versionOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

function reportForm(view: PlanInView, period: string, values: Raw, reply: FastifyReply, editable: boolean, version: string, problems: readonly string[] = []) {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const disabled = !editable;
  return html`<p><a href="/plans/${view.stored.id}?period=${period}">← ${view.stored.title || view.stored.name}</a></p>
${problems.length > 0 ? html`<div class="error"><p>未保存：</p><pre>${problems.join('\n')}</pre></div>` : ''}
<form class="stack" method="post" action="/plans/${view.stored.id}/periods/${period}/report">
  ${csrfField(reply)}
  <input type="hidden" name="version" value="${version}">
  ${TEXT_FIELDS.map(([name, label]) => html`<label>${label}<input type="${name === 'date' ? 'date' : 'text'}" name="${name}" value="${text(values[name])}" ${disabled ? html`disabled` : ''}></label>`)}
  <label><span><input type="checkbox" name="sealed" value="1" ${values.sealed !== false ? html`checked` : ''} ${disabled ? html`disabled` : ''}> 加盖印章</span></label>
  ${PROSE_FIELDS.map(([name, label]) => html`<label>${label}<span class="hint">每行一段</span><textarea name="${name}" rows="6" ${disabled ? html`disabled` : ''}>${paragraphs(values[name])}</textarea></label>`)}
  ${editable ? html`<button type="submit">保存</button>` : ''}
</form>`;
}

/** The report block from the form: each field as the progress format writes it; unknown keys of the old block kept. */
function reportFromForm(request: FastifyRequest, old: Raw): Raw {
  const next: Raw = { ...old };
  for (const [name] of TEXT_FIELDS) {
    const value = field(request, name).trim();
    if (name === 'title' && value === '') delete next.title;
    else next[name] = value;
  }
  const sealed = field(request, 'sealed') === '1';
  // sealed defaults to true (progress-schema.ts): a block without it stays without it while it is sealed.
  if ('sealed' in old || !sealed) next.sealed = sealed;
  for (const [name] of PROSE_FIELDS) {
    next[name] = field(request, name).split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  }
  return next;
}

/** The progress file with its report block replaced, in place; a new block goes before `problems`, where progress files keep it. */
function withReport(progress: Raw, report: Raw): Raw {
  if ('report' in progress) return { ...progress, report };
  const out: Raw = {};
  for (const [key, value] of Object.entries(progress)) {
    if (key === 'problems') out.report = report;
    out[key] = value;
  }
  if (!('report' in out)) out.report = report;
  return out;
}

function changesBetween(old: Raw, next: Raw): Change[] {
  const keys = [...new Set([...Object.keys(old), ...Object.keys(next)])];
  const shown = (v: unknown) => (v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v));
  return keys.filter((k) => JSON.stringify(old[k]) !== JSON.stringify(next[k])).map((k) => ({ field: `report.${k}`, oldValue: shown(old[k]), newValue: shown(next[k]) }));
}

async function periodInView(request: FastifyRequest, reply: FastifyReply): Promise<{ view: PlanInView; period: string; text: string } | undefined> {
  const view = await planFromUrl(request, reply);
  if (!view) return undefined;
  const period = periodOf(view, (request.params as { period: string }).period);
  const text = view.stored.texts.progress.find((p) => p.period === period)?.text;
  if (period === undefined || text === undefined) {
    errorPage(request, reply, 404, '方案中没有这一期的进展');
    return undefined;
  }
  return { view, period, text };
}

/** GET and POST /plans/:plan/periods/:period/report. */
export function reportRoutes(app: FastifyInstance): void {
  app.route({
    method: 'GET',
    url: '/plans/:plan/periods/:period/report',
    config: { access: ['office', 'viewer'] },
    handler: async (request, reply) => {
      const found = await periodInView(request, reply);
      if (!found) return reply;
      const editable = request.account!.role === 'office' && (await reportingState(app.ctx.db, found.view.stored.id, found.period)) !== 'closed';
      return sendPage(request, reply, `${found.period} 进展报告`, reportForm(found.view, found.period, rawReport(found.text), reply, editable, versionOf(found.text)));
    },
  });
  app.route({
    method: 'POST',
    url: '/plans/:plan/periods/:period/report',
    config: { access: ['office'] },
    handler: async (request, reply) => {
      const found = await periodInView(request, reply);
      if (!found) return reply;
      const { view, period, text } = found;
      await requireNotClosed(app.ctx.db, view.stored.id, period);
      const progress = JSON.parse(text) as Raw;
      const old = rawReport(text);
      const next = reportFromForm(request, old);
      if (field(request, 'version') !== versionOf(text)) {
        const message = '这一期的报告在您打开后已被他人修改，未保存。下面是您填写的内容；请对照当前内容（重新打开本页可见）后再保存。';
        return sendPage(request, reply, `${period} 进展报告`, reportForm(view, period, next, reply, true, versionOf(text), [message]), 409);
      }
      const nextText = `${JSON.stringify(withReport(progress, next), null, 2)}\n`;
      const file = `${view.stored.name}/progress/${period}.json`;
      const checked = checkPlanTexts({ ...view.stored.texts, progress: view.stored.texts.progress.map((p) => (p.period === period ? { period, text: nextText } : p)) });
      const errors = checked.diagnostics.filter((d) => d.severity === 'error' && d.file === file);
      if (errors.length > 0) {
        return sendPage(request, reply, `${period} 进展报告`, reportForm(view, period, next, reply, true, field(request, 'version'), ['以下问题须先改正（与 zhenggai check 所列相同）：', ...errors.map(formatDiagnostic)]), 400);
      }
      const changes = changesBetween(old, next);
      if (changes.length > 0) {
        // Written only over the text this save was checked against: an answer accepted meanwhile is never lost.
        if (!(await replaceProgressText(app.ctx.db, view.stored.id, period, text, nextText))) {
          return sendPage(request, reply, `${period} 进展报告`, reportForm(view, period, next, reply, true, field(request, 'version'), ['这一期的进展文件在您提交时已被他人修改（如采纳了单位填报），未保存；请重新打开本页后再保存。']), 409);
        }
        await audit(app.ctx.db, actor(request), '修改进展报告', `方案 ${view.stored.name} ${period}`, changes);
      }
      return reply.redirect(`/plans/${view.stored.id}/periods/${period}/report/saved`);
    },
  });
  app.route({
    method: 'GET',
    url: '/plans/:plan/periods/:period/report/saved',
    config: { access: ['office'] },
    handler: async (request, reply) => {
      const found = await periodInView(request, reply);
      if (!found) return reply;
      return sendPage(
        request,
        reply,
        `${found.period} 进展报告`,
        html`<div class="ok">已保存。</div>
<p><a class="button" href="/plans/${found.view.stored.id}/documents/report?period=${found.period}">下载进展报告</a>
<a href="/plans/${found.view.stored.id}/periods/${found.period}/report">继续修改</a></p>`,
      );
    },
  });
}
