// Closures (销号) recorded by the office on the server (issue 16;
// docs/domain.md#closure): once a completed problem's closure form is signed,
// the office records the closure date, the approver (审批（验收）人) and the
// acceptance opinion. The closure is written into the period's progress entry
// (status 已销号 and `closure`) by import's own mergeProgress and checked by
// the same rules as `zhenggai check`, inside one transaction, as an accepted
// answer is (period-text.ts); every closure is kept in `closures` with who
// recorded it, and an undone one with who undid it and why.

import { UserError } from '../diagnostics/user-error.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { mergeProgress } from '../documents/import/merge.js';
import { isoDate } from '../model/common-schema.js';
import { keyOfWrittenNumber, shownNumber } from '../model/numbering.js';
import type { Problem } from '../model/plan-schema.js';
import type { IsoDate } from '../model/dates.js';
import { CLOSURE_LABELS } from '../model/vocabulary.js';
import type { Account } from './accounts.js';
import type { ClosureTable, Database } from './database.js';
import { Conflict } from './errors.js';
import type { PlanInView } from './plan-access.js';
import { saveProgressText } from './plan-store.js';
import { errorsInPeriod, storedPeriodTexts, type StoredPeriodTexts } from './period-text.js';
import { reportingState } from './reporting.js';
import type { Selectable } from 'kysely';

/** The closure form's fields, in order, labelled as the progress format describes `closure`. */
export const CLOSURE_FIELDS = [
  { field: 'date', label: CLOSURE_LABELS.date },
  { field: 'approver', label: CLOSURE_LABELS.approver },
  { field: 'opinion', label: CLOSURE_LABELS.opinion },
] as const;

export type ClosureField = (typeof CLOSURE_FIELDS)[number]['field'];

/** The closure as typed: field → text, trimmed. */
export type ClosureValues = Partial<Record<ClosureField, string>>;

/** A refusal at a field of the closure form (field undefined: about the problem's entry as a whole). */
export interface ClosureFinding {
  field: ClosureField | 'reason' | undefined;
  message: string;
}

/** A recorded closure as stored. */
export type ClosureRecord = Selectable<ClosureTable>;

/** The statuses a problem may be closed from: completed and not yet closed (docs/domain.md#closure, step 1). */
const CLOSABLE = ['已完成', '已完成并长期坚持'] as const;

/** Refused: the findings at the form's fields; nothing was written. */
export class ClosureRefused extends UserError {
  constructor(
    message: string,
    readonly findings: ClosureFinding[],
  ) {
    super(message);
  }
}

/** Who acted, as rounds and closures keep them: 显示名（用户名）. */
function nameOf(account: Account): string {
  return `${account.displayName}（${account.username}）`;
}

/** The typed values' own findings: each part is required, the date is a real YYYY-MM-DD date. */
export function closureFieldFindings(values: ClosureValues): ClosureFinding[] {
  const findings: ClosureFinding[] = [];
  for (const { field, label } of CLOSURE_FIELDS) {
    if ((values[field] ?? '') === '') findings.push({ field, message: `请填写${label}` });
  }
  if (values.date) {
    const parsed = isoDate.safeParse(values.date);
    if (!parsed.success) findings.push({ field: 'date', message: `${CLOSURE_LABELS.date}“${values.date}”${parsed.error.issues[0]?.message ?? '不是日期'}` });
  }
  return findings;
}

/** A check diagnostic on the form: at the closure's field when its JSON path names one, else about the entry. */
function findingOf(diagnostic: Diagnostic): ClosureFinding {
  const path = diagnostic.path ?? [];
  const part = path[2] === 'closure' ? path[3] : undefined;
  const field = CLOSURE_FIELDS.find((f) => f.field === part)?.field;
  return { field, message: `${diagnostic.message}（${diagnostic.ruleId}）` };
}

/** The period's progress file parsed, and the problem's entry in it with its index. */
interface EntryAt {
  file: Record<string, unknown>;
  entry: Record<string, unknown> | undefined;
}

function entryAt(view: PlanInView, stored: StoredPeriodTexts, period: string, problem: Problem): EntryAt {
  const text = stored.periods.find((p) => p.period === period)?.progressText;
  if (text === undefined) throw new Conflict(`方案中没有 ${period} 期的进展`);
  const file = JSON.parse(text) as Record<string, unknown>;
  const entries = Array.isArray(file.problems) ? (file.problems as Record<string, unknown>[]) : [];
  const plan = view.checked.data!.plan;
  return { file, entry: entries.find((e) => keyOfWrittenNumber(plan, e?.number) === problem.number) };
}

/** Merge `entry` into the period's file, check it and save it, or refuse with the check's findings. */
async function writeEntry(tx: Database, view: PlanInView, stored: StoredPeriodTexts, period: string, at: EntryAt, problem: Problem, entry: Record<string, unknown>, refusal: string): Promise<void> {
  const asOf = (typeof at.file.asOf === 'string' ? at.file.asOf : period) as IsoDate;
  const text = mergeProgress({ plan: view.checked.data!.plan, period, asOf, existing: at.file, entries: [{ number: problem.number, entry }] }).text;
  const errors = errorsInPeriod(view, stored, period, text);
  if (errors.length > 0) throw new ClosureRefused(`${refusal}：${period} 期进展文件将有 ${errors.length} 个错误（与 zhenggai check 所列相同）`, errors.map(findingOf));
  await saveProgressText(tx, view.stored.id, period, text);
}

/**
 * Conflict (409) unless the period may still change and is the plan's latest:
 * a closed period is read-only, and a closure written into an earlier period
 * would contradict the later files that say the problem is only completed.
 */
async function requireWritable(tx: Database, view: PlanInView, stored: StoredPeriodTexts, period: string): Promise<void> {
  if ((await reportingState(tx, view.stored.id, period)) === 'closed') throw new Conflict(`${period} 期已关闭，只能查看，不能再修改`);
  const latest = stored.periods.at(-1)?.period;
  if (latest !== period) throw new Conflict(`销号只能录入方案最近一期（${latest ?? '无'}）的进展，${period} 期之后已有进展`);
}

/** What recording a closure asks for. */
export interface ClosureRequest {
  view: PlanInView;
  period: string;
  problem: Problem;
  values: ClosureValues;
  account: Account;
}

/**
 * Record the office's closure of `problem` in `period`: the entry's status
 * becomes 已销号 and it gains `closure` {date, approver, opinion}.
 * ClosureRefused (400) when a field is missing or wrong, when the problem has
 * no entry in the period or is not completed (已完成, 已完成并长期坚持), or when
 * `check` would then find an error in the period's file (a closure date
 * before the completion date or after the as-of date, …: at the field).
 * Conflict (409) when the period is closed or not the latest, or the problem
 * is already closed. Returns the status the entry had.
 */
export async function recordClosure(db: Database, request: ClosureRequest): Promise<{ previousStatus: string }> {
  const { view, period, problem, values, account } = request;
  const own = closureFieldFindings(values);
  if (own.length > 0) throw new ClosureRefused(`有 ${own.length} 处须改正，未销号`, own);
  const closure = { date: values.date!, approver: values.approver!, opinion: values.opinion! };
  return db.transaction().execute(async (tx) => {
    const stored = await storedPeriodTexts(tx, view.stored.id);
    await requireWritable(tx, view, stored, period);
    const at = entryAt(view, stored, period, problem);
    const status = at.entry?.status;
    if (at.entry === undefined) throw new ClosureRefused('未销号', [{ field: undefined, message: `${period} 期进展中还没有第 ${shownNumber(problem)} 号问题：先采纳单位的填报（或导入填报表），整改状态为已完成后才能销号` }]);
    if (status === '已销号') throw new Conflict(`第 ${shownNumber(problem)} 号问题本期已销号，不能重复录入`);
    if (typeof status !== 'string' || !(CLOSABLE as readonly string[]).includes(status)) {
      throw new ClosureRefused('未销号', [{ field: undefined, message: `第 ${shownNumber(problem)} 号问题本期整改状态为“${String(status)}”：只有${CLOSABLE.map((s) => `“${s}”`).join('或')}的问题才能销号` }]);
    }
    await writeEntry(tx, view, stored, period, at, problem, { ...at.entry, status: '已销号', closure }, '未销号');
    await tx.insertInto('closures').values({ planId: view.stored.id, period, number: problem.number, ...closure, previousStatus: status, recordedAt: new Date().toISOString(), recordedBy: nameOf(account), undoneAt: null, undoneBy: null, undoReason: null }).execute();
    return { previousStatus: status };
  });
}

/**
 * Undo the closure the office recorded on the server in `period` (recorded
 * by mistake): the entry gets back the status it had and loses `closure`;
 * the closure's row keeps who undid it, when and why. ClosureRefused (400)
 * without a reason, or when `check` would then find an error; Conflict (409)
 * when the period is closed or not the latest, when no closure recorded on
 * the server stands, or when the entry no longer holds that closure (changed
 * since, e.g. by an import). Returns the closure undone.
 */
export async function undoClosure(db: Database, view: PlanInView, period: string, problem: Problem, reason: string, account: Account): Promise<ClosureRecord> {
  if (reason.trim() === '') throw new ClosureRefused('未撤销', [{ field: 'reason', message: '撤销销号须填写撤销原因' }]);
  return db.transaction().execute(async (tx) => {
    const stored = await storedPeriodTexts(tx, view.stored.id);
    await requireWritable(tx, view, stored, period);
    const record = await tx.selectFrom('closures').selectAll().where('planId', '=', view.stored.id).where('period', '=', period).where('number', '=', problem.number).where('undoneAt', 'is', null).orderBy('id', 'desc').executeTakeFirst();
    if (!record) throw new Conflict(`第 ${shownNumber(problem)} 号问题 ${period} 期没有整改办在本系统录入的销号，无可撤销`);
    const at = entryAt(view, stored, period, problem);
    const closure = at.entry?.closure as { date?: unknown; approver?: unknown; opinion?: unknown } | undefined;
    if (at.entry?.status !== '已销号' || closure?.date !== record.date || closure.approver !== record.approver || closure.opinion !== record.opinion) {
      throw new Conflict(`第 ${shownNumber(problem)} 号问题 ${period} 期进展中的销号信息已不是 ${record.recordedAt.slice(0, 10)} 录入的这一条，不能撤销`);
    }
    const reopened: Record<string, unknown> = { ...at.entry, status: record.previousStatus };
    delete reopened.closure;
    await writeEntry(tx, view, stored, period, at, problem, reopened, '未撤销');
    const undone = { undoneAt: new Date().toISOString(), undoneBy: nameOf(account), undoReason: reason.trim() };
    await tx.updateTable('closures').set(undone).where('id', '=', record.id).execute();
    return { ...record, ...undone };
  });
}

/** Every closure recorded on the server for the problem, in every period, oldest first (its history). */
export async function closuresOf(db: Database, planId: number, number: number): Promise<ClosureRecord[]> {
  return db.selectFrom('closures').selectAll().where('planId', '=', planId).where('number', '=', number).orderBy('id').execute();
}
