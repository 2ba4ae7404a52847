// The units' answers and the office's review (issue 16). A unit account
// sees the problems its unit reports (editable while the period is open) and,
// read-only, those it co-leads or cooperates on; never others (answered as
// “no such problem”, like part 1's object checks). The office sees every
// problem's answer and accepts it or returns it with a reason; every round
// is listed on the page and on the problem's page, as are the closures the
// office recorded or undone (read-only: recording is the closure page's).

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { shownNumber } from '../../model/numbering.js';
import { FORM_NO, FORM_STATUS_VALUES, FORM_YES } from '../../model/document/unit-form-layout.js';
import type { FieldFinding } from '../../documents/import/validate-form.js';
import type { Problem } from '../../model/plan-schema.js';
import { FIELD_LABELS as L } from '../../model/vocabulary.js';
import { reportingUnit } from '../../derive/reporting-unit.js';
import {
  ANSWER_FIELDS,
  ANSWER_WORDS,
  answerContext,
  answerStates,
  differences,
  fieldLabel,
  findAnswer,
  prefilledValues,
  reportingByUnit,
  reviewAnswer,
  roundsOf,
  saveAnswer,
  StaleAnswer,
  unitRole,
  valuesFrom,
  type Answer,
  type AnswerValues,
} from '../answers.js';
import { audit } from '../audit.js';
import { beijingTime } from '../beijing-time.js';
import { closuresOf } from '../closures.js';
import { errorPage } from '../errors.js';
import { actor, csrfField, field, uploads } from '../forms.js';
import { answerFiles, checkUploads, EVIDENCE_LIMITS, removeUpload, storeUploads } from '../evidence.js';
import { evidenceInputs, evidenceList, sendEvidence } from '../evidence-page.js';
import { formsUpload } from '../form-uploads-page.js';
import { html, type Html } from '../html.js';
import { periodOf, planFromUrl, type PlanInView } from '../plan-access.js';
import { REPORTING_WORDS, reportingState } from '../reporting.js';
import { sendPage } from '../respond.js';
import { closuresTable } from './closures.js';
import { validateAnswerFields } from '../../documents/import/validate-form.js';
import { answerWarnings, storedEntryWarnings, type AnswerWarning } from '../answer-warnings.js';

export interface PeriodTarget {
  view: PlanInView;
  period: string;
  state: 'open' | 'closed';
}

/** The plan and period of the URL, when the period is reported online; else 404 sent. */
export async function periodTarget(request: FastifyRequest, reply: FastifyReply): Promise<PeriodTarget | undefined> {
  const view = await planFromUrl(request, reply);
  if (!view) return undefined;
  const period = periodOf(view, (request.params as { period: string }).period);
  const state = period === undefined ? undefined : await reportingState(request.server.ctx.db, view.stored.id, period);
  if (period === undefined || state === undefined || !view.checked.data) {
    errorPage(request, reply, 404, '这一期没有开放在线填报');
    return undefined;
  }
  return { view, period, state };
}

/** How a unit account stands to a problem: 'reports' (may edit), 'sees' (read-only), or undefined (not its problem). */
function standing(target: PeriodTarget, problem: Problem): 'reports' | 'sees' | undefined {
  const access = target.view.access;
  return access.all ? undefined : unitRole(problem, access.unit);
}

interface ProblemTarget extends PeriodTarget {
  problem: Problem;
  /** How the account stands to the problem. */
  role: 'reports' | 'sees' | 'office' | 'viewer';
  answer: Answer | undefined;
}

/** The problem of the URL the account may see in this period, with its answer; else 404 sent (the same answer as a problem that does not exist). */
async function problemTarget(request: FastifyRequest, reply: FastifyReply): Promise<ProblemTarget | undefined> {
  const target = await periodTarget(request, reply);
  if (!target) return undefined;
  const number = Number((request.params as { number: string }).number);
  const problem = target.view.checked.data!.plan.problems.find((p) => p.number === number);
  const accountRole = request.account!.role;
  const role = problem === undefined ? undefined : accountRole === 'unit' ? standing(target, problem) : accountRole;
  if (!problem || !role) {
    errorPage(request, reply, 404, '没有这个问题，或您的账户无权查看');
    return undefined;
  }
  return { ...target, problem, role, answer: await findAnswer(request.server.ctx.db, target.view.stored.id, target.period, problem.number) };
}

function stateOf(answer: Answer | undefined): keyof typeof ANSWER_WORDS {
  return answer?.state ?? 'none';
}

/** The unit may change its answer: it reports the problem, the period is open, and the answer is not with the office or accepted. */
function editable(target: ProblemTarget): boolean {
  return target.role === 'reports' && target.state === 'open' && ['none', 'draft', 'returned'].includes(stateOf(target.answer));
}

/**
 * Whether the account may list and download the answer's evidence: the
 * office, the viewer and the reporting unit always; a unit that co-leads or
 * cooperates (issue 16: it sees the problem read-only, evidence included)
 * once the answer is submitted or accepted — not the reporting unit's
 * drafts or a returned answer it is still fixing. Never upload or delete.
 */
function evidenceVisible(target: ProblemTarget): boolean {
  return target.role !== 'sees' || target.answer?.state === 'submitted' || target.answer?.state === 'accepted';
}

/**
 * The values the page shows: the answer's, except to a unit that only
 * co-leads or cooperates while the reporting unit has not submitted it (a
 * draft, or a returned answer being fixed) — it sees what the form is
 * pre-filled with, as it sees no draft's files (evidenceVisible).
 */
function valuesOf(target: ProblemTarget): AnswerValues {
  if (target.answer && evidenceVisible(target)) return JSON.parse(target.answer.valuesJson) as AnswerValues;
  return prefilledValues(answerContext(target.view.checked.data!, target.view.stored.name, target.period), target.problem.number);
}

function input(spec: (typeof ANSWER_FIELDS)[number], value: string): Html {
  const name = spec.field;
  const options = (choices: readonly string[]) => html`<select name="${name}" id="f-${name}"><option value="">（请选择）</option>${choices.map((c) => html`<option ${c === value ? html`selected` : ''}>${c}</option>`)}</select>`;
  switch (spec.kind) {
    case 'status':
      return options(FORM_STATUS_VALUES);
    case 'yes-no':
      return options([FORM_YES, FORM_NO]);
    case 'long':
      return html`<textarea name="${name}" id="f-${name}" rows="4">${value}</textarea>`;
    case 'date':
      return html`<input type="date" name="${name}" id="f-${name}" value="${value}">`;
    case 'text':
      return html`<input type="text" name="${name}" id="f-${name}" value="${value}">`;
  }
}

function findingsAt(findings: readonly FieldFinding[], name: string): Html {
  return html`${findings.filter((f) => f.field === name).map((f) => html`<p class="field-${f.severity}" role="alert">${f.severity === 'error' ? '✗ ' : '提示：'}${f.message}</p>`)}`;
}

function answerForm(target: ProblemTarget, reply: FastifyReply, values: AnswerValues, findings: readonly FieldFinding[], version: number, refusals: readonly string[]): Html {
  const url = `/plans/${target.view.stored.id}/periods/${target.period}/answers/${target.problem.number}`;
  return html`<form class="stack" method="post" action="${url}" enctype="multipart/form-data">
${csrfField(reply)}
<input type="hidden" name="version" value="${version}">
${ANSWER_FIELDS.map((spec) => html`<label for="f-${spec.field}">${spec.label}${input(spec, values[spec.field] ?? '')}${findingsAt(findings, spec.field)}</label>`)}
${evidenceInputs(refusals)}
<p class="links"><button type="submit" name="action" value="save">保存草稿</button> <button type="submit" name="action" value="submit">提交审核</button></p>
</form>`;
}

/**
 * The answer read-only, as it will be taken: 达到序时进度 only for 推进中 (the
 * form's hint: it is not imported for any other status — the tester saw 是
 * beside 已完成并长期坚持 on the review page).
 */
function answerValues(values: AnswerValues): Html {
  const taken = (field: string) => field !== 'onSchedule' || values.status === '推进中';
  const shown = ANSWER_FIELDS.filter((f) => (values[f.field] ?? '') !== '' && taken(f.field));
  if (shown.length === 0) return html`<p class="hint">（尚无内容）</p>`;
  return html`<dl class="fields">${shown.map((f) => html`<dt>${f.label}</dt><dd class="prewrap">${values[f.field]}</dd>`)}</dl>`;
}

/** The rounds of a problem's answers: 期次, 填报人, 提交时间, 审核人, 审核时间 (Beijing time), 结果, 退回原因. */
export function roundsTable(rounds: Awaited<ReturnType<typeof roundsOf>>): Html {
  if (rounds.length === 0) return html`<p class="hint">尚无在线填报记录。</p>`;
  const time = (t: string | null) => (t ? beijingTime(t) : '');
  return html`<div class="table-wrap"><table class="cards"><thead><tr><th>期次</th><th>填报人</th><th>提交时间</th><th>${L.status}</th><th>审核人</th><th>审核时间</th><th>结果</th><th>退回原因</th></tr></thead><tbody>
${rounds.map((r) => html`<tr><td data-label="期次">${r.period}</td><td data-label="填报人">${r.submittedBy}</td><td data-label="提交时间">${time(r.submittedAt)}</td><td data-label="${L.status}">${(JSON.parse(r.valuesJson) as AnswerValues).status ?? ''}</td><td data-label="审核人">${r.reviewedBy ?? '—'}</td><td data-label="审核时间">${r.reviewedAt ? time(r.reviewedAt) : '—'}</td><td data-label="结果">${r.decision === 'accepted' ? '采纳' : r.decision === 'returned' ? '退回' : '待审核'}</td><td data-label="退回原因">${r.reason ?? ''}</td></tr>`)}
</tbody></table></div>`;
}

async function problemPage(
  request: FastifyRequest,
  reply: FastifyReply,
  target: ProblemTarget,
  options: { values?: AnswerValues; findings?: FieldFinding[]; notice?: Html; status?: number; version?: number; refusals?: readonly string[]; reviewRefusal?: string } = {},
): Promise<FastifyReply> {
  const { view, period, problem, answer } = target;
  const values = options.values ?? valuesOf(target);
  const canEdit = editable(target);
  // A draft or returned answer shows what submitting would refuse, at the field.
  const findings = options.findings ?? (canEdit && answer ? validateAnswerFields(values, problem, answerContext(view.checked.data!, view.stored.name, period)).findings : []);
  // The check's warnings on the answer merged into the period (answer-warnings.ts): under their fields on the unit's form, and in a 提示 block for everyone who reviews or reads the answer.
  const warnings = answer || canEdit ? await answerWarnings(request.server.ctx.db, view, period, problem, values) : [];
  const atFields = [...findings, ...warnings.flatMap((w) => (w.field ? [{ field: w.field, severity: 'warning' as const, message: w.message }] : []))];
  const rounds = (await roundsOf(request.server.ctx.db, view.stored.id, problem.number)).filter((r) => r.period === period);
  // Returned, or a draft since (saved or a resubmission refused): the office's reason stays above the form until the unit resubmits.
  const last = rounds.at(-1);
  const returned = (answer?.state === 'returned' || answer?.state === 'draft') && last?.decision === 'returned' ? last : undefined;
  const review = target.role === 'office' && answer?.state === 'submitted' && target.state === 'open';
  const url = `/plans/${view.stored.id}/periods/${period}/answers/${problem.number}`;
  const files = evidenceVisible(target) ? await answerFiles(request.server.ctx.db, { planId: view.stored.id, period, number: problem.number }) : undefined;
  return sendPage(
    request,
    reply,
    `${period} 填报：${shownNumber(problem)}. ${problem.summary}`,
    html`<p><a href="/plans/${view.stored.id}/periods/${period}/answers">← ${period} 在线填报（${REPORTING_WORDS[target.state]}）</a></p>
${options.notice ?? ''}
${returned ? html`<div class="error"><p>整改办已退回（${returned.reviewedBy ?? ''}）：${returned.reason ?? ''}</p><p>请修改后重新提交。</p></div>` : ''}
<dl class="fields">
<dt>${L.measures}</dt><dd>${problem.measures.map((m) => html`<div>${m}</div>`)}</dd>
<dt>${L.deadline}</dt><dd>${problem.deadline}</dd>
<dt>${L.leadUnits}</dt><dd>${problem.leadUnits.join('、')}</dd>
<dt>${L.cooperatingUnits}</dt><dd>${problem.cooperatingUnits.join('、') || '—'}</dd>
<dt>填报状态</dt><dd><strong>${ANSWER_WORDS[stateOf(answer)]}</strong>${target.role === 'sees' ? html`（本单位共同牵头或配合，只读；由 ${reportingUnit(problem)} 填报）` : ''}</dd>
</dl>
<h2>本期进展</h2>
${warningBlock(canEdit ? warnings.filter((w) => w.field) : warnings, review ? 'office' : canEdit ? 'unit' : 'reader')}
${canEdit ? answerForm(target, reply, values, atFields, options.version ?? answer?.version ?? 0, options.refusals ?? []) : answerValues(values)}
${files ? html`<h2>已上传的佐证材料</h2>${evidenceList(files, url, canEdit ? csrfField(reply) : undefined)}` : target.role === 'sees' ? html`<h2>已上传的佐证材料</h2><p class="hint">填报单位提交后可查看。</p>` : ''}
${review ? html`<h2>审核</h2><form class="stack" method="post" action="${url}/review">${csrfField(reply)}<input type="hidden" name="version" value="${answer!.version}">
<label for="f-reason-review">退回原因（退回时必填）<textarea name="reason" id="f-reason-review" rows="3"></textarea>${options.reviewRefusal ? html`<p class="field-error" role="alert">✗ ${options.reviewRefusal}</p>` : ''}</label>
<p class="links"><button type="submit" name="decision" value="accepted">采纳</button> <button type="submit" name="decision" value="returned">退回</button></p></form>` : ''}
<h2>本期填报与审核记录</h2>
${roundsTable(rounds)}
<h2>销号记录</h2>
${closuresTable(await closuresOf(request.server.ctx.db, view.stored.id, problem.number))}
${target.role === 'sees' ? '' : html`<p><a href="/plans/${view.stored.id}/problems/${problem.number}">各期进展与全部记录</a></p>`}
${target.role === 'office' ? html`<p><a href="/plans/${view.stored.id}/periods/${period}/closures/${problem.number}">本期销号（整改办录入）</a></p>` : ''}`,
    options.status,
  );
}

/**
 * The check's warnings on an answer, worded for who reads them: the unit
 * (not blocking its submission; each also shown under its field — the unit
 * is shown only those a field of its form answers, not the office's own
 * such as a 回头看 due), the office
 * reviewing (not blocking acceptance; return the answer when the explanation
 * is missing), or a reader. Each names the field that answers it.
 */
function warningBlock(warnings: readonly AnswerWarning[], reader: 'unit' | 'office' | 'reader'): Html {
  if (warnings.length === 0) return html``;
  const lead = {
    unit: `提示：检查发现以下 ${warnings.length} 处须核对（不影响保存和提交，整改办审核时会看到）。请在相应栏目补充说明：`,
    office: `提示：按本期数据检查，这一填报有 ${warnings.length} 处须核对（不阻止采纳；说明不足的可退回，并写明退回原因）：`,
    reader: `提示：按本期数据检查，这一填报有 ${warnings.length} 处须核对：`,
  }[reader];
  return html`<div class="warn" role="note"><p>${lead}</p><ul>${warnings.map((w) => html`<li>${w.field ? html`<strong>${fieldLabel(w.field)}</strong>：` : ''}${w.message}</li>`)}</ul></div>`;
}

/**
 * The check's warnings on a problem's stored entry (answer-warnings.ts
 * storedEntryWarnings), compact for a table cell: a 提示 line each, naming
 * the field that answers it. Nothing when there are none.
 */
export function warningMarks(warnings: readonly AnswerWarning[] | undefined): Html {
  return html`${(warnings ?? []).map((w) => html`<div class="field-warning" role="note">提示：${w.field ? html`<strong>${fieldLabel(w.field)}</strong>：` : ''}${w.message}</div>`)}`;
}

/** The units' reporting this period as a table (reportingByUnit): a unit with problems not submitted or returned is in red. */
export function unitProgress(problems: readonly Problem[], stateByNumber: ReadonlyMap<number, Answer['state']>): Html {
  return html`<div class="table-wrap"><table class="cards"><thead><tr><th>填报单位</th><th>应报</th><th>未提交</th><th>待审核</th><th>已退回</th><th>已采纳</th></tr></thead><tbody>
${reportingByUnit(problems, stateByNumber).map((r) => html`<tr${r.pending + r.returned > 0 ? html` class="behind"` : ''}><td data-label="填报单位">${r.unit}</td><td data-label="应报">${r.total}</td><td data-label="未提交">${r.pending}</td><td data-label="待审核">${r.submitted}</td><td data-label="已退回">${r.returned}</td><td data-label="已采纳">${r.accepted}</td></tr>`)}
</tbody></table></div>`;
}

/**
 * The period's answers: for the office and the viewer every problem and the
 * units' completeness, for a unit account its own and those it sees; for the
 * office, while the period is open, the Excel forms upload (form-uploads.ts).
 * `notice` goes above the lists (an upload's result or refusal).
 */
export async function answersPage(request: FastifyRequest, reply: FastifyReply, target: PeriodTarget, options: { notice?: Html; status?: number } = {}): Promise<FastifyReply> {
  const { view, period } = target;
  const db = request.server.ctx.db;
  const unit = view.access.all ? undefined : view.access.unit;
  const all = target.view.checked.data!.plan.problems;
  // A unit's counts and first table are the problems it reports (its 应报, as the office's table counts them); those it co-leads or cooperates on follow, read-only and not counted.
  const reported = unit === undefined ? all : all.filter((p) => unitRole(p, unit) === 'reports');
  const seen = unit === undefined ? [] : all.filter((p) => unitRole(p, unit) === 'sees');
  const stateByNumber = await answerStates(db, view.stored.id, period);
  const word = (p: Problem) => ANSWER_WORDS[stateByNumber.get(p.number) ?? 'none'];
  const counts = new Map<string, number>();
  for (const p of reported) counts.set(word(p), (counts.get(word(p)) ?? 0) + 1);
  // The check's warnings on the entries already in the period (accepted or imported), from the check this page ran once.
  const warnings = storedEntryWarnings(view, period);
  const table = (problems: readonly Problem[]) => html`<div class="table-wrap"><table class="cards"><thead><tr><th>${L.number}</th><th>${L.summary}</th><th>填报单位</th><th>${L.deadline}</th><th>填报状态</th></tr></thead>
<tbody>${problems.map(
    (p) => html`<tr>
<td data-label="${L.number}">${shownNumber(p)}</td>
<td data-label="${L.summary}"><a href="/plans/${view.stored.id}/periods/${period}/answers/${p.number}">${p.summary}</a></td>
<td data-label="填报单位">${reportingUnit(p)}${unit !== undefined && unitRole(p, unit) === 'sees' ? html`<br><span class="hint">本单位只读</span>` : ''}</td>
<td data-label="${L.deadline}">${p.deadline}</td>
<td data-label="填报状态"><div>${word(p)}${warningMarks(warnings.get(p.number))}</div></td>
</tr>`,
  )}</tbody></table></div>`;
  const upload = request.account!.role === 'office' && target.state === 'open' ? formsUpload(reply, view.stored.id, period) : '';
  return sendPage(
    request,
    reply,
    `${period} 在线填报（${REPORTING_WORDS[target.state]}）`,
    html`<p><a href="/plans/${view.stored.id}?period=${period}">← ${view.stored.title || view.stored.name}</a></p>
${options.notice ?? ''}
${unit === undefined ? '' : html`<p>本单位应报 ${reported.length} 个问题：</p>`}
<p>${[...counts.entries()].map(([w, n]) => html`<span class="tag">${w} ${n}</span> `)}</p>
${target.state === 'closed' ? html`<div class="ok">本期填报已关闭，只能查看。</div>` : ''}
${unit === undefined ? html`<h2>各单位填报情况</h2>${unitProgress(all, stateByNumber)}<p><a href="/plans/${view.stored.id}/periods/${period}/dashboard">${period} 看板</a></p>` : ''}
${upload}
${unit === undefined ? html`<h2>各问题</h2>` : html`<h2>本单位填报的问题</h2>`}
${table(reported)}
${seen.length > 0 ? html`<h2>本单位共同牵头或配合的问题（只读，由第一牵头单位填报，不计入本单位应报）</h2>${table(seen)}` : ''}`,
    options.status,
  );
}

const MB = 1024 * 1024;

/** The answer route's 413: the evidence limits (evidence.ts EVIDENCE_LIMITS) and the hard cap past which the body is not read at all, and the way back to the answer. */
const EVIDENCE_TOO_LARGE = {
  limits: `佐证材料每个文件不超过 ${EVIDENCE_LIMITS.fileBytes / MB} MB，每个问题本期最多 ${EVIDENCE_LIMITS.files} 个文件、合计 ${EVIDENCE_LIMITS.answerBytes / MB} MB；单个文件超过 ${(2 * EVIDENCE_LIMITS.fileBytes) / MB} MB 或一次超过 ${EVIDENCE_LIMITS.files + 2} 个文件时整个提交不被接收。`,
  backLabel: '返回本问题的填报',
  back: (path: string) => path,
};

/** GET the period's answers and a problem's page; POST a unit's save or submission and the office's review. */
export function answerRoutes(app: FastifyInstance): void {
  app.route({
    method: 'GET',
    url: '/plans/:plan/periods/:period/answers',
    config: { access: ['office', 'viewer', 'unit'] },
    handler: async (request, reply) => {
      const target = await periodTarget(request, reply);
      if (!target) return reply;
      return answersPage(request, reply, target);
    },
  });
  app.route({
    method: 'GET',
    url: '/plans/:plan/periods/:period/answers/:number',
    config: { access: ['office', 'viewer', 'unit'] },
    handler: async (request, reply) => {
      const target = await problemTarget(request, reply);
      if (!target) return reply;
      const saved = (request.query as { saved?: string }).saved;
      const notice = saved === 'submit' ? html`<div class="ok">已提交，等待整改办审核。</div>` : saved === 'save' ? html`<div class="ok">草稿已保存（尚未提交）。</div>` : saved === 'review' ? html`<div class="ok">已审核。</div>` : undefined;
      return problemPage(request, reply, target, { notice });
    },
  });
  app.route({
    method: 'POST',
    url: '/plans/:plan/periods/:period/answers/:number',
    // Read at most twice the per-file limit and two files more than an answer may hold (not the plan import's 512 MB): just over the limits the refusal is at the field (checkUploads), far over it the plugin stops reading (413).
    config: { access: ['unit'], multipartOptions: { limits: { fileSize: 2 * EVIDENCE_LIMITS.fileBytes, files: EVIDENCE_LIMITS.files + 2 } }, tooLarge: EVIDENCE_TOO_LARGE },
    handler: async (request, reply) => {
      const target = await problemTarget(request, reply);
      if (!target) return reply;
      if (target.role !== 'reports') return errorPage(request, reply, 403, '本单位对这一问题只能查看，由第一牵头单位填报（您的账户无权修改）');
      if (target.state === 'closed') return errorPage(request, reply, 409, `${target.period} 期已关闭，只能查看，不能再修改`);
      const values = valuesFrom((name) => field(request, name));
      const submit = field(request, 'action') === 'submit';
      const version = Number(field(request, 'version'));
      const key = { planId: target.view.stored.id, period: target.period, number: target.problem.number };
      const checked = await checkUploads(await uploads(request, 'evidence'), await answerFiles(app.ctx.db, key));
      if (checked.refusals.length > 0) {
        const notice = html`<div class="error"><p>佐证材料有 ${checked.refusals.length} 处不能接受，未保存：请看“佐证材料”一栏。</p></div>`;
        return problemPage(request, reply, target, { values, findings: [], status: 400, notice, refusals: checked.refusals, version: Number.isInteger(version) ? version : undefined });
      }
      try {
        const saved = await saveAnswer(app.ctx.db, { view: target.view, period: target.period, problem: target.problem, unit: target.view.access.all ? '' : target.view.access.unit, values, version: Number.isInteger(version) ? version : -1, submit, account: request.account! });
        const before = target.answer ? (JSON.parse(target.answer.valuesJson) as AnswerValues) : {};
        const changes = differences(before, values).map((d) => ({ field: d.label, oldValue: target.answer ? d.theirs : null, newValue: d.yours }));
        await storeUploads(app.ctx.db, app.ctx.dataDir, key, checked.passed, request.account!.id);
        const uploaded = checked.passed.map((f) => ({ field: '上传佐证材料', oldValue: null, newValue: `${f.name}（${f.type}，${f.data.byteLength} 字节）` }));
        await audit(app.ctx.db, actor(request), saved.refused ? '提交未通过，存为草稿' : submit ? '提交填报' : '保存填报草稿', `方案 ${target.view.stored.name} ${target.period} 第 ${shownNumber(target.problem)} 号问题`, [...changes, ...uploaded]);
        if (saved.refused) {
          const errors = saved.findings.filter((f) => f.severity === 'error').length;
          const files = checked.passed.length > 0 ? html`随本次提交上传的 ${checked.passed.length} 个文件已保存（见下方“已上传的佐证材料”），不必重新选择。` : '';
          const notice = html`<div class="error"><p>有 ${errors} 处须改正，未提交：请按各栏下的提示改正后再提交。</p><p>您填写的内容已存为草稿。${files}</p></div>`;
          const fresh = { ...target, answer: await findAnswer(app.ctx.db, key.planId, key.period, key.number) };
          return problemPage(request, reply, fresh, { values, findings: saved.findings, status: 400, notice, version: saved.version });
        }
        return reply.redirect(`/plans/${target.view.stored.id}/periods/${target.period}/answers/${target.problem.number}?saved=${saved.state === 'submitted' ? 'submit' : 'save'}`);
      } catch (error) {
        if (error instanceof StaleAnswer) {
          const theirs = JSON.parse(error.current.valuesJson) as AnswerValues;
          const changed = differences(theirs, values);
          const fresh = { ...target, answer: error.current };
          if (!editable(fresh)) return errorPage(request, reply, 409, `${error.message}：本问题的填报现为“${ANSWER_WORDS[error.current.state]}”，不能再修改`);
          const notice = html`<div class="error"><p>${error.message}。当前保存的内容与您填写的不同之处：</p>
<ul>${changed.map((d) => html`<li>${d.label}：当前为“${d.theirs}”，您填写的是“${d.yours}”</li>`)}</ul><p>下面是您填写的内容；核对后再保存将以您的内容为准。</p></div>`;
          return problemPage(request, reply, fresh, { values, findings: [], status: 409, notice, version: error.current.version });
        }
        throw error;
      }
    },
  });
  app.route({
    method: 'GET',
    url: '/plans/:plan/periods/:period/answers/:number/evidence/:file',
    config: { access: ['office', 'viewer', 'unit'] },
    handler: async (request, reply) => {
      const target = await problemTarget(request, reply);
      if (!target) return reply;
      const id = Number((request.params as { file: string }).file);
      // Only this answer's files, and to a unit that only sees the problem only once submitted: any other id, or a draft's file, is answered as a file that does not exist.
      const file = evidenceVisible(target) ? (await answerFiles(app.ctx.db, { planId: target.view.stored.id, period: target.period, number: target.problem.number })).find((f) => f.id === id) : undefined;
      if (!file) return errorPage(request, reply, 404, '没有这个佐证材料，或您的账户无权查看');
      await audit(app.ctx.db, actor(request), '下载佐证材料', `方案 ${target.view.stored.name} ${target.period} 第 ${shownNumber(target.problem)} 号问题 ${file.name}`, []);
      return sendEvidence(reply, app.ctx.dataDir, file);
    },
  });
  app.route({
    method: 'POST',
    url: '/plans/:plan/periods/:period/answers/:number/evidence/:file/delete',
    config: { access: ['unit'] },
    handler: async (request, reply) => {
      const target = await problemTarget(request, reply);
      if (!target) return reply;
      if (target.role !== 'reports') return errorPage(request, reply, 404, '没有这个佐证材料，或您的账户无权查看');
      if (!editable(target)) return errorPage(request, reply, 409, `本问题的填报${ANSWER_WORDS[stateOf(target.answer)]}${target.state === 'closed' ? '（本期已关闭）' : ''}，不能再删除佐证材料`);
      const key = { planId: target.view.stored.id, period: target.period, number: target.problem.number };
      const removed = await removeUpload(app.ctx.db, app.ctx.dataDir, key, Number((request.params as { file: string }).file));
      if (!removed) return errorPage(request, reply, 404, '没有这个佐证材料，或您的账户无权查看');
      await audit(app.ctx.db, actor(request), `删除${L.evidence}`, `方案 ${target.view.stored.name} ${target.period} 第 ${shownNumber(target.problem)} 号问题`, [{ field: L.evidence, oldValue: removed.name, newValue: null }]);
      return reply.redirect(`/plans/${target.view.stored.id}/periods/${target.period}/answers/${target.problem.number}`);
    },
  });
  app.route({
    method: 'POST',
    url: '/plans/:plan/periods/:period/answers/:number/review',
    config: { access: ['office'] },
    handler: async (request, reply) => {
      const target = await problemTarget(request, reply);
      if (!target) return reply;
      if (target.state === 'closed') return errorPage(request, reply, 409, `${target.period} 期已关闭，只能查看，不能再修改`);
      if (!target.answer) return errorPage(request, reply, 409, '本问题尚未填报，没有待审核的提交');
      if (Number(field(request, 'version')) !== target.answer.version) return errorPage(request, reply, 409, '这一问题的填报在您打开后已有变化，请重新打开本页再审核');
      const decision = field(request, 'decision');
      if (decision !== 'accepted' && decision !== 'returned') return errorPage(request, reply, 400, '请选择“采纳”或“退回”');
      const reason = field(request, 'reason');
      // Returning without a reason: the review page again, the message at 退回原因 (the unit must be told what to fix).
      if (decision === 'returned' && reason.trim() === '') {
        const notice = html`<div class="error"><p>退回须填写退回原因（单位按原因修改后重新提交），未退回。</p></div>`;
        return problemPage(request, reply, target, { status: 400, notice, reviewRefusal: '请填写退回原因' });
      }
      // What the office was shown when it accepted (the check's warnings on the answer) goes into the audit row with the decision.
      const warned = decision === 'accepted' ? await answerWarnings(app.ctx.db, target.view, target.period, target.problem, JSON.parse(target.answer.valuesJson) as AnswerValues) : [];
      await reviewAnswer(app.ctx.db, target.view, target.answer, target.problem, decision, reason, request.account!);
      await audit(app.ctx.db, actor(request), decision === 'accepted' ? '采纳填报' : '退回填报', `方案 ${target.view.stored.name} ${target.period} 第 ${shownNumber(target.problem)} 号问题`, [
        { field: 'state', oldValue: 'submitted', newValue: decision },
        ...(reason.trim() ? [{ field: '退回原因', oldValue: null, newValue: reason.trim() }] : []),
        ...warned.map((w) => ({ field: '采纳时的提示', oldValue: null, newValue: w.message })),
      ]);
      return reply.redirect(`/plans/${target.view.stored.id}/periods/${target.period}/answers/${target.problem.number}?saved=review`);
    },
  });
}
