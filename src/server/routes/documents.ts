// Downloads of every document the CLI makes, made from the database by the
// same pipelines in src/documents/ (so byte-identical to the CLI's output on
// the exported folder): task table, notice, and for a period the report with
// its ledger, the closure forms, the unit forms and the packet's zip.

import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { buildClosureForms } from '../../documents/closure-forms.js';
import { buildNotice } from '../../documents/notice.js';
import { buildPacket } from '../../documents/packet.js';
import { packetZip } from '../../documents/packet-zip.js';
import type { DocumentOutput, PlanData } from '../../documents/pipeline.js';
import { buildReport } from '../../documents/report.js';
import { buildTaskTable } from '../../documents/task-table.js';
import { buildUnitForms } from '../../documents/unit-forms.js';
import { formatDiagnostic } from '../../diagnostics/format.js';
import { audit } from '../audit.js';
import { errorPage } from '../errors.js';
import { actor } from '../forms.js';
import { html } from '../html.js';
import { periodOf, planFromUrl, type PlanInView } from '../plan-access.js';
import { evidenceReader } from '../plan-store.js';
import { sendFile, sendPage } from '../respond.js';

/** A kind of download: its label, whether it is per period, and how it is made. */
interface DocumentKind {
  label: string;
  perPeriod: boolean;
  /** Made from the period's report block (documents/period.ts requireReport): refused, with the way to the report page, while the period has none. */
  needsReport?: boolean;
  make(app: FastifyInstance, view: PlanInView, data: PlanData, period: string): Promise<DocumentOutput>;
}

/** Every kind of document, keyed as the URL names it. */
export const DOCUMENT_KINDS: Readonly<Record<string, DocumentKind>> = {
  table: { label: '任务分解和责任分工表（Word、Excel）', perPeriod: false, make: async (_app, _view, data) => buildTaskTable(data.plan, 'both') },
  notice: { label: '印发方案的通知', perPeriod: false, make: async (app, _view, data) => buildNotice(data.plan, app.ctx.templates) },
  report: { label: '进展报告与整改台账', perPeriod: true, needsReport: true, make: async (app, _view, data, period) => buildReport(data, period, app.ctx.templates) },
  'closure-forms': { label: '整改问题销号审批表', perPeriod: true, make: async (app, _view, data, period) => buildClosureForms(data, period, app.ctx.templates) },
  forms: { label: '各牵头单位进展填报表', perPeriod: true, make: async (app, _view, data, period) => buildUnitForms(data, period, app.ctx.templates) },
  packet: {
    label: '报送材料包（zip）',
    perPeriod: true,
    needsReport: true,
    make: async (app, view, data, period) => {
      const build = await buildPacket(data, period, app.ctx.templates);
      const scratch = path.join(app.ctx.dataDir, 'tmp');
      await mkdir(scratch, { recursive: true });
      const zip = await packetZip(build, period, evidenceReader(app.ctx.db, app.ctx.dataDir, view.stored.id), scratch);
      return { files: [{ name: zip.name, data: zip.data }], warnings: [] };
    },
  },
};

function downloadsPage(view: PlanInView): ReturnType<typeof html> {
  const periods = view.stored.texts.progress.map((p) => p.period);
  const link = (kind: string, period?: string) => `/plans/${view.stored.id}/documents/${kind}${period ? `?period=${period}` : ''}`;
  const planKinds = Object.entries(DOCUMENT_KINDS).filter(([, k]) => !k.perPeriod);
  const periodKinds = Object.entries(DOCUMENT_KINDS).filter(([, k]) => k.perPeriod);
  return html`<p><a href="/plans/${view.stored.id}">← ${view.stored.title || view.stored.name}</a></p>
<h2>方案</h2>
<ul class="links">${planKinds.map(([kind, k]) => html`<li><a href="${link(kind)}">${k.label}</a></li>`)}</ul>
${periods.map((period) => html`<h2>${period}</h2><ul class="links">${periodKinds.map(([kind, k]) => html`<li><a href="${link(kind, period)}">${k.label}</a></li>`)}</ul>`)}`;
}

async function download(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
  const view = await planFromUrl(request, reply);
  if (!view) return reply;
  const kindName = (request.params as { kind: string }).kind;
  const kind = Object.hasOwn(DOCUMENT_KINDS, kindName) ? DOCUMENT_KINDS[kindName] : undefined;
  if (!kind) return errorPage(request, reply, 404, '没有这种文书');
  const query = request.query as { period?: string; file?: string };
  const period = kind.perPeriod ? periodOf(view, query.period) : '';
  if (period === undefined) return errorPage(request, reply, 404, '方案中没有这一期的进展');
  const errors = view.checked.diagnostics.filter((d) => d.severity === 'error');
  if (!view.checked.data || errors.length > 0) {
    return errorPage(request, reply, 400, `数据有 ${errors.length} 个错误，未生成任何文件（与 zhenggai check 所列相同）`, errors.map(formatDiagnostic));
  }
  if (kind.needsReport && !view.checked.data.progress.find((p) => p.data.period === period)?.data.report) return reportMissing(request, reply, view, period, kind.label);
  const output = await kind.make(app, view, view.checked.data, period);
  const index = query.file === undefined ? undefined : Number(query.file);
  if (output.files.length === 1 || index !== undefined) {
    const file = output.files[index ?? 0];
    if (!file) return errorPage(request, reply, 404, '没有这个文件');
    await audit(app.ctx.db, actor(request), '下载文书', `方案 ${view.stored.name} ${file.name}`);
    return sendFile(reply, path.posix.basename(file.name), file.data);
  }
  const base = `/plans/${view.stored.id}/documents/${kindName}?${period ? `period=${period}&` : ''}file=`;
  return sendPage(
    request,
    reply,
    kind.label,
    html`<p><a href="/plans/${view.stored.id}/documents">← 文书下载</a></p>
${output.warnings.length > 0 ? html`<div class="error"><pre>${output.warnings.map(formatDiagnostic).join('\n')}</pre></div>` : ''}
<ul class="links">${output.files.map((f, i) => html`<li><a href="${base}${i}">${path.posix.basename(f.name)}</a></li>`)}</ul>`,
  );
}

/** The refusal of a document made from a report the period does not have yet: what to write first, and (for the office, who writes it) the way to the report page. */
function reportMissing(request: FastifyRequest, reply: FastifyReply, view: PlanInView, period: string, label: string): FastifyReply {
  const office = request.account!.role === 'office';
  const message = `${period} 期的进展报告还没有编写（报告文号、签发人、主送单位和各部分文字），所以还不能生成“${label}”。${office ? '请先编写报告，保存后再下载。' : '请整改办先编写本期报告。'}`;
  const ways = [...(office ? [{ href: `/plans/${view.stored.id}/periods/${period}/report`, label: '编写报告' }] : []), { href: `/plans/${view.stored.id}/documents`, label: '返回文书下载' }];
  return errorPage(request, reply, 409, message, [], ways);
}

/** GET /plans/:plan/documents and /plans/:plan/documents/:kind. */
export function documentRoutes(app: FastifyInstance): void {
  app.route({
    method: 'GET',
    url: '/plans/:plan/documents',
    config: { access: ['office', 'viewer'] },
    handler: async (request, reply) => {
      const view = await planFromUrl(request, reply);
      if (!view) return reply;
      return sendPage(request, reply, `文书下载：${view.stored.title || view.stored.name}`, downloadsPage(view));
    },
  });
  app.route({
    method: 'GET',
    url: '/plans/:plan/documents/:kind',
    config: { access: ['office', 'viewer'] },
    handler: async (request, reply) => download(app, request, reply),
  });
}
