// A plan from a task table an office already has (`zhenggai init
// --from-table`): the header found by its names in any order, one or two
// header rows, category cells merged or repeated, rows split over pages
// joined again, measures split back into a list. What the table cannot give
// (the notice, the plan's prose, category headings) is left empty — empty
// strings fail the schema, so `zhenggai check` names every field the clerk
// must fill, and nothing invented can reach a document.
import { DEFAULT_TASK_TABLE_COLUMNS, FIELD_LABELS, HEADER_SYNONYMS } from '../model/vocabulary.js';
import { TABLE_FIELDS, type TableColumn, type TableField } from '../model/plan-schema.js';
import { splitMeasures } from './table-import-measures.js';

export interface GridCell {
  readonly text: string;
  /** Identity of the cell this place belongs to: covered places share their anchor's. */
  readonly anchor: string;
  /** Covered by a merge from above or the left (the text repeats the anchor's). */
  readonly covered: boolean;
}

export interface TableSource {
  readonly grid: readonly (readonly GridCell[])[];
  /** Paragraphs before the table (Word); absent when rows above the header hold them (Excel). */
  readonly before?: readonly string[];
  /** Where the table is, for the clerk: 工作表“…” or 第 1 个表格. */
  readonly label: string;
  rowLabel(row: number): string;
}

/**
 * Header names per plan field, compared without spaces or line breaks: the
 * field's label, then the other names offices use (both model/vocabulary.ts).
 */
function headerNames(field: TableField): readonly string[] {
  return [FIELD_LABELS[field], ...HEADER_SYNONYMS[field]];
}

/** Fields a narrow column wraps by hand: their line breaks are not part of the value. */
const LABEL_FIELDS: ReadonlySet<TableField> = new Set(['category', 'number', 'deadline', 'responsibleLeader', 'responsiblePerson']);
const OPTIONAL_FIELDS = ['target', 'responsibleLeader', 'responsiblePerson', 'completionStandard', 'remarks'] as const;

function compact(text: string): string {
  return text.replace(/[\s\u3000]+/g, '');
}

export function headerField(text: string): TableField | undefined {
  const name = compact(text);
  const bare = name.replace(/[（(][^）)]*[）)]/g, '');
  for (const candidate of [name, bare]) {
    const found = TABLE_FIELDS.find((f) => headerNames(f).includes(candidate));
    if (found) return found;
  }
  return undefined;
}

// --- header ---------------------------------------------------------------------

interface ColumnSpec {
  readonly index: number;
  readonly header: string;
  readonly group?: string;
  readonly field?: TableField;
}

function headerMatches(row: readonly GridCell[]): number {
  return row.filter((c) => !c.covered && headerField(c.text) !== undefined).length;
}

/**
 * Header rows: the first row with three known names, with the row above or
 * below when it names columns too — a two-row header puts some names under a
 * group in one row and the rest, merged down, in the other.
 */
export function findHeader(grid: TableSource['grid']): { first: number; last: number } | undefined {
  const found = grid.findIndex((row) => headerMatches(row) >= 3);
  if (found < 0) return undefined;
  const namesColumns = (row: readonly GridCell[] | undefined) => row !== undefined && headerMatches(row) > 0 && !hasNumber(row);
  if (namesColumns(grid[found - 1])) return { first: found - 1, last: found };
  return { first: found, last: namesColumns(grid[found + 1]) ? found + 1 : found };
}

/** A problem's row has its number; a header row (even one whose cells read 分管领导) has none. */
function hasNumber(row: readonly GridCell[]): boolean {
  return row.some((c) => !c.covered && /^\s*\d+\s*$/.test(c.text));
}

function columnSpecs(grid: TableSource['grid'], header: { first: number; last: number }): ColumnSpec[] {
  const width = Math.max(...grid.slice(header.first, header.last + 1).map((r) => r.length));
  const taken = new Set<TableField>();
  const specs: ColumnSpec[] = [];
  for (let c = 0; c < width; c += 1) {
    const distinct: GridCell[] = [];
    for (let r = header.first; r <= header.last; r += 1) {
      const cell = grid[r]?.[c];
      if (cell && !distinct.some((d) => d.anchor === cell.anchor)) distinct.push(cell);
    }
    const headerText = (distinct.at(-1)?.text ?? '').trim();
    const group = distinct.length > 1 ? distinct[0]!.text.trim() : undefined;
    const field = headerField(headerText);
    const usable = field !== undefined && !taken.has(field);
    if (usable) taken.add(field);
    specs.push({ index: c, header: headerText, ...(group ? { group } : {}), ...(usable ? { field } : {}) });
  }
  return specs;
}

// --- body -----------------------------------------------------------------------

interface RawProblem {
  readonly row: number;
  readonly number: number;
  readonly texts: Map<TableField, string>;
  readonly extra: Map<number, string>;
}

interface Body {
  problems: RawProblem[];
  /** Rows that are neither a problem nor its continuation: (row, text). */
  skipped: Array<{ row: number; text: string }>;
}

function anchorsOf(row: readonly GridCell[]): GridCell[] {
  return row.filter((c) => !c.covered && c.text.trim() !== '');
}

/** A row that is one merged cell across the table: a note, not a problem. */
function isNoteRow(row: readonly GridCell[]): boolean {
  const anchors = anchorsOf(row);
  if (anchors.length !== 1) return false;
  return row.filter((c) => c.anchor === anchors[0]!.anchor).length >= Math.max(2, row.length / 2);
}

function readBody(grid: TableSource['grid'], specs: readonly ColumnSpec[], from: number): Body {
  const numberColumn = specs.find((s) => s.field === 'number')!.index;
  const body: Body = { problems: [], skipped: [] };
  for (let r = from; r < grid.length; r += 1) {
    const row = grid[r]!;
    if (anchorsOf(row).length === 0 || (headerMatches(row) >= 3 && !hasNumber(row))) continue; // blank, or the header repeated on a new page
    const number = /^\s*(\d+)\s*[.．、]?\s*$/.exec(row[numberColumn]?.text ?? '');
    const current = body.problems.at(-1);
    if (number) body.problems.push(newProblem(row, r, Number(number[1]), specs));
    else if (current && !isNoteRow(row)) continueProblem(current, row, specs);
    else body.skipped.push({ row: r, text: anchorsOf(row).map((c) => c.text.trim()).join(' | ') });
  }
  return body;
}

function newProblem(row: readonly GridCell[], r: number, number: number, specs: readonly ColumnSpec[]): RawProblem {
  const problem: RawProblem = { row: r, number, texts: new Map(), extra: new Map() };
  for (const spec of specs) {
    const text = row[spec.index]?.text ?? '';
    if (spec.field) problem.texts.set(spec.field, text);
    else if (text.trim() !== '') problem.extra.set(spec.index, text.trim());
  }
  return problem;
}

/**
 * A row without a number under a problem: the rest of that problem's text,
 * which the Excel table writer moves to a new sheet row at a page break. Its
 * text runs on without a separator; merged cells (the category) and the
 * number are not repeated.
 */
function continueProblem(problem: RawProblem, row: readonly GridCell[], specs: readonly ColumnSpec[]): void {
  for (const spec of specs) {
    const cell = row[spec.index];
    if (!cell || cell.covered || cell.text.trim() === '' || spec.field === 'category' || spec.field === 'number') continue;
    if (spec.field) problem.texts.set(spec.field, (problem.texts.get(spec.field) ?? '') + cell.text);
    else problem.extra.set(spec.index, (problem.extra.get(spec.index) ?? '') + cell.text.trim());
  }
}

// --- values -----------------------------------------------------------------------

function labelText(text: string): string {
  return text.replace(/\s*\n\s*/g, '').trim();
}

/**
 * Units joined by 、 (or ，；, or one a line). A line break before a bracket
 * is a wrapped name — the seed's 各村\n（社区） — not a second unit.
 */
export function splitUnits(text: string): string[] {
  return text
    .replace(/\s*\n\s*(?=[（(）)])/g, '')
    .split(/[、，,；;\n]+/)
    .map((u) => u.replace(/[\s\u3000]+/g, ''))
    .filter(Boolean);
}

export interface ImportedProblem {
  number: number;
  category: string;
  summary: string;
  measures: string[];
  deadline: string;
  leadUnits: string[];
  cooperatingUnits: string[];
  target?: string;
  responsibleLeader?: string;
  responsiblePerson?: string;
  completionStandard?: string;
  remarks?: string;
}

function fieldValue(raw: RawProblem, field: TableField): string {
  const text = raw.texts.get(field) ?? '';
  return LABEL_FIELDS.has(field) ? labelText(text) : text.replace(/\r\n?/g, '\n').trim();
}

/** Categories by label; a blank category cell (not merged) continues the one above. */
function toProblems(raws: readonly RawProblem[]): ImportedProblem[] {
  let category = '';
  return raws.map((raw) => {
    category = fieldValue(raw, 'category') || category;
    const problem: ImportedProblem = {
      number: raw.number,
      category,
      summary: fieldValue(raw, 'summary'),
      measures: splitMeasures(fieldValue(raw, 'measures')),
      deadline: fieldValue(raw, 'deadline'),
      leadUnits: splitUnits(raw.texts.get('leadUnits') ?? ''),
      cooperatingUnits: splitUnits(raw.texts.get('cooperatingUnits') ?? ''),
    };
    for (const field of OPTIONAL_FIELDS) {
      const value = fieldValue(raw, field);
      if (value !== '') problem[field] = value;
    }
    return problem;
  });
}

// --- the title above the table ------------------------------------------------------

/** The attachment title: the lines after a 附件 label just above the table. */
function titleLines(lines: readonly string[]): string[] {
  const labels = lines.map((l, i) => (/^附件\d*[:：]?$/.test(compact(l)) ? i : -1)).filter((i) => i >= 0);
  const label = labels.at(-1);
  if (label === undefined) return [];
  return lines.slice(label + 1).flatMap((l) => l.split('\n')).map((l) => l.trim()).filter(Boolean);
}

function leadLines(source: TableSource, headerFirst: number): string[] {
  if (source.before) return [...source.before];
  return source.grid.slice(0, headerFirst).map((row) => anchorsOf(row).map((c) => c.text).join('\n'));
}

// --- the result -----------------------------------------------------------------------

export interface TableImport {
  /** Where in the file the table was found. */
  readonly source: string;
  readonly problems: ImportedProblem[];
  readonly categories: string[];
  readonly units: string[];
  /** undefined when the table has the default seven columns. */
  readonly tableColumns?: TableColumn[];
  readonly titleLines: string[];
  /** Columns that map to no plan field, with each problem's text. */
  readonly unmappedColumns: Array<{ header: string; values: Array<{ number: number; text: string }> }>;
  readonly skippedRows: Array<{ row: string; text: string }>;
}

/** The first table in the file whose header names a 序号 column and two more known columns. */
export function importTaskTable(sources: readonly TableSource[]): TableImport | undefined {
  for (const source of sources) {
    const header = findHeader(source.grid);
    if (!header) continue;
    const specs = columnSpecs(source.grid, header);
    if (!specs.some((s) => s.field === 'number')) continue;
    return tableImport(source, header, specs);
  }
  return undefined;
}

function tableImport(source: TableSource, header: { first: number; last: number }, specs: ColumnSpec[]): TableImport {
  const body = readBody(source.grid, specs, header.last + 1);
  const problems = toProblems(body.problems);
  const mapped = specs.filter((s) => s.field !== undefined);
  return {
    source: source.label,
    problems,
    categories: unique(problems.map((p) => p.category).filter(Boolean)),
    units: unique(problems.flatMap((p) => [...p.leadUnits, ...p.cooperatingUnits])),
    ...tableColumnsOf(mapped),
    titleLines: titleLines(leadLines(source, header.first)),
    unmappedColumns: specs
      .filter((s) => s.field === undefined && (s.header !== '' || body.problems.some((p) => p.extra.has(s.index))))
      .map((s) => ({ header: s.header, values: body.problems.filter((p) => p.extra.has(s.index)).map((p) => ({ number: p.number, text: p.extra.get(s.index)! })) })),
    skippedRows: body.skipped.map((s) => ({ row: source.rowLabel(s.row), text: s.text })),
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** The table's columns as plan.tableColumns, left out when they are the default seven. */
function tableColumnsOf(mapped: readonly ColumnSpec[]): { tableColumns?: TableColumn[] } {
  const columns: TableColumn[] = mapped.map((s) => ({ field: s.field!, header: s.header, ...(s.group ? { group: s.group } : {}) }));
  const same =
    columns.length === DEFAULT_TASK_TABLE_COLUMNS.length &&
    columns.every((c, i) => {
      const d = DEFAULT_TASK_TABLE_COLUMNS[i]!;
      return c.field === d.field && c.header === d.header && c.group === d.group;
    });
  return same ? {} : { tableColumns: columns };
}
