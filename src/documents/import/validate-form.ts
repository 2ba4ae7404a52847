// Validating one filled unit form against the plan: first that it is this
// plan's form for this period and unit and that the unit's problems have not
// changed since it was made (the hidden sheet), then every answer cell. Every
// finding is a Diagnostic naming file, sheet and cell; the answers become
// progress entries only when their row has no error.
import { FORM_COLUMNS, FORM_FIRST_DATA_ROW, FORM_FORMAT, FORM_HEADER_ROW, FORM_META_KEYS, FORM_META_ORDER, FORM_META_SHEET, FORM_SHEET, FORM_STATUS_VALUES, formColumnIndex, type FormAnswerField } from '../../model/document/unit-form-layout.js';
import { formProblems, formUnits } from '../../compose/forms.js';
import { formChecksum, parseRowDigests, problemDigest } from '../../model/document/unit-form.js';
import type { IsoDate } from '../../model/dates.js';
import { FIELD_LABELS } from '../../model/vocabulary.js';
import { parseDeadline } from '../../derive/deadline.js';
import { isCompleted } from '../../derive/problem-state.js';
import type { Diagnostic, Severity } from '../../diagnostics/diagnostic.js';
import type { Plan, Problem } from '../../model/plan-schema.js';
import type { Closure, Progress, Status } from '../../model/progress-schema.js';
import type { ReadSheet } from '../../formats/xlsx/reader.js';
import { cellText, parseChoice, parseFormDate, parseNumberCell, parseYesNo, resolveEvidence, type CellValue, type Parsed } from '../../load/cell-values.js';
import { findSheet, readFormMeta, type FormMeta, type FormWorkbook, type MetaValue } from '../../load/xlsx-form.js';

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
  number: number;
  unit: string;
  entry: ProgressEntryJson;
  file: string;
  sheet: string;
  row: number;
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
  if (identity.unit === undefined) return { entries: [], diagnostics: identity.diagnostics };
  const unit = identity.unit;
  const sheet = findSheet(form, FORM_SHEET);
  if (!sheet) {
    return { unit, entries: [], diagnostics: [...identity.diagnostics, at(form.file, FORM_SHEET, undefined, 'form-sheet-missing', `缺少工作表“${FORM_SHEET}”：请勿重命名或删除工作表`)] };
  }
  const header = checkHeader(form.file, sheet);
  if (header.length > 0) return { unit, entries: [], diagnostics: [...identity.diagnostics, ...header] };
  const problems = formProblems(ctx.plan, unit).reported;
  const diagnostics = [...identity.diagnostics];
  const entries: ImportedEntry[] = [];
  problems.forEach((problem, i) => {
    const row = readRow({ file: form.file, sheet, row: FORM_FIRST_DATA_ROW + i, problem, problems, ctx });
    diagnostics.push(...row.diagnostics);
    if (row.entry) entries.push({ number: problem.number, unit, entry: row.entry, file: form.file, sheet: FORM_SHEET, row: FORM_FIRST_DATA_ROW + i });
  });
  diagnostics.push(...extraRows(form.file, sheet, FORM_FIRST_DATA_ROW + problems.length));
  return { unit, entries, diagnostics };
}

// --- the hidden sheet -------------------------------------------------------------

/** The unit the form belongs to, when it is this plan's form for this period and its rows are current. */
function checkIdentity(form: FormWorkbook, ctx: ImportContext): { unit?: string; diagnostics: Diagnostic[] } {
  const sheet = findSheet(form, FORM_META_SHEET);
  if (!sheet) {
    return { diagnostics: [at(form.file, FORM_META_SHEET, undefined, 'form-not-zhenggai', '不是 zhenggai 生成的填报表（缺少隐藏工作表）：请使用 zhenggai forms 生成的表格填报')] };
  }
  const meta = readFormMeta(sheet);
  const missing = FORM_META_ORDER.filter((k) => meta[k] === undefined);
  if (missing.length > 0) {
    return { diagnostics: [at(form.file, FORM_META_SHEET, undefined, 'form-not-zhenggai', `隐藏工作表缺少“${missing.map((k) => FORM_META_KEYS[k]).join('、')}”：表格已被改动，请重新生成`)] };
  }
  const m = meta as Required<FormMeta>;
  const diagnostics = identityProblems(form.file, m, ctx);
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  return { unit: m.unit.value, diagnostics };
}

function identityProblems(file: string, m: Required<FormMeta>, ctx: ImportContext): Diagnostic[] {
  const here = (v: MetaValue, ruleId: string, message: string, severity: Severity = 'error') => at(file, FORM_META_SHEET, v.address, ruleId, message, severity);
  const docNumber = ctx.plan.notice.docNumber;
  if (m.format.value !== FORM_FORMAT) return [here(m.format, 'form-format', `表格格式“${m.format.value}”不是本版本的填报表（${FORM_FORMAT}）：请重新生成`)];
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
  if (formChecksum(reported) !== m.checksum.value) found.push(here(m.checksum, 'form-plan-changed', changedMessage(reported, m.rowDigests.value)));
  return found;
}

/** Which of the unit's problems changed since the form was made, from the per-row digests. */
function changedMessage(reported: readonly Problem[], digestsText: string): string {
  const before = parseRowDigests(digestsText);
  const changed = reported.filter((p) => before.has(p.number) && before.get(p.number) !== problemDigest(p)).map((p) => p.number);
  const added = reported.filter((p) => !before.has(p.number)).map((p) => p.number);
  const removed = [...before.keys()].filter((n) => !reported.some((p) => p.number === n));
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
function checkHeader(file: string, sheet: ReadSheet): Diagnostic[] {
  for (const [i, column] of FORM_COLUMNS.entries()) {
    const cell = sheet.cell(FORM_HEADER_ROW, i + 1);
    if ((cellText(cell.value) ?? '') !== column.header) {
      const found = cellText(cell.value) ?? '（空）';
      return [at(file, sheet.name, cell.address, 'form-header', `表头应为“${column.header.replace('\n', '')}”，此处为“${found.replace('\n', '')}”：请勿插入、删除或移动列`)];
    }
  }
  return [];
}

/** Anything typed below the problems: rows added by hand are not read, so say so. */
function extraRows(file: string, sheet: ReadSheet, firstRow: number): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (let r = firstRow; r <= sheet.rowCount; r += 1) {
    for (let c = 1; c <= FORM_COLUMNS.length; c += 1) {
      const cell = sheet.cell(r, c);
      if (cell.master !== undefined || cellText(cell.value) === undefined) continue;
      found.push(at(file, sheet.name, cell.address, 'form-extra-row', '表格末尾多出的内容不会被导入：请勿增加行，新的问题须先写入方案'));
      break;
    }
  }
  return found;
}

interface RowInput {
  file: string;
  sheet: ReadSheet;
  row: number;
  problem: Problem;
  /** All rows' problems, to tell an edited number from a copied row. */
  problems: readonly Problem[];
  ctx: ImportContext;
}

function readRow(input: RowInput): { entry?: ProgressEntryJson; diagnostics: Diagnostic[] } {
  const numberDiagnostic = checkNumber(input);
  if (numberDiagnostic) return { diagnostics: [numberDiagnostic] };
  const reader = new RowReader(input);
  const entry = reader.entry();
  return reader.failed ? { diagnostics: reader.diagnostics } : { entry, diagnostics: reader.diagnostics };
}

function checkNumber({ file, sheet, row, problem, problems }: RowInput): Diagnostic | undefined {
  const cell = sheet.cell(row, formColumnIndex('number'));
  const number = parseNumberCell(cell.value);
  if (number === problem.number && cell.formula === undefined) return undefined;
  const shown = cellText(cell.value) ?? '（空）';
  const other = problems.findIndex((p) => p.number === number);
  const copy = other >= 0 ? `，与第 ${FORM_FIRST_DATA_ROW + other} 行重复` : '';
  return at(file, sheet.name, cell.address, 'form-number-edited', `序号被修改：此行应为第 ${problem.number} 号问题，读到“${shown}”${copy}；请勿修改序号、复制或移动行`);
}

/**
 * One row's answers, field by field. Each reading records its own
 * diagnostics; `failed` means some error, and the row is then not imported.
 */
class RowReader {
  readonly diagnostics: Diagnostic[] = [];
  failed = false;
  private readonly periodYear: number;

  constructor(private readonly input: RowInput) {
    this.periodYear = Number(input.ctx.period.slice(0, 4));
  }

  entry(): ProgressEntryJson {
    const number = this.input.problem.number;
    const status = this.status();
    const onSchedule = this.onSchedule(status);
    const completedOn = this.date('completedOn', FIELD_LABELS.completedOn);
    const evidence = this.evidence();
    const extension = this.extension();
    this.checkCompletion(status, completedOn);
    const closure = this.closure(status);
    return {
      number,
      ...(status === undefined ? {} : { status }),
      ...(onSchedule === undefined ? {} : { onSchedule }),
      ...this.textField('progress'),
      ...(completedOn === undefined ? {} : { completedOn }),
      ...(evidence.length > 0 ? { evidence } : {}),
      ...this.textField('reason'),
      ...(extension === undefined ? {} : { extension }),
      ...this.textField('note'),
      ...(closure === undefined ? {} : { closure }),
    };
  }

  private address(field: FormAnswerField): string {
    return this.input.sheet.cell(this.input.row, formColumnIndex(field)).address;
  }

  private report(field: FormAnswerField, ruleId: string, message: string, severity: Severity = 'error'): void {
    this.diagnostics.push(at(this.input.file, this.input.sheet.name, this.address(field), ruleId, message, severity));
    if (severity === 'error') this.failed = true;
  }

  /**
   * The value a cell holds. A formula's cached result is taken, with a
   * warning — typed values are what the office expects back, and a formula
   * such as =TODAY() changes when the file is next opened; one with no result
   * saved (written by a program, never calculated) is an error.
   */
  private value(field: FormAnswerField): CellValue | undefined {
    const cell = this.input.sheet.cell(this.input.row, formColumnIndex(field));
    if (cell.formula === undefined) return cell.value;
    if (cell.value === null) {
      this.report(field, 'form-formula', `单元格是公式“=${cell.formula}”，没有保存计算结果：请直接填写内容`);
      return undefined;
    }
    this.report(field, 'form-formula', `单元格是公式“=${cell.formula}”，已按其计算结果“${cellText(cell.value) ?? ''}”导入；请直接填写内容`, 'warning');
    return cell.value;
  }

  private parsed<T>(field: FormAnswerField, parse: (v: CellValue) => Parsed<T>): T | undefined {
    const value = this.value(field);
    if (value === undefined) return undefined;
    const result = parse(value);
    if (result.ok) return result.value;
    this.report(field, 'form-value', result.message);
    return undefined;
  }

  private text(field: FormAnswerField): string | undefined {
    const value = this.value(field);
    return value === undefined ? undefined : cellText(value);
  }

  private textField(field: 'progress' | 'reason' | 'note'): Record<string, string> {
    const text = this.text(field);
    return text === undefined ? {} : { [field]: text };
  }

  private status(): Status | undefined {
    const status = this.parsed('status', (v) => parseChoice(v, FORM_STATUS_VALUES as readonly Status[], FIELD_LABELS.status));
    if (status === undefined && !this.failed) this.report('status', 'form-value', `未填写整改状态，应从列表中选择：${FORM_STATUS_VALUES.join('、')}`);
    return status;
  }

  /**
   * 达到序时进度 means something only for 推进中. Last month's 是 stays in the
   * cell when the problem is completed this month; it is not imported then,
   * and the clerk is told, rather than leaving a stale flag in the file.
   */
  private onSchedule(status: Status | undefined): boolean | undefined {
    const value = this.parsed('onSchedule', parseYesNo);
    if (value === undefined || status === undefined || status === '推进中') return value;
    this.report('onSchedule', 'form-on-schedule-ignored', `整改状态为“${status}”，达到序时进度只对“推进中”的问题填写，未导入`, 'warning');
    return undefined;
  }

  private date(field: 'completedOn' | 'extensionApprovedOn', name: string): IsoDate | undefined {
    const date = this.parsed(field, (v) => parseFormDate(v, this.periodYear));
    const asOf = this.input.ctx.asOf;
    if (date !== undefined && date > asOf) {
      this.report(field, 'form-date-after-as-of', `${name} ${date} 晚于本期统计截止日期 ${asOf}`);
      return undefined;
    }
    return date;
  }

  private evidence(): string[] {
    const text = this.text('evidence');
    const { paths, errors } = resolveEvidence(text, this.input.problem.number, this.input.ctx.evidenceFiles);
    for (const message of errors) this.report('evidence', 'form-evidence', message);
    return paths;
  }

  /** 调整后时限, 调整原因, 批准日期: all three or none, the phrase one the deadline parser understands. */
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
    const parsed = parseDeadline(deadline, approvedOn);
    if (!parsed.ok) this.report('extensionDeadline', 'form-value', parsed.message);
    return { deadline, reason, approvedOn };
  }

  /** The completed-without-date rule, where the clerk can fix it. */
  private checkCompletion(status: Status | undefined, completedOn: IsoDate | undefined): void {
    if (status === undefined || this.diagnostics.some((d) => d.cell === this.address('completedOn'))) return;
    if (isCompleted(status) && completedOn === undefined) this.report('completedOn', 'form-completed-without-date', `整改状态为“${status}”，须填写完成时间`);
    if (!isCompleted(status) && completedOn !== undefined) this.report('completedOn', 'form-completed-without-date', `整改状态为“${status}”，不应填写完成时间（完成后再填）`);
  }

  /**
   * 谁销号、谁签字: a closure is recorded by the office, never typed on a
   * form. 已销号 is accepted when the office has recorded the closure (in
   * this period's file or the one before), which is then kept.
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
      this.report('status', 'form-closure', `整改办已于 ${recorded.date} 录入销号信息，整改状态应为“已销号”`);
    }
    return status === '已销号' ? carried : undefined;
  }
}
