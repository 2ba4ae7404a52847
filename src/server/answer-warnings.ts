// The check's warnings on a unit's answer (issue 16: “the same rules as
// import apply … with messages at the field”). An answer is merged into the
// period's progress text as the office's acceptance would merge it
// (mergeProgress, as answers.ts mergeAccepted does) and checked by the rules
// of `zhenggai check`; the warnings on this problem's entry are shown to the
// unit under the field that answers them and to the office in a 提示 block.
// Warnings never block: import does not block on them either.

import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { mergeProgress } from '../documents/import/merge.js';
import { validateAnswerFields } from '../documents/import/validate-form.js';
import type { FormAnswerField } from '../model/document/unit-form-layout.js';
import type { Problem } from '../model/plan-schema.js';
import { FIELD_LABELS } from '../model/vocabulary.js';
import { answerContext, type AnswerValues } from './answers.js';
import type { Database } from './database.js';
import { periodDiagnostics, storedPeriodTexts } from './period-text.js';
import type { PlanInView } from './plan-access.js';

/** A warning of `check` on the answer's entry: the rule, the clerk's wording, and the form field that answers it (none: shown above the form only). */
export interface AnswerWarning {
  ruleId: string;
  field?: FormAnswerField;
  message: string;
}

/**
 * Rules whose warning points at the entry's status (its JSON path) but is
 * answered in another field: a status that went back is explained in 备注
 * (check/rules/status-regression.ts), an overdue problem needs its 未完成原因
 * (overdue-without-reason.ts), a 推进中 problem its 达到序时进度 (on-schedule-missing.ts).
 */
const ANSWERED_IN: Readonly<Record<string, FormAnswerField>> = {
  'status-regression': 'note',
  'overdue-without-reason': 'reason',
  'on-schedule-missing': 'onSchedule',
};

/** The form field of an entry's JSON key (problems[i].<key>…), when the unit fills it online. */
const FIELD_OF_KEY: Readonly<Record<string, FormAnswerField>> = {
  status: 'status',
  onSchedule: 'onSchedule',
  progress: 'progress',
  completedOn: 'completedOn',
  reason: 'reason',
  extension: 'extensionDeadline',
  note: 'note',
};

/**
 * A rule's message as a clerk reads it: a JSON key given in brackets after
 * its Chinese term (“回头看安排（reviewSchedule）”) is dropped, the keys it
 * names (“请在 note 中说明原因”) become the fields' labels (“请在“备注”中说明
 * 原因”), and a key right after its own label (“未完成原因 reason”) is dropped.
 */
export function clerkWording(rule: string): string {
  const message = rule.replace(/（[A-Za-z][A-Za-z0-9.[\]]*）/g, '');
  return message.replace(/\s*\b([a-zA-Z]+)\b\s*/g, (whole, key: string, offset: number) => {
    const label = (FIELD_LABELS as Readonly<Record<string, string>>)[key];
    if (label === undefined) return whole;
    return message.slice(0, offset).endsWith(label) ? '' : `“${label}”`;
  });
}

/**
 * The warnings `check` gives on problem `problem`'s entry in `period` when
 * `values` are merged into the period's progress text as stored now (the
 * other periods, plan.json and evidence as stored). None when the answer has
 * an error (the entry cannot be made; the errors are shown at the fields).
 */
export async function answerWarnings(db: Database, view: PlanInView, period: string, problem: Problem, values: AnswerValues): Promise<AnswerWarning[]> {
  const ctx = answerContext(view.checked.data!, view.stored.name, period);
  const { entry } = validateAnswerFields(values, problem, ctx);
  if (!entry) return [];
  const stored = await storedPeriodTexts(db, view.stored.id);
  const current = stored.periods.find((p) => p.period === period);
  if (!current) return [];
  const merged = { number: problem.number, entry };
  const { text, indexOf } = mergeProgress({ plan: ctx.plan, period, asOf: ctx.asOf, existing: JSON.parse(current.progressText) as Record<string, unknown>, entries: [merged] });
  const index = indexOf.get(merged);
  return periodDiagnostics(view, stored, period, text)
    .filter((d) => entryIndex(d) === index)
    .map(asAnswerWarning);
}

/** The index of the entry (problems[i]) a warning of a progress file is on; undefined for an error or a warning elsewhere in the file. */
function entryIndex(d: Diagnostic): number | undefined {
  return d.severity === 'warning' && d.path?.[0] === 'problems' && typeof d.path[1] === 'number' ? d.path[1] : undefined;
}

/** A warning on an entry as the clerk reads it, with the form field that answers it. */
function asAnswerWarning(d: Diagnostic): AnswerWarning {
  const key = d.path?.[2];
  // The extension's reason is a field of its own on the form (problems[i].extension.reason).
  const part = key === 'extension' && d.path?.[3] === 'reason' ? 'extensionReason' : undefined;
  const field = ANSWERED_IN[d.ruleId] ?? part ?? (typeof key === 'string' ? FIELD_OF_KEY[key] : undefined);
  return { ruleId: d.ruleId, message: clerkWording(d.message), ...(field ? { field } : {}) };
}

/**
 * The check's warnings on each problem's entry in `period`'s progress file as
 * stored — the entries the office accepted or imported — as problem number →
 * warnings (in the check's order; a problem without warnings or without an
 * entry is absent). Taken from the check the page already ran on the stored
 * plan (`view.checked`, plan-access.ts): no further run, however many
 * problems the page lists. Empty when the plan does not load.
 */
export function storedEntryWarnings(view: PlanInView, period: string): Map<number, AnswerWarning[]> {
  const entries = view.checked.data?.progress.find((p) => p.fileperiod === period)?.data.problems;
  const file = `${view.stored.name}/progress/${period}.json`;
  const byNumber = new Map<number, AnswerWarning[]>();
  if (!entries) return byNumber;
  for (const d of view.checked.diagnostics) {
    const index = d.file === file ? entryIndex(d) : undefined;
    const number = index === undefined ? undefined : entries[index]?.number;
    if (number === undefined) continue;
    byNumber.set(number, [...(byNumber.get(number) ?? []), asAnswerWarning(d)]);
  }
  return byNumber;
}
