// Units' answers reported online (issue 16): one answer per problem and
// period, typed on the unit's page, checked by the import's own row rules
// (documents/import/validate-form.ts validateAnswerFields), saved as a draft
// or submitted; the office accepts it — then it is merged into the period's
// progress file exactly as `import` merges a form row (mergeProgress) — or
// returns it with a reason. Every round (填报人, 审核人, times, reason) is
// kept in answer_rounds. Saves carry the version they were made from: a save
// from an older version is refused (Conflict), never written over.

import { reportingUnit } from '../derive/reporting-unit.js';
import { UserError } from '../diagnostics/user-error.js';
import { mergeProgress } from '../documents/import/merge.js';
import { prefilledAnswers, validateAnswerFields, type FieldFinding, type ImportContext } from '../documents/import/validate-form.js';
import { previousPeriodFile, periodFile } from '../documents/period.js';
import { checkPlanTexts } from '../documents/plan-texts.js';
import type { PlanData } from '../documents/pipeline.js';
import { periodEnd } from '../model/dates.js';
import type { FormAnswerField } from '../model/document/unit-form-layout.js';
import type { Problem } from '../model/plan-schema.js';
import { FIELD_LABELS } from '../model/vocabulary.js';
import type { Account } from './accounts.js';
import type { AnswerTable, Database } from './database.js';
import { Conflict } from './errors.js';
import type { PlanInView } from './plan-access.js';
import { saveProgressText } from './plan-store.js';
import { answerFiles, placeAnswerFiles, type AnswerFile } from './evidence.js';
import { shownNumber } from '../model/numbering.js';
import type { Selectable } from 'kysely';

/** The fields a unit fills online, in the form's order, with the form's labels (evidence files are uploaded beside them: evidence.ts). */
export const ANSWER_FIELDS: readonly { field: FormAnswerField; label: string; kind: 'status' | 'yes-no' | 'text' | 'long' | 'date' }[] = [
  { field: 'status', label: FIELD_LABELS.status, kind: 'status' },
  { field: 'onSchedule', label: FIELD_LABELS.onSchedule, kind: 'yes-no' },
  { field: 'progress', label: FIELD_LABELS.progress, kind: 'long' },
  { field: 'completedOn', label: FIELD_LABELS.completedOn, kind: 'date' },
  { field: 'reason', label: FIELD_LABELS.reason, kind: 'long' },
  { field: 'extensionDeadline', label: `${FIELD_LABELS.extension}（申请延期时填写）`, kind: 'text' },
  { field: 'extensionReason', label: FIELD_LABELS.extensionReason, kind: 'text' },
  { field: 'extensionApprovedOn', label: FIELD_LABELS.extensionApprovedOn, kind: 'date' },
  { field: 'note', label: `${FIELD_LABELS.note}（状态倒退须说明）`, kind: 'text' },
];

/** The answers as typed: field → text. */
export type AnswerValues = Partial<Record<FormAnswerField, string>>;

export type Answer = Selectable<AnswerTable>;

/** The words the pages use for an answer's state (none: not yet saved). */
export const ANSWER_WORDS = { none: '未填报', draft: '草稿', submitted: '已提交，待审核', returned: '已退回，待修改', accepted: '已采纳' } as const;

/** How a unit stands to a problem: it reports it (first lead unit, as on the forms), or sees it read-only (co-leads or cooperates), or neither. */
export function unitRole(problem: Problem, unit: string): 'reports' | 'sees' | undefined {
  if (reportingUnit(problem) === unit) return 'reports';
  if (problem.leadUnits.includes(unit) || problem.cooperatingUnits.includes(unit)) return 'sees';
  return undefined;
}

/** What the import checks a period's answers against (documents/import.ts importContext). */
export function answerContext(data: PlanData, planName: string, period: string): ImportContext {
  const current = periodFile(data, period);
  return {
    plan: data.plan,
    planName,
    period,
    asOf: current?.data.asOf ?? periodEnd(period),
    previous: previousPeriodFile(data, period)?.data,
    current: current?.data,
    evidenceFiles: data.evidenceFiles,
  };
}

/** The values a new answer starts with (documents/import/validate-form.ts prefilledAnswers). */
export const prefilledValues: (ctx: ImportContext, number: number) => AnswerValues = prefilledAnswers;

/** The answer to problem `number` of the period, if one was saved. */
export async function findAnswer(db: Database, planId: number, period: string, number: number): Promise<Answer | undefined> {
  return db.selectFrom('answers').selectAll().where('planId', '=', planId).where('period', '=', period).where('number', '=', number).executeTakeFirst();
}

/** Each answered problem's state in the period, by problem number (a problem not in the map has no answer yet). */
export async function answerStates(db: Database, planId: number, period: string): Promise<Map<number, Answer['state']>> {
  const rows = await db.selectFrom('answers').select(['number', 'state']).where('planId', '=', planId).where('period', '=', period).execute();
  return new Map(rows.map((a) => [a.number, a.state] as const));
}

/** One reporting unit's progress in a period: the problems it reports and how far each has got. */
export interface UnitReporting {
  unit: string;
  /** 应报: the problems the unit reports (derive/reporting-unit.ts). */
  total: number;
  /** 未提交: no answer, or a draft. */
  pending: number;
  /** 待审核: submitted, with the office. */
  submitted: number;
  /** 已退回: returned, waiting for the unit's fix. */
  returned: number;
  /** 已采纳. */
  accepted: number;
}

/**
 * Per reporting unit, in the order the units first report a problem, how far
 * this period's online reporting has got — for the office chasing whoever is
 * late (the answers list and the dashboard show the same rows).
 */
export function reportingByUnit(problems: readonly Problem[], stateByNumber: ReadonlyMap<number, Answer['state']>): UnitReporting[] {
  const byUnit = new Map<string, UnitReporting>();
  for (const p of problems) {
    const unit = reportingUnit(p);
    const row = byUnit.get(unit) ?? { unit, total: 0, pending: 0, submitted: 0, returned: 0, accepted: 0 };
    const state = stateByNumber.get(p.number);
    row.total += 1;
    row[state === undefined || state === 'draft' ? 'pending' : state] += 1;
    byUnit.set(unit, row);
  }
  return [...byUnit.values()];
}

/** The values read from the form: only the answer fields, trimmed of surrounding space. */
export function valuesFrom(read: (name: string) => string): AnswerValues {
  const values: AnswerValues = {};
  for (const { field } of ANSWER_FIELDS) {
    const value = read(field).replace(/\r\n?/g, '\n').trim();
    if (value !== '') values[field] = value;
  }
  return values;
}

/** The fields where `a` and `b` differ, labelled, with both values. */
export function differences(a: AnswerValues, b: AnswerValues): { label: string; theirs: string; yours: string }[] {
  return ANSWER_FIELDS.filter(({ field }) => (a[field] ?? '') !== (b[field] ?? '')).map(({ field, label }) => ({ label, theirs: a[field] ?? '（空）', yours: b[field] ?? '（空）' }));
}

/** Refused: the answer changed since the form was opened; `current` is what is stored now. */
export class StaleAnswer extends Conflict {
  constructor(readonly current: Answer) {
    super('这一问题的填报在您打开后已被他人修改，未保存');
  }
}

/** What a save asks for. */
export interface SaveRequest {
  view: PlanInView;
  period: string;
  problem: Problem;
  unit: string;
  values: AnswerValues;
  /** The version the form was made from (0: no answer yet). */
  version: number;
  submit: boolean;
  account: Account;
}

/**
 * Save a unit's answer as a draft, or submit it. Findings are the import's,
 * at the field. A submission with an error is not submitted but kept as a
 * draft with its errors (`refused`: the caller says so and keeps the files
 * sent with it); a draft is kept with its errors. Conflict when the answer
 * is submitted or accepted (not the unit's to change now); StaleAnswer when
 * `version` is not the stored one — also when two first saves race (the
 * unique key refuses the second). Returns the findings, the new version and
 * state, and whether a submission was refused.
 */
export async function saveAnswer(db: Database, request: SaveRequest): Promise<{ findings: FieldFinding[]; version: number; state: Answer['state']; refused: boolean }> {
  const ctx = answerContext(request.view.checked.data!, request.view.stored.name, request.period);
  const { entry, findings } = validateAnswerFields(request.values, request.problem, ctx);
  // A submission with an error is not submitted: it is kept as a draft, so neither what was typed nor the files sent with it are lost.
  const refused = request.submit && entry === undefined;
  const submit = request.submit && !refused;
  const now = new Date().toISOString();
  const valuesJson = JSON.stringify(request.values);
  const state = submit ? 'submitted' : 'draft';
  const planId = request.view.stored.id;
  return db.transaction().execute(async (tx) => {
    const existing = await tx.selectFrom('answers').selectAll().where('planId', '=', planId).where('period', '=', request.period).where('number', '=', request.problem.number).executeTakeFirst();
    if (existing && existing.version !== request.version) throw new StaleAnswer(existing);
    if (!existing && request.version !== 0) throw new UserError('表单版本无效，请重新打开本页');
    if (existing && (existing.state === 'submitted' || existing.state === 'accepted')) throw new Conflict(`本问题的填报${ANSWER_WORDS[existing.state]}，不能再修改`);
    const row = { state, valuesJson, entryJson: entry ? JSON.stringify(entry) : null, updatedAt: now, updatedBy: request.account.id } as const;
    let id: number;
    if (existing) {
      const updated = await tx.updateTable('answers').set({ ...row, version: existing.version + 1 }).where('id', '=', existing.id).where('version', '=', existing.version).executeTakeFirst();
      if (updated.numUpdatedRows === 0n) throw new StaleAnswer(existing);
      id = existing.id;
    } else {
      try {
        id = (await tx.insertInto('answers').values({ planId, period: request.period, number: request.problem.number, unit: request.unit, version: 1, ...row }).returning('id').executeTakeFirstOrThrow()).id;
      } catch (error) {
        const other = await findAnswer(db, planId, request.period, request.problem.number);
        if (other) throw new StaleAnswer(other);
        throw error;
      }
    }
    if (submit) {
      await tx.insertInto('answerRounds').values({ answerId: id, submittedAt: now, submittedBy: `${request.account.displayName}（${request.account.username}）`, valuesJson, reviewedAt: null, reviewedBy: null, decision: null, reason: null }).execute();
    }
    return { findings, version: (existing?.version ?? 0) + 1, state, refused };
  });
}

/**
 * The office's decision on a submitted answer. Returning needs a reason.
 * Accepting checks the answers again against the period as it is now (the
 * office may have recorded a closure meanwhile), merges the entry into the
 * period's progress file as `import` does and refuses (UserError with the
 * check's diagnostics) when the file would then have an error. The round
 * is completed with 审核人, time, decision and reason, in one transaction.
 */
export async function reviewAnswer(db: Database, view: PlanInView, answer: Answer, problem: Problem, decision: 'accepted' | 'returned', reason: string, account: Account): Promise<void> {
  if (answer.state !== 'submitted') throw new Conflict(`本问题的填报${ANSWER_WORDS[answer.state]}，没有待审核的提交`);
  if (decision === 'returned' && reason.trim() === '') throw new UserError('退回须填写退回原因');
  let entry: Record<string, unknown> | undefined;
  if (decision === 'accepted') {
    const ctx = answerContext(view.checked.data!, view.stored.name, answer.period);
    const checked = validateAnswerFields(JSON.parse(answer.valuesJson) as AnswerValues, problem, ctx);
    entry = checked.entry;
    if (!entry) throw new UserError('按本期当前数据复核，填报内容有错误，不能采纳（请退回）：', checked.findings.filter((f) => f.severity === 'error').map((f) => ({ file: `第 ${problem.number} 号问题`, ruleId: 'answer', severity: 'error', message: `${fieldLabel(f.field)}：${f.message}` })));
  }
  const now = new Date().toISOString();
  await db.transaction().execute(async (tx) => {
    const updated = await tx.updateTable('answers').set({ state: decision, version: answer.version + 1, updatedAt: now, updatedBy: account.id }).where('id', '=', answer.id).where('version', '=', answer.version).executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw new Conflict('这一问题的填报在您打开后已有变化，请重新打开本页再审核');
    const round = await tx.selectFrom('answerRounds').select('id').where('answerId', '=', answer.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
    await tx.updateTable('answerRounds').set({ reviewedAt: now, reviewedBy: `${account.displayName}（${account.username}）`, decision, reason: reason.trim() === '' ? null : reason.trim() }).where('id', '=', round.id).execute();
    if (entry !== undefined) await mergeAccepted(tx, view, answer.period, [{ problem, entry }]);
  });
}

/** An accepted answer to merge into the period: its problem and the progress entry (as `import` writes it). */
export interface AcceptedEntry {
  problem: Problem;
  entry: Record<string, unknown>;
}

/** A file already stored in the data folder (plan-store.ts storeFiles) that joins the plan's evidence/ with the merge: its path under evidence/. */
export interface NewEvidence {
  path: string;
  storedName: string;
  size: number;
  sha256: string;
}

/**
 * Merge accepted entries into the period's progress text as read inside the
 * transaction — not as the request first loaded it — so answers accepted at
 * the same moment all land; refused (UserError, the transaction undone) when
 * `check` would then find an error in that file. Each answer's uploads not
 * yet placed join evidence/ and its entry lists them; `added` (pictures taken
 * out of an Excel form, already listed by their entries) get their rows too.
 */
export async function mergeAccepted(tx: Database, view: PlanInView, period: string, accepted: readonly AcceptedEntry[], added: readonly NewEvidence[] = []): Promise<void> {
  const periods = await tx.selectFrom('periods').select(['period', 'progressText']).where('planId', '=', view.stored.id).orderBy('period').execute();
  const current = periods.find((p) => p.period === period)!.progressText;
  const data = view.checked.data!;
  const asOf = answerContext(data, view.stored.name, period).asOf;
  // Uploaded evidence joins the plan's evidence/ and the entry lists it, as import does with a form's pictures.
  const evidence = await tx.selectFrom('planFiles').select('path').where('planId', '=', view.stored.id).where('path', 'like', 'evidence/%').execute();
  const evidenceFiles = new Set([...evidence.map((e) => e.path.slice('evidence/'.length)), ...added.map((a) => a.path)]);
  const placedAll: { file: AnswerFile; path: string }[] = [];
  const entries = [];
  for (const { problem, entry } of accepted) {
    const files = await answerFiles(tx, { planId: view.stored.id, period, number: problem.number });
    const placed = placeAnswerFiles(files, shownNumber(problem), evidenceFiles);
    for (const p of placed) evidenceFiles.add(p.path);
    placedAll.push(...placed);
    // The answer's files placed by an earlier acceptance stay listed when a later one (an Excel form replacing it) does not list them: nothing a unit sent is dropped.
    const own = [...files.flatMap((f) => (f.evidencePath === null ? [] : [f.evidencePath])), ...placed.map((p) => p.path)];
    const listed = (entry.evidence as string[] | undefined) ?? [];
    const missing = own.filter((p) => !listed.includes(p));
    entries.push({ number: problem.number, entry: missing.length === 0 ? entry : { ...entry, evidence: [...listed, ...missing] } });
  }
  const text = mergeProgress({ plan: data.plan, period, asOf, existing: JSON.parse(current) as Record<string, unknown>, entries }).text;
  const texts = { ...view.stored.texts, evidenceFiles, progress: periods.map((p) => ({ period: p.period, text: p.period === period ? text : p.progressText })) };
  const file = `${view.stored.name}/progress/${period}.json`;
  const errors = checkPlanTexts(texts).diagnostics.filter((d) => d.severity === 'error' && d.file === file);
  if (errors.length > 0) throw new UserError(`采纳后进展文件将有 ${errors.length} 个错误（与 zhenggai check 所列相同），未采纳：`, errors);
  await saveProgressText(tx, view.stored.id, period, text);
  for (const a of added) await tx.insertInto('planFiles').values({ planId: view.stored.id, path: `evidence/${a.path}`, storedName: a.storedName, size: a.size, sha256: a.sha256 }).execute();
  for (const { file, path } of placedAll) {
    await tx.insertInto('planFiles').values({ planId: view.stored.id, path: `evidence/${path}`, storedName: file.storedName, size: file.size, sha256: file.sha256 }).execute();
    await tx.updateTable('answerFiles').set({ evidencePath: path }).where('id', '=', file.id).execute();
  }
}

/** A field's label on the page. */
export function fieldLabel(field: FormAnswerField): string {
  return ANSWER_FIELDS.find((f) => f.field === field)?.label ?? field;
}

/** Every round of the problem's answers in every period, oldest first (the problem's history). */
export async function roundsOf(db: Database, planId: number, number: number) {
  return db
    .selectFrom('answerRounds')
    .innerJoin('answers', 'answers.id', 'answerRounds.answerId')
    .select(['answers.period', 'answers.unit', 'answerRounds.id', 'answerRounds.submittedAt', 'answerRounds.submittedBy', 'answerRounds.valuesJson', 'answerRounds.reviewedAt', 'answerRounds.reviewedBy', 'answerRounds.decision', 'answerRounds.reason'])
    .where('answers.planId', '=', planId)
    .where('answers.number', '=', number)
    .orderBy('answerRounds.id')
    .execute();
}
