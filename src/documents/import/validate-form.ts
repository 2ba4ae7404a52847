// Validating one filled unit form against the plan: first that it is this
// plan's form for this period and unit and that the unit's problems have not
// changed since it was made (the hidden sheet), then every answer cell. Every
// finding is a Diagnostic naming file, sheet and cell; the answers become
// progress entries only when their row has no error.
import { numbersByCategory, shownNumber, shownNumberOf, writtenNumber } from '../../model/numbering.js';
import {
  FORM_FORMAT_NAME,
  FORM_FORMAT_VERSION,
  FORM_META_KEYS,
  FORM_META_SHEET,
  FORM_STATUS_VALUES,
  FORM_WRITER,
  READABLE_FORM_LAYOUTS,
  CURRENT_FORM_LAYOUT,
  layoutColumn,
  type FormAnswerField,
  type FormLayout,
} from '../../model/document/unit-form-layout.js';
import { earliestFormDate, formProblems, formUnits, prefill } from '../../compose/forms.js';
import { formChecksum, parseRowDigests, problemDigest } from '../../model/document/unit-form.js';
import type { IsoDate } from '../../model/dates.js';
import { FIELD_LABELS } from '../../model/vocabulary.js';
import { readExtensionDeadline } from '../../derive/problem-deadline.js';
import { isCompleted } from '../../derive/problem-state.js';
import type { Diagnostic, Severity } from '../../diagnostics/diagnostic.js';
import type { Plan, Problem } from '../../model/plan-schema.js';
import type { Closure, Progress, Status } from '../../model/progress-schema.js';
import type { CellSheet, SheetCell } from '../../formats/xlsx/cell-reader.js';
import { columnLetters } from '../../formats/xlsx/cells.js';
import { resolveEvidence } from '../../load/cell-values.js';
import { formChoice, formDate, formNumberText, formYesNo, hasContent, looseText, shownText, type CellReading, type DateWindow } from '../../load/form-cells.js';
import { findSheet, readFormMeta, type FormMeta, type FormWorkbook, type MetaValue } from '../../load/xlsx-form.js';
import { findFormPictures, type FormPicture } from './form-pictures.js';

export interface ImportContext {
  plan: Plan;
  /** The plan folder's name (the form's hidden sheet names it). */
  planName: string;
  period: string;
  /** Latest date a completion or approval may carry: the period file's asOf, or the period's last day. */
  asOf: IsoDate;
  /** The period before: a closure recorded there carries over. */
  previous?: Progress;
  /** This period's file as it stands: a closure the office recorded there is kept. */
  current?: Progress;
  evidenceFiles: ReadonlySet<string>;
}

/** A progress entry as the file will hold it: plain JSON in the schema's key order. */
export type ProgressEntryJson = Record<string, unknown>;

export interface ImportedEntry {
  /** The problem's internal key (model/numbering.ts). */
  number: number;
  /** Its shown number: the form's 序号, and the name of its evidence folder (model/evidence-name.ts). */
  shownNumber: string;
  unit: string;
  entry: ProgressEntryJson;
  file: string;
  sheet: string;
  row: number;
  /** The format the form was read in: where each answer's cell is. */
  layout: FormLayout;
  /** Pictures from the row's evidence cell, to be written to evidence/ and added to entry.evidence. */
  pictures: FormPicture[];
}

export interface FormResult {
  unit?: string;
  entries: ImportedEntry[];
  diagnostics: Diagnostic[];
}

function at(file: string, sheet: string, cell: string | undefined, ruleId: string, message: string, severity: Severity = 'error'): Diagnostic {
  return { file, sheet, ...(cell === undefined ? {} : { cell }), ruleId, severity, message };
}

export function validateForm(form: FormWorkbook, ctx: ImportContext): FormResult {
  const identity = checkIdentity(form, ctx);
  if (identity.unit === undefined || identity.layout === undefined) return { entries: [], diagnostics: identity.diagnostics };
  const { unit, layout } = identity;
  const sheet = findSheet(form, layout.sheet);
  if (!sheet) {
    return { unit, entries: [], diagnostics: [...identity.diagnostics, at(form.file, layout.sheet, undefined, 'form-sheet-missing', `缺少工作表“${layout.sheet}”：请勿重命名或删除工作表`)] };
  }
  const problems = formProblems(ctx.plan, unit).reported;
  const pictures = findFormPictures(form, layout, problems.length);
  const header = checkHeader(form, sheet, layout);
  if (header.length > 0) return { unit, entries: [], diagnostics: [...identity.diagnostics, ...header, ...pictures.diagnostics] };
  const diagnostics = [...identity.diagnostics, ...pictures.diagnostics];
  const entries: ImportedEntry[] = [];
  const window: DateWindow = { min: earliestFormDate(ctx.plan), max: ctx.asOf, date1904: form.date1904 };
  problems.forEach((problem, i) => {
    const row = layout.firstDataRow + i;
    const read = readRow({ file: form.file, sheet, layout, row, problem, problems, ctx, window, pictures: pictures.byRow.get(row) ?? [], pictureCells: pictures.pictureCells });
    for (const d of read.diagnostics) diagnostics.push(d);
    if (read.entry) entries.push({ number: problem.number, shownNumber: shownNumber(problem), unit, entry: read.entry, file: form.file, sheet: layout.sheet, row, layout, pictures: read.pictures });
  });
  for (const d of outsideTheTable(form.file, sheet, layout, problems.length)) diagnostics.push(d);
  return { unit, entries, diagnostics };
}

// --- the hidden sheet -------------------------------------------------------------

/** The unit the form belongs to and the layout of its format, when it is this plan's form for this period and its rows are current. */
function checkIdentity(form: FormWorkbook, ctx: ImportContext): { unit?: string; layout?: FormLayout; diagnostics: Diagnostic[] } {
  const sheet = findSheet(form, FORM_META_SHEET);
  if (!sheet) {
    return { diagnostics: [at(form.file, FORM_META_SHEET, undefined, 'form-not-zhenggai', '不是 zhenggai 生成的填报表（缺少隐藏工作表）：请使用 zhenggai forms 生成的表格填报')] };
  }
  const meta = readFormMeta(sheet, form.date1904);
  if (meta.format === undefined) {
    return { diagnostics: [at(form.file, FORM_META_SHEET, undefined, 'form-not-zhenggai', `隐藏工作表缺少“${FORM_META_KEYS.format}”：表格已被改动，请重新生成`)] };
  }
  const layout = READABLE_FORM_LAYOUTS.get(meta.format.value);
  if (!layout) return { diagnostics: [at(form.file, FORM_META_SHEET, meta.format.address, 'form-format', formatMessage(meta.format.value, meta.writer?.value))] };
  const missing = layout.requiredMeta.filter((k) => meta[k] === undefined);
  if (missing.length > 0) {
    return { diagnostics: [at(form.file, FORM_META_SHEET, undefined, 'form-not-zhenggai', `隐藏工作表缺少“${missing.map((k) => FORM_META_KEYS[k]).join('、')}”：表格已被改动，请重新生成`)] };
  }
  const m = meta as Required<Omit<FormMeta, 'writer'>> & FormMeta;
  const diagnostics = identityProblems(form.file, m, ctx);
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  return { unit: m.unit.value, layout, diagnostics };
}

/**
 * A format this release cannot read: a newer one (the form was made by a
 * later zhenggai than the one importing it) says which release wrote it; the
 * way out is a form of this month made by the office's own zhenggai.
 */
function formatMessage(format: string, writer: string | undefined): string {
  const version = new RegExp(`^${FORM_FORMAT_NAME}/(\\d+)$`).exec(format.trim());
  const by = writer ? `由 ${writer} 生成，` : '';
  const here = `本程序（${FORM_WRITER}）可导入的格式为 ${[...READABLE_FORM_LAYOUTS.keys()].join('、')}`;
  const action = '请向整改办索取用本程序生成的本月填报表（zhenggai forms）重新填写，或把 zhenggai 升级到生成此表的版本后再导入';
  if (version && Number(version[1]) > FORM_FORMAT_VERSION) return `此表${by}表格格式为 ${format}，比本程序新；${here}：${action}`;
  return `此表${by}表格格式“${format}”无法识别；${here}：${action}`;
}

function identityProblems(file: string, m: Required<Omit<FormMeta, 'writer'>>, ctx: ImportContext): Diagnostic[] {
  const here = (v: MetaValue, ruleId: string, message: string, severity: Severity = 'error') => at(file, FORM_META_SHEET, v.address, ruleId, message, severity);
  const docNumber = ctx.plan.notice.docNumber;
  if (m.docNumber.value !== docNumber) {
    return [here(m.docNumber, 'form-other-plan', `此表属于方案“${m.planName.value}”（${m.docNumber.value}），不是本方案“${ctx.planName}”（${docNumber}）`)];
  }
  const found: Diagnostic[] = [];
  if (m.planName.value !== ctx.planName) {
    found.push(here(m.planName, 'form-plan-name', `方案文件夹名为“${m.planName.value}”，与“${ctx.planName}”不同；发文字号相同，按同一方案导入`, 'warning'));
  }
  if (m.period.value !== ctx.period) found.push(here(m.period, 'form-other-period', `此表是 ${m.period.value} 期的填报表，本次导入的是 ${ctx.period} 期`));
  if (!formUnits(ctx.plan).includes(m.unit.value)) {
    found.push(here(m.unit, 'form-unknown-unit', `“${m.unit.value}”不是本方案的牵头单位`));
    return found;
  }
  const { reported } = formProblems(ctx.plan, m.unit.value);
  if (formChecksum(reported) !== m.checksum.value) found.push(here(m.checksum, 'form-plan-changed', changedMessage(ctx.plan, reported, m.rowDigests.value)));
  return found;
}

/** Which of the unit's problems changed since the form was made, from the per-row digests. */
function changedMessage(plan: Plan, reported: readonly Problem[], digestsText: string): string {
  const before = parseRowDigests(digestsText);
  const changed = reported.filter((p) => before.has(p.number) && before.get(p.number) !== problemDigest(p)).map(shownNumber);
  const added = reported.filter((p) => !before.has(p.number)).map(shownNumber);
  const removed = [...before.keys()].filter((n) => !reported.some((p) => p.number === n)).map((key) => shownNumberOf(plan, key));
  const parts = [
    changed.length > 0 ? `第 ${changed.join('、')} 号问题的内容有改动` : '',
    added.length > 0 ? `新增第 ${added.join('、')} 号问题` : '',
    removed.length > 0 ? `第 ${removed.join('、')} 号问题已不由本单位报送` : '',
  ].filter(Boolean);
  const what = parts.length > 0 ? parts.join('，') : '问题内容有改动';
  return `表格生成后，方案中本单位的问题已修改（${what}）：请重新生成填报表（zhenggai forms）后再填报`;
}

// --- the table ------------------------------------------------------------------

/** The header row as written: a column inserted, deleted or moved would make every answer land in the wrong field. */
function checkHeader(form: FormWorkbook, sheet: CellSheet, layout: FormLayout): Diagnostic[] {
  for (const [i, column] of layout.columns.entries()) {
    const cell = sheet.cell(layout.headerRow, i + 1);
    const text = cell.picture ? '（图片）' : looseText(cell, form.date1904);
    if ((text ?? '') !== column.header) {
      const found = text ?? '（空）';
      return [at(form.file, sheet.name, cell.address, 'form-header', `表头应为“${column.header.replace('\n', '')}”，此处为“${found.replace('\n', '')}”：请勿插入、删除或移动列`)];
    }
  }
  return [];
}

/** How many places a message about cells outside the table names before it counts the rest. */
const PLACES_NAMED = 5;

/**
 * Anything typed below the problems or right of the last column is not read,
 * so say so — as one message per kind naming the first few places and
 * counting the rest, however many thousand rows a form has gained.
 */
function outsideTheTable(file: string, sheet: CellSheet, layout: FormLayout, problemCount: number): Diagnostic[] {
  const lastRow = layout.firstDataRow + problemCount - 1;
  const lastColumn = layout.columns.length;
  const below: string[] = [];
  const right: string[] = [];
  for (const r of sheet.rowNumbers) {
    const cells = sheet.cellsOf(r).filter((c) => c.master === undefined && hasContent(c));
    if (r > lastRow) {
      if (cells.length > 0) below.push(cells[0]!.address);
    } else {
      const outside = cells.find((c) => c.column > lastColumn);
      if (outside) right.push(outside.address);
    }
  }
  const summary = (places: string[]) => `（${places.slice(0, PLACES_NAMED).join('、')}${places.length > PLACES_NAMED ? ` 及另外 ${(places.length - PLACES_NAMED).toLocaleString('en-US')} 处` : ''}）`;
  const found: Diagnostic[] = [];
  if (below.length > 0) found.push(at(file, sheet.name, below[0], 'form-extra-row', `表格末尾多出的内容不会被导入${summary(below)}：请勿增加行，新的问题须先写入方案`));
  if (right.length > 0) {
    found.push(at(file, sheet.name, right[0], 'form-extra-column', `表格右侧（${columnLetters(lastColumn)} 列之后）多出的内容不会被导入${summary(right)}：请勿增加列，内容请填在对应的单元格中`));
  }
  return found;
}

interface RowInput {
  file: string;
  sheet: CellSheet;
  layout: FormLayout;
  row: number;
  problem: Problem;
  /** All rows' problems, to tell an edited number from a copied row. */
  problems: readonly Problem[];
  ctx: ImportContext;
  window: DateWindow;
  /** Pictures in this row's evidence cell. */
  pictures: readonly FormPicture[];
  /** sheet!cell of every cell whose content is a picture. */
  pictureCells: ReadonlySet<string>;
}

function readRow(input: RowInput): { entry?: ProgressEntryJson; pictures: FormPicture[]; diagnostics: Diagnostic[] } {
  const numberDiagnostic = checkNumber(input);
  if (numberDiagnostic) return { diagnostics: [numberDiagnostic], pictures: [] };
  const reader = new RowReader(input);
  const entry = reader.entry();
  return reader.failed ? { diagnostics: reader.diagnostics, pictures: [] } : { entry, pictures: [...input.pictures], diagnostics: reader.diagnostics };
}

function checkNumber({ file, sheet, layout, row, problem, problems, window, ctx }: RowInput): Diagnostic | undefined {
  const cell = sheet.cell(row, layoutColumn(layout, 'number'));
  // The form shows the shown number (3, or 二-3 for a plan numbered per category: model/numbering.ts).
  const read = formNumberText(cell);
  const same = (p: Problem) => read !== undefined && read === shownNumber(p).replace(/\s+/g, '');
  if (same(problem) && cell.formula === undefined) return undefined;
  const shown = looseText(cell, window.date1904) ?? '（空）';
  const before = cell.formula === undefined ? schemeBefore(ctx.plan, read, problem) : undefined;
  if (before !== undefined) {
    const [then, now] = before === 'plan' ? ['全方案统一编号', '各类别分别编号'] : ['各类别分别编号', '全方案统一编号'];
    const message = `序号“${shown}”是${then}的写法，方案现在${now}，此行是第 ${shownNumber(problem)} 号问题：这份填报表生成于方案改为${now}之前，请重新生成填报表（zhenggai forms）发给单位，或把本表的序号改为现在的编号`;
    return at(file, sheet.name, cell.address, 'form-number-edited', message);
  }
  const other = problems.findIndex(same);
  const copy = other >= 0 ? `，与第 ${layout.firstDataRow + other} 行重复` : '';
  return at(file, sheet.name, cell.address, 'form-number-edited', `序号被修改：此行应为第 ${shownNumber(problem)} 号问题，读到“${shown}”${copy}；请勿修改序号、复制或移动行`);
}

/**
 * The numbering a form's 序号 was written under when it is the other one of
 * the plan's (docs/domain.md#problem-numbers): `plan` when a plan numbered per
 * category reads the row's plan-wide number (its place in the plan, as the
 * form had it before the switch), `category` when a plan numbered plan-wide
 * reads a category's ordinal beside a number (二-3, （二）3); else undefined.
 */
function schemeBefore(plan: Plan, read: string | undefined, problem: Problem): 'plan' | 'category' | undefined {
  if (read === undefined) return undefined;
  if (numbersByCategory(plan)) return read === String(problem.number) ? 'plan' : undefined;
  return /\d/.test(read) && /[一二三四五六七八九十〇]/.test(read) ? 'category' : undefined;
}

/**
 * One row's answers, field by field. Each reading records its own
 * diagnostics; `failed` means some error, and the row is then not imported.
 */
class RowReader {
  readonly diagnostics: Diagnostic[] = [];
  failed = false;

  constructor(private readonly input: RowInput) {}

  entry(): ProgressEntryJson {
    // As the progress file writes it: the integer, or 二-3 for a plan numbered per category.
    const number = writtenNumber(this.input.ctx.plan, this.input.problem);
    const status = this.status();
    const onSchedule = this.onSchedule(status);
    const completedOn = this.date('completedOn', FIELD_LABELS.completedOn);
    const evidence = this.evidence();
    const extension = this.extension();
    this.checkCompletion(status, completedOn);
    const closure = this.closure(status);
    // A closure the office recorded keeps the problem 已销号 (see closure()).
    const kept = closure !== undefined ? '已销号' : status;
    const { category } = this.input.problem;
    return {
      number,
      // A shown number (二-3) moves when the categories' ordinals change: the category says which problem it was.
      ...(numbersByCategory(this.input.ctx.plan) && category !== undefined ? { category } : {}),
      ...(kept === undefined ? {} : { status: kept }),
      ...(onSchedule === undefined ? {} : { onSchedule }),
      ...this.textField('progress'),
      ...(completedOn === undefined ? {} : { completedOn }),
      ...(evidence.length > 0 || this.input.pictures.length > 0 ? { evidence } : {}),
      ...this.textField('reason'),
      ...(extension === undefined ? {} : { extension }),
      ...this.textField('note'),
      ...(closure === undefined ? {} : { closure }),
    };
  }

  private cell(field: FormAnswerField): SheetCell {
    return this.input.sheet.cell(this.input.row, layoutColumn(this.input.layout, field));
  }

  private address(field: FormAnswerField): string {
    return this.cell(field).address;
  }

  private report(field: FormAnswerField, ruleId: string, message: string, severity: Severity = 'error'): void {
    this.diagnostics.push(at(this.input.file, this.input.sheet.name, this.address(field), ruleId, message, severity));
    if (severity === 'error') this.failed = true;
  }

  /**
   * The cell to read, or undefined when there is nothing to read in it. A
   * picture's cell is read by the pictures (form-pictures.ts). A formula's
   * cached result is taken, with a warning — typed values are what the office
   * expects back, and a formula such as =TODAY() changes when the file is
   * next opened; one with no result saved (written by a program, never
   * calculated) is an error. A cell covered by a merge belongs to another
   * cell, and a hyperlink is not imported (a warning says so).
   */
  private value(field: FormAnswerField): SheetCell | undefined {
    const cell = this.cell(field);
    if (this.input.pictureCells.has(`${this.input.sheet.name}!${cell.address}`)) return undefined;
    if (cell.master !== undefined) {
      this.report(field, 'form-merged', `单元格与 ${cell.master} 合并，内容属于 ${cell.master}：请取消合并，每个问题分别填写`);
      return undefined;
    }
    if (cell.hyperlink !== undefined && hasContent(cell)) {
      this.report(field, 'form-hyperlink', `单元格带有超链接（${cell.hyperlink.slice(0, 200)}），只导入单元格显示的文字，链接不导入`, 'warning');
    }
    if (cell.formula === undefined) return cell;
    if (cell.data === undefined) {
      this.report(field, 'form-formula', `单元格是公式“=${cell.formula}”，没有保存计算结果：请直接填写内容`);
      return undefined;
    }
    this.report(field, 'form-formula', `单元格是公式“=${cell.formula}”，已按其计算结果“${looseText(cell, this.input.window.date1904) ?? ''}”导入；请直接填写内容`, 'warning');
    return cell;
  }

  private parsed<T>(field: FormAnswerField, parse: (cell: SheetCell) => CellReading<T>): T | undefined {
    const cell = this.value(field);
    if (cell === undefined) return undefined;
    const result = parse(cell);
    if (!result.ok) {
      this.report(field, result.ruleId ?? 'form-value', result.message);
      return undefined;
    }
    if (result.note !== undefined) this.report(field, 'form-value-read-as', result.note, 'warning');
    return result.value;
  }

  private text(field: FormAnswerField): string | undefined {
    return this.parsed(field, (cell) => shownText(cell, this.input.window.date1904));
  }

  private textField(field: 'progress' | 'reason' | 'note'): Record<string, string> {
    const text = this.text(field);
    return text === undefined ? {} : { [field]: text };
  }

  private status(): Status | undefined {
    const status = this.parsed('status', (cell) => formChoice(cell, FORM_STATUS_VALUES as readonly Status[], FIELD_LABELS.status, this.input.window.date1904));
    if (status === undefined && !this.failed) this.report('status', 'form-value', `未填写整改状态，应从列表中选择：${FORM_STATUS_VALUES.join('、')}`);
    return status;
  }

  /**
   * 达到序时进度 means something only for 推进中. Last month's 是 stays in the
   * cell when the problem is completed this month; it is not imported then,
   * and the clerk is told, rather than leaving a stale flag in the file.
   */
  private onSchedule(status: Status | undefined): boolean | undefined {
    const value = this.parsed('onSchedule', (cell) => formYesNo(cell, this.input.window.date1904));
    if (value === undefined || status === undefined || status === '推进中') return value;
    this.report('onSchedule', 'form-on-schedule-ignored', `整改状态为“${status}”，达到序时进度只对“推进中”的问题填写，未导入`, 'warning');
    return undefined;
  }

  /** A date between 1 January of the year before the notice's and the as-of date (form-cells.ts formDate). */
  private date(field: 'completedOn' | 'extensionApprovedOn', name: string): IsoDate | undefined {
    return this.parsed(field, (cell) => formDate(cell, name, this.input.window));
  }

  /** File names typed in the cell (matched against evidence/); pictures in it are added by the pipeline. */
  private evidence(): string[] {
    const text = this.text('evidence');
    const { paths, errors } = resolveEvidence(text, shownNumber(this.input.problem), this.input.ctx.evidenceFiles);
    for (const message of errors) this.report('evidence', 'form-evidence', message);
    return paths;
  }

  /** 调整后时限, 调整原因, 批准日期: all three or none, the phrase one the deadline parser understands, due at a plausible date. */
  private extension(): { deadline: string; reason: string; approvedOn: IsoDate } | undefined {
    const deadline = this.text('extensionDeadline');
    const reason = this.text('extensionReason');
    const approvedOn = this.date('extensionApprovedOn', FIELD_LABELS.extensionApprovedOn);
    if (deadline === undefined && reason === undefined && approvedOn === undefined) return undefined;
    const named: Array<[FormAnswerField, unknown, string]> = [
      ['extensionDeadline', deadline, FIELD_LABELS.extension],
      ['extensionReason', reason, FIELD_LABELS.extensionReason],
      ['extensionApprovedOn', approvedOn, FIELD_LABELS.extensionApprovedOn],
    ];
    for (const [field, value, name] of named) {
      if (value === undefined && !this.diagnostics.some((d) => d.cell === this.address(field))) {
        this.report(field, 'form-extension-incomplete', `调整时限须同时填写调整后时限、调整原因和调整批准日期：缺少${name}`);
      }
    }
    if (deadline === undefined || reason === undefined || approvedOn === undefined) return undefined;
    const parsed = readExtensionDeadline({ deadline, approvedOn });
    const due = parsed.ok ? parsed.deadline.due : undefined;
    const latest = latestDeadline(this.input.window);
    if (!parsed.ok) this.report('extensionDeadline', 'form-value', parsed.message);
    else if (due && (due < approvedOn || due > latest)) {
      const why = due < approvedOn ? `早于批准日期 ${approvedOn}` : `晚于 ${latest}（本期截止日期之后 ${EXTENSION_YEARS} 年内）`;
      this.report('extensionDeadline', 'form-date-implausible', `${FIELD_LABELS.extension}“${deadline}”读作 ${due}，${why}：请核对年份`);
    }
    return { deadline, reason, approvedOn };
  }

  /** The completed-without-date rule, where the clerk can fix it. */
  private checkCompletion(status: Status | undefined, completedOn: IsoDate | undefined): void {
    if (status === undefined || this.diagnostics.some((d) => d.cell === this.address('completedOn') && d.severity === 'error')) return;
    if (isCompleted(status) && completedOn === undefined) this.report('completedOn', 'form-completed-without-date', `整改状态为“${status}”，须填写完成时间`);
    if (!isCompleted(status) && completedOn !== undefined) this.report('completedOn', 'form-completed-without-date', `整改状态为“${status}”，不应填写完成时间（完成后再填）`);
  }

  /**
   * 谁销号、谁签字: a closure is recorded by the office, never typed on a
   * form. 已销号 is accepted when the office has recorded the closure (in
   * this period's file or the one before), which is then kept. A completed
   * status (已完成, 已完成并长期坚持) on a problem the office closed in this
   * period keeps the closure and 已销号, with a warning: a form made before
   * the closure says 已完成, and telling the unit to type 已销号 — which its
   * own instructions reserve for the office — would refuse an honest form.
   */
  private closure(status: Status | undefined): Closure | undefined {
    const { current, previous } = this.input.ctx;
    const number = this.input.problem.number;
    const recorded = current?.problems.find((p) => p.number === number)?.closure;
    const carried = recorded ?? previous?.problems.find((p) => p.number === number && p.status === '已销号')?.closure;
    if (status === '已销号' && carried === undefined) {
      this.report('status', 'form-closure', '“已销号”须经销号审批，由整改办录入销号信息后才能填写：请填“已完成”或“已完成并长期坚持”');
    }
    if (status !== undefined && status !== '已销号' && recorded !== undefined) {
      // The form was pre-filled before the office closed the problem: 已完成 is what the unit knew, and the office's record stands.
      if (isCompleted(status)) {
        this.report('status', 'form-closure', `整改办已于 ${recorded.date} 录入销号信息，整改状态保留“已销号”`, 'warning');
        return recorded;
      }
      this.report('status', 'form-closure', `整改办已于 ${recorded.date} 录入销号信息，整改状态应为“已销号”（或“已完成”），不能是“${status}”`);
    }
    return status === '已销号' ? carried : undefined;
  }
}

/** An extension's new deadline is at most this many years after the as-of date's year (a typo guard: 2203 for 2023). */
const EXTENSION_YEARS = 5;

function latestDeadline(window: DateWindow): IsoDate {
  return `${Number(window.max.slice(0, 4)) + EXTENSION_YEARS}-12-31`;
}

// --- answers typed on the server's form -------------------------------------------

/** One answer field's finding, named by field (the web form shows it at the field). */
export interface FieldFinding {
  field: FormAnswerField;
  severity: Severity;
  message: string;
}

/**
 * A unit's answers for one problem typed on the server's page (issue 16),
 * checked by the very rules a form row is checked by: the answers are laid
 * out as a one-row sheet of text cells in the current form layout and read by
 * RowReader, so statuses allowed, dates plausible, a completed problem's
 * date, the extension's three parts and the office-only closure are the
 * same rules, with the same messages. Findings name the field, not the cell.
 * Returns the progress entry (as `import` writes it) when no error is found.
 */
export function validateAnswerFields(answers: Partial<Record<FormAnswerField, string>>, problem: Problem, ctx: ImportContext): { entry?: ProgressEntryJson; findings: FieldFinding[] } {
  const layout = CURRENT_FORM_LAYOUT;
  const row = layout.firstDataRow;
  const texts = new Map<number, string>([[layoutColumn(layout, 'number'), shownNumber(problem)]]);
  for (const [field, value] of Object.entries(answers) as [FormAnswerField, string | undefined][]) {
    if (value !== undefined && value.trim() !== '') texts.set(layoutColumn(layout, field), value);
  }
  const cell = (r: number, c: number): SheetCell => {
    const text = r === row ? texts.get(c) : undefined;
    return { address: `${columnLetters(c)}${r}`, row: r, column: c, numberFormat: 'General', ...(text === undefined ? {} : { data: { type: 'text', text, rich: false } }) };
  };
  const sheet: CellSheet = {
    name: layout.sheet,
    state: 'visible',
    cell,
    rowNumbers: [row],
    cellsOf: (r) => (r === row ? [...texts.keys()].sort((a, b) => a - b).map((c) => cell(r, c)) : []),
    drawings: [],
  };
  const window: DateWindow = { min: earliestFormDate(ctx.plan), max: ctx.asOf, date1904: false };
  const read = readRow({ file: '', sheet, layout, row, problem, problems: [problem], ctx, window, pictures: [], pictureCells: new Set() });
  const fieldAt = new Map<string, FormAnswerField | string>(layout.columns.map((c, i) => [`${columnLetters(i + 1)}${row}`, c.field]));
  const findings = read.diagnostics.map((d) => ({ field: (fieldAt.get(d.cell ?? '') ?? 'status') as FormAnswerField, severity: d.severity, message: d.message }));
  return read.entry ? { entry: read.entry, findings } : { findings };
}

/**
 * The answers a problem's online form starts with: this period's entry when
 * the period's file has one, else the period before's — pre-filled as the
 * Excel form is (compose/forms.ts prefill: no evidence, no note, no closure).
 */
export function prefilledAnswers(ctx: ImportContext, number: number): Partial<Record<FormAnswerField, string>> {
  const entry = ctx.current?.problems.find((p) => p.number === number) ?? ctx.previous?.problems.find((p) => p.number === number);
  return { ...prefill(entry) };
}

/**
 * A progress entry as the answers typed on the server's form (the fields
 * prefill fills, and the note): what an answer taken from an Excel form
 * shows on the answer's page and in its rounds.
 */
export function answersOfEntry(entry: ProgressEntryJson): Partial<Record<FormAnswerField, string>> {
  const note = entry.note;
  return { ...prefill(entry as unknown as Parameters<typeof prefill>[0]), ...(typeof note === 'string' ? { note } : {}) };
}
