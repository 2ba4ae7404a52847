// A unit's progress form (进展填报表) as a document model, and the identity
// contract the importer checks it by: the checksum over the unit's rows and the
// per-row digests kept in the hidden sheet. The forms writer (render/xlsx/forms.ts)
// and the importer (documents/import/) both use this module, so the two cannot
// drift apart. The sheet and column layout is in unit-form-layout.ts beside it.

import { createHash } from 'node:crypto';
import { type IsoDate } from '../dates.js';
import type { Problem } from '../plan-schema.js';

/** What the form shows of a problem, as text. */
export interface FormPlanCells {
  /** The problem's internal key (model/numbering.ts): the row digests are by it. */
  readonly number: number;
  /** The 序号 the form shows (model/numbering.ts shownNumber): 3, or 二-3 for a plan numbered per category; the importer reads it back. */
  readonly shownNumber: string;
  readonly summary: string;
  readonly measures: string;
  readonly deadline: string;
  readonly leadUnits: string;
  readonly cooperatingUnits: string;
}

/** Last period's answers as the form pre-fills them (text, dates as YYYY-MM-DD). */
export interface FormAnswers {
  readonly status?: string;
  readonly onSchedule?: string;
  readonly progress?: string;
  readonly completedOn?: IsoDate;
  readonly reason?: string;
  readonly extensionDeadline?: string;
  readonly extensionReason?: string;
  readonly extensionApprovedOn?: IsoDate;
  /** Only on a closed row (FormRow.closure): the period's own 备注 as recorded, so the row imports back unchanged. */
  readonly note?: string;
}

/** A closure the office recorded (docs/domain.md#closure), as the form shows it. */
export interface FormClosure {
  readonly date: IsoDate;
  readonly approver: string;
  readonly opinion: string;
}

export interface FormRow {
  readonly plan: FormPlanCells;
  readonly answers: FormAnswers;
  /**
   * Set when the period's own progress file already records this problem's
   * closure (已销号 with `closure`): the answers are that entry's, and the
   * row is read-only (locked and grey) — the office closed it; import keeps
   * the recorded closure (documents/import/validate-form.ts).
   */
  readonly closure?: FormClosure;
}

export interface RowDigest {
  readonly number: number;
  readonly digest: string;
}

/** A drop-down's or a date cell's input message and error alert. */
export interface ValidationWording {
  readonly prompt: string;
  readonly error: string;
}

/** The form's fixed wording, from templates/unit-form.hbs (compose/forms.ts); the renderer prints it as it is. */
export interface UnitFormWording {
  /** The workbook's title (its file properties). */
  readonly fileTitle: string;
  /** The input sheet's title row. */
  readonly title: string;
  /** The row under the title: plan, unit, period. */
  readonly particulars: string;
  /** The 填表说明 row, one line an instruction. */
  readonly instructions: string;
  readonly status: ValidationWording;
  readonly onSchedule: ValidationWording;
  readonly date: ValidationWording;
  /** The information sheet's title, and the note under it. */
  readonly infoTitle: string;
  readonly infoNote: string;
}

export interface UnitFormModel {
  /** The plan folder's name and its 发文字号: together they name the plan. */
  readonly planName: string;
  readonly docNumber: string;
  readonly planTitle: string;
  readonly unit: string;
  readonly period: string;
  /** The period's as-of date: the latest completion date the form accepts. */
  readonly asOf: IsoDate;
  /** Earliest date the date cells accept (a typo guard; work may predate the notice). */
  readonly dateMin: IsoDate;
  /** The period whose answers are pre-filled, if any. */
  readonly prefilledFrom?: string;
  /** Problems the unit reports (it is their first-listed lead unit). */
  readonly rows: readonly FormRow[];
  /** Problems it leads jointly but another unit reports: shown, not answered. */
  readonly infoRows: readonly FormPlanCells[];
  readonly checksum: string;
  readonly rowDigests: readonly RowDigest[];
  /** The workbook's fixed timestamp. */
  readonly date: IsoDate;
  readonly wording: UnitFormWording;
}

/**
 * The parts of a problem a unit's answers depend on. Category, cooperating
 * units and the optional columns are left out on purpose: editing them does
 * not change what the unit was asked, so it must not invalidate its form.
 */
export function canonicalRow(problem: Problem): unknown[] {
  return [problem.number, problem.summary, problem.measures, problem.deadline, problem.leadUnits];
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** SHA-256 over the unit's answered rows, by number; plan order and other units' problems do not enter. */
export function formChecksum(problems: readonly Problem[]): string {
  const rows = [...problems].sort((a, b) => a.number - b.number).map(canonicalRow);
  return sha256(JSON.stringify(rows));
}

/** A short digest of one row, so a mismatch can name the problem that changed. */
export function problemDigest(problem: Problem): string {
  return sha256(JSON.stringify(canonicalRow(problem))).slice(0, 12);
}

export function formatRowDigests(digests: readonly RowDigest[]): string {
  return digests.map((d) => `${d.number}:${d.digest}`).join(',');
}

export function parseRowDigests(text: string): Map<number, string> {
  const result = new Map<number, string>();
  for (const part of text.split(',')) {
    const m = /^(\d+):([0-9a-f]+)$/.exec(part.trim());
    if (m) result.set(Number(m[1]), m[2]!);
  }
  return result;
}
