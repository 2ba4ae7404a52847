// A plan from a task table an office already has (`zhenggai init
// --from-table`): the header found by its names in any order and in the
// wordings offices use (model/vocabulary.ts), or as the clerk maps it
// (--map); one or two header rows; categories from a column (merged,
// repeated or left blank below) or from section rows (一、… （一）…); the 序号
// as the clerk sees it (full-width, Word's automatic numbering, restarting in
// each section); rows split over pages joined again, and a problem spread
// over merged rows; measures split back into a list. What the table cannot
// give (the notice, the plan's prose) is left empty — empty strings fail the
// schema, so `zhenggai check` names every field the clerk must fill, and
// nothing invented can reach a document. When no table can be read, the
// reason says what was found and what was expected.
import { DEFAULT_SHOWN_AS, formatShownNumber } from '../model/numbering.js';
import { DEFAULT_TASK_TABLE_COLUMNS, FIELD_LABELS, HEADER_ENDINGS, HEADER_SECOND_CHOICE, HEADER_SYNONYMS } from '../model/vocabulary.js';
import { TABLE_FIELDS, type TableColumn, type TableField } from '../model/plan-schema.js';
import { splitMeasureLines, splitMeasures } from './table-import-measures.js';
import { ordinalOnly, parseSerial, sectionOrdinal, sectionTitle } from './table-import-ordinals.js';
import type { CellLine, GridCell, TableSource } from './table-import-grid.js';

export type { CellLine, GridCell, TableSource } from './table-import-grid.js';

/** Headers mapped by hand (--map), by their compact text: a field, or null to leave the column out. */
export type HeaderMap = ReadonlyMap<string, TableField | null>;

/** How a column's header was read: the field's label, another name offices use, that name beside the label, its ending, or --map. */
export type HeaderReading = 'label' | 'name' | 'beside' | 'ending' | 'map';

/** Headers compare without white space, line breaks and full-width forms: 问题\n类别 is 问题类别. */
export function compactHeader(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

function withoutNote(name: string): string {
  return name.replace(/\([^)]*\)/g, '');
}

/** Longer than any header's ending rule applies to: a long cell is text, not a header. */
const MAX_ENDING_HEADER = 12;
const ENDINGS = [...HEADER_ENDINGS].sort((a, b) => b[0].length - a[0].length);

interface HeaderMatch {
  /** undefined: the clerk left the column out (--map 表头=none). */
  readonly field?: TableField;
  /** The field when the first is taken by a column with a better name (责任单位 beside 牵头单位). */
  readonly second?: TableField;
  readonly rank: number;
  readonly reading: HeaderReading;
}

function headerMatch(text: string, map?: HeaderMap): HeaderMatch | undefined {
  const name = compactHeader(text);
  if (name === '') return undefined;
  // A required-field mark or a colon after the name (整改时限*, 序号：) is not part of it.
  const plain = name.replace(/[*:]+$/u, '');
  const keys = [...new Set([name, plain, withoutNote(plain)])].filter(Boolean);
  for (const key of keys) {
    if (map?.has(key)) {
      const field = map.get(key);
      return field ? { field, rank: 0, reading: 'map' } : { rank: 0, reading: 'map' };
    }
  }
  for (const key of keys) {
    const field = TABLE_FIELDS.find((f) => FIELD_LABELS[f] === key);
    if (field) return { field, rank: 1, reading: 'label' };
  }
  for (const key of keys) {
    const field = TABLE_FIELDS.find((f) => HEADER_SYNONYMS[f].includes(key));
    const second = HEADER_SECOND_CHOICE[key];
    if (field) return { field, rank: 2, reading: 'name', ...(second ? { second } : {}) };
  }
  const bare = keys.at(-1)!;
  if (bare.length <= MAX_ENDING_HEADER) {
    const ending = ENDINGS.find(([e]) => bare.endsWith(e));
    if (ending) return { field: ending[1], rank: 3, reading: 'ending' };
  }
  return undefined;
}

/** The field a header names (label, another name, ending, or --map), if any. */
export function headerField(text: string, map?: HeaderMap): TableField | undefined {
  return headerMatch(text, map)?.field;
}

// --- header ---------------------------------------------------------------------

interface ColumnSpec {
  readonly index: number;
  readonly header: string;
  readonly group?: string;
  readonly field?: TableField;
  readonly reading?: HeaderReading;
}

interface HeaderRows {
  readonly first: number;
  readonly last: number;
}

function anchorsOf(row: readonly GridCell[]): GridCell[] {
  return row.filter((c) => !c.covered && c.text.trim() !== '');
}

function headerMatches(row: readonly GridCell[], map?: HeaderMap, maxRank = 3): number {
  return row.filter((c) => {
    if (c.covered) return false;
    const match = headerMatch(c.text, map);
    return match?.field !== undefined && match.rank <= maxRank;
  }).length;
}

/** A row that starts with a section's ordinal (一、… （一）… or 一 alone): a category, never column names. */
function startsSection(row: readonly GridCell[]): boolean {
  const first = anchorsOf(row)[0];
  return first !== undefined && (sectionOrdinal(first.text) !== undefined || ordinalOnly(first.text) !== undefined);
}

/** Arabic digits alone in a cell: a data row, not a header row. */
function hasNumber(row: readonly GridCell[]): boolean {
  return row.some((c) => !c.covered && /^\d+$/.test(compactHeader(c.text)));
}

/** One cell across the whole row: a title or a note, never a row of column names. */
function spansRow(row: readonly GridCell[]): boolean {
  const anchors = anchorsOf(row);
  return anchors.length === 1 && row.filter((c) => c.anchor === anchors[0]!.anchor).length === row.length;
}

/**
 * Header rows: the first row with three known names, with the row above or
 * below when it names columns too — a two-row header puts some names under a
 * group in one row and the rest, merged down, in the other.
 */
export function findHeader(grid: TableSource['grid'], map?: HeaderMap): HeaderRows | undefined {
  const found = grid.findIndex((row) => headerMatches(row, map) >= 3);
  if (found < 0) return undefined;
  // A second header row names columns by their labels or other names (an ending alone is too weak a sign there).
  const namesColumns = (row: readonly GridCell[] | undefined) => row !== undefined && headerMatches(row, map, 2) > 0 && !hasNumber(row) && !spansRow(row) && !startsSection(row);
  if (namesColumns(grid[found - 1])) return { first: found - 1, last: found };
  return { first: found, last: namesColumns(grid[found + 1]) ? found + 1 : found };
}

function columnHeaders(grid: TableSource['grid'], header: HeaderRows): Array<{ header: string; group?: string }> {
  const width = Math.max(...grid.slice(header.first, header.last + 1).map((r) => r.length));
  const columns: Array<{ header: string; group?: string }> = [];
  for (let c = 0; c < width; c += 1) {
    const distinct: GridCell[] = [];
    for (let r = header.first; r <= header.last; r += 1) {
      const cell = grid[r]?.[c];
      if (cell && !distinct.some((d) => d.anchor === cell.anchor)) distinct.push(cell);
    }
    const group = distinct.length > 1 ? distinct[0]!.text.trim() : undefined;
    columns.push({ header: (distinct.at(-1)?.text ?? '').trim(), ...(group ? { group } : {}) });
  }
  return columns;
}

/**
 * Columns to fields: --map first, then labels, then other names, then
 * endings, each field once, left to right within a rank; a name that means
 * another field beside a better one (责任单位 beside 牵头单位) takes that
 * field if it is still free.
 */
function columnSpecs(grid: TableSource['grid'], header: HeaderRows, map?: HeaderMap): ColumnSpec[] {
  const columns = columnHeaders(grid, header);
  const matches = columns.map((c) => headerMatch(c.header, map));
  const assigned = new Map<number, { field: TableField; reading: HeaderReading }>();
  const taken = new Set<TableField>();
  const order = matches.map((m, index) => ({ m, index })).filter((x) => x.m?.field !== undefined);
  order.sort((a, b) => a.m!.rank - b.m!.rank || a.index - b.index);
  for (const { m, index } of order) {
    if (taken.has(m!.field!)) continue;
    taken.add(m!.field!);
    assigned.set(index, { field: m!.field!, reading: m!.reading });
  }
  for (const { m, index } of order) {
    if (assigned.has(index) || m!.second === undefined || taken.has(m!.second)) continue;
    taken.add(m!.second);
    assigned.set(index, { field: m!.second, reading: 'beside' });
  }
  return columns.map((c, index) => ({ index, ...c, ...(assigned.get(index) ?? {}) }));
}

// --- body -----------------------------------------------------------------------

interface RawProblem {
  /** Where the problem's row is, for the clerk. */
  readonly where: string;
  number: number;
  readonly serial: string;
  readonly texts: Map<TableField, string>;
  /** The measures' text in parts: one per row of a problem spread over merged rows. */
  readonly measureParts: string[];
  /** The measures cell's paragraphs, while they are the whole of the measures. */
  lines?: readonly CellLine[];
  readonly extra: Map<number, string>;
  readonly section?: string;
  readonly notes: Array<{ header: string; note: string }>;
}

interface Body {
  problems: RawProblem[];
  /** Rows that are neither a problem nor its continuation: where, and their text. */
  skipped: Array<{ where: string; text: string }>;
}

/** The section headings in force (一、 is level 1, （一） level 2), carried from one table to the next. */
type Sections = { 1?: string; 2?: string };

function enterSection(sections: Sections, section: { level: 1 | 2; title: string }): void {
  if (section.level === 1) delete sections[2];
  sections[section.level] = section.title;
}

/** A section heading written as a paragraph between tables (一、交叉核查发现问题). */
function paragraphSection(text: string): { level: 1 | 2; title: string } | undefined {
  const ordinal = sectionOrdinal(text.trim());
  const title = ordinal && sectionTitle(ordinal.rest);
  return ordinal && title && title.length <= MAX_SECTION_TITLE ? { level: ordinal.level, title } : undefined;
}

/** A row that is one merged cell across the table: a note, not a problem. */
function isNoteRow(row: readonly GridCell[]): boolean {
  const anchors = anchorsOf(row);
  if (anchors.length !== 1) return false;
  return row.filter((c) => c.anchor === anchors[0]!.anchor).length >= Math.max(2, row.length / 2);
}

/** Longer than a section heading runs: such a row is a problem's text, not a category. */
const MAX_SECTION_TITLE = 50;

/**
 * A section row (一、… or （一）…, in one cell that spans the row or stands at
 * its start, or an ordinal in the 序号 cell with the heading beside it): the
 * category of the problems below it.
 */
function sectionOf(row: readonly GridCell[], numberColumn: number): { level: 1 | 2; title: string } | undefined {
  const anchors = anchorsOf(row);
  const columnOf = (cell: GridCell) => row.findIndex((c) => c.anchor === cell.anchor);
  const widthOf = (cell: GridCell) => row.filter((c) => c.anchor === cell.anchor).length;
  let found: { level: 1 | 2; rest: string } | undefined;
  if (anchors.length === 1) {
    const only = anchors[0]!;
    if (columnOf(only) > numberColumn + 1 && widthOf(only) < row.length / 2) return undefined;
    found = sectionOrdinal(only.text);
  } else if (anchors.length === 2 && columnOf(anchors[0]!) === numberColumn) {
    const ordinal = ordinalOnly(anchors[0]!.text);
    if (ordinal) found = { level: ordinal.level, rest: sectionOrdinal(anchors[1]!.text)?.rest ?? anchors[1]!.text };
  }
  if (!found) return undefined;
  const title = sectionTitle(found.rest);
  return title !== '' && title.length <= MAX_SECTION_TITLE ? { level: found.level, title } : undefined;
}

/** One table of the task table: a Word document may hold it as several tables, each with its header. */
interface TablePart {
  readonly source: TableSource;
  /** undefined for a table that continues the one before without a header of its own. */
  readonly header?: HeaderRows;
  readonly specs: readonly ColumnSpec[];
}

function readBody(parts: readonly TablePart[], map?: HeaderMap, sections: Sections = {}): Body {
  const body: Body = { problems: [], skipped: [] };
  parts.forEach((part, k) => {
    const { source, specs } = part;
    if (k > 0) {
      // Section headings written as paragraphs between this table and the one before.
      for (const text of source.before?.slice(parts[k - 1]!.source.before?.length ?? 0) ?? []) {
        const section = paragraphSection(text);
        if (section) enterSection(sections, section);
      }
    }
    const where = (r: number) => (parts.length > 1 ? `${source.label}${source.rowLabel(r)}` : source.rowLabel(r));
    const numberColumn = specs.find((s) => s.field === 'number')!.index;
    for (let r = (part.header?.last ?? -1) + 1; r < source.grid.length; r += 1) {
      const row = source.grid[r]!;
      const numberCell = row[numberColumn];
      const serial = numberCell && !numberCell.covered ? parseSerial(numberCell.text) : undefined;
      if (anchorsOf(row).length === 0 || (headerMatches(row, map) >= 3 && serial === undefined)) continue; // blank, or the header repeated on a new page
      const section = sectionOf(row, numberColumn);
      if (section) {
        enterSection(sections, section);
        continue;
      }
      const current = body.problems.at(-1);
      if (serial !== undefined) body.problems.push(newProblem(row, where(r), { number: serial, serial: numberCell!.text.trim() }, specs, sections[2] ?? sections[1]));
      else if (current && (!numberCell || numberCell.covered || numberCell.text.trim() === '') && !isNoteRow(row)) continueProblem(current, row, specs);
      else body.skipped.push({ where: where(r), text: anchorsOf(row).map((c) => c.text.trim()).join(' | ') });
    }
  });
  return body;
}

function newProblem(row: readonly GridCell[], where: string, at: { number: number; serial: string }, specs: readonly ColumnSpec[], section: string | undefined): RawProblem {
  const problem: RawProblem = { where, ...at, texts: new Map(), measureParts: [], extra: new Map(), notes: [], ...(section ? { section } : {}) };
  for (const spec of specs) {
    const cell = row[spec.index];
    const text = cell?.text ?? '';
    if (cell?.note && spec.field !== undefined) problem.notes.push({ header: spec.header, note: cell.note });
    if (spec.field === 'measures') {
      problem.measureParts.push(text);
      if (cell?.lines) problem.lines = cell.lines;
    } else if (spec.field) problem.texts.set(spec.field, text);
    else if (text.trim() !== '') problem.extra.set(spec.index, text.trim());
  }
  return problem;
}

const UNIT_FIELDS: ReadonlySet<TableField> = new Set(['leadUnits', 'cooperatingUnits']);

/**
 * A row without a number under a problem. With an empty 序号 cell it is the
 * rest of that problem's text, which an Excel table writer moves to a new
 * sheet row at a page break: its text runs on without a separator. With the
 * 序号 cell merged down over it, the problem takes several rows — a measure
 * a row, say — and each row's text is a new part: a measure, a unit (、), a
 * line, or for a one-line field (a deadline) a second value after ；, which
 * `check` then questions. Merged cells (the category) are not repeated either way.
 */
function continueProblem(problem: RawProblem, row: readonly GridCell[], specs: readonly ColumnSpec[]): void {
  const numberCell = row[specs.find((s) => s.field === 'number')!.index];
  const merged = numberCell?.covered === true;
  for (const spec of specs) {
    const cell = row[spec.index];
    if (!cell || cell.covered || cell.text.trim() === '' || spec.field === 'category' || spec.field === 'number') continue;
    if (cell.note && spec.field !== undefined) problem.notes.push({ header: spec.header, note: cell.note });
    if (spec.field === 'measures') {
      problem.lines = undefined;
      if (merged || problem.measureParts.length === 0) problem.measureParts.push(cell.text);
      else problem.measureParts[problem.measureParts.length - 1] += cell.text;
    } else if (spec.field) {
      const before = problem.texts.get(spec.field) ?? '';
      const separator = !merged || before.trim() === '' ? '' : UNIT_FIELDS.has(spec.field) ? '、' : LABEL_FIELDS.has(spec.field) ? '；' : '\n';
      problem.texts.set(spec.field, before + separator + cell.text);
    } else {
      const before = problem.extra.get(spec.index) ?? '';
      problem.extra.set(spec.index, before + (merged && before !== '' ? '\n' : '') + cell.text.trim());
    }
  }
}

/**
 * Numbers that start again at 1 in each part of the table that is not a
 * category (each Word table of one list: restartsPerCategory keeps those that
 * restart per category), every part counting 1, 2, 3 … without a gap: a plan
 * not numbered per category numbers its problems 1..N once
 * (docs/domain.md#problem-numbers), so they are numbered on in table order,
 * and the clerk is told each change. Any other irregularity is kept as read,
 * for `zhenggai check` to point out.
 */
function renumber(problems: RawProblem[]): Renumbering[] {
  const numbers = problems.map((p) => p.number);
  if (numbers.every((n, i) => n === i + 1)) return [];
  const parts: RawProblem[][] = [];
  for (const p of problems) {
    if (p.number === 1 || parts.length === 0) parts.push([]);
    parts.at(-1)!.push(p);
  }
  if (parts.length < 2 || !parts.every((part) => part.every((p, i) => p.number === i + 1))) return [];
  return problems.map((p, i) => {
    const change: Renumbering = { from: p.number, to: i + 1, serial: p.serial, ...(p.section ? { section: p.section } : {}) };
    p.number = i + 1;
    return change;
  });
}

/**
 * True when the numbers start again at 1 in each category, each category's
 * problems standing together (one merged category cell or one section each),
 * and there are at least two categories: the table numbers per category
 * (docs/domain.md#problem-numbers), the way the county refers to its
 * problems, so the numbers are kept. A slip inside a category (1, 2, 2 or
 * 1, 2, 4) does not make it a plan numbered plan-wide: the numbers are kept
 * as read and `check` names the category and the number (it once turned the
 * plan plan-wide, and check then reported every restart as a duplicate).
 */
function restartsPerCategory(problems: readonly ImportedProblem[]): boolean {
  const runs: ImportedProblem[][] = [];
  for (const [i, p] of problems.entries()) {
    if (i === 0 || p.category !== problems[i - 1]!.category) runs.push([]);
    runs.at(-1)!.push(p);
  }
  const categories = runs.map((run) => run[0]!.category);
  if (runs.length < 2 || categories.includes('') || new Set(categories).size !== runs.length) return false;
  return runs.every((run) => run[0]!.number === 1);
}

// --- values -----------------------------------------------------------------------

/** Fields a narrow column wraps by hand: their line breaks are not part of the value. */
const LABEL_FIELDS: ReadonlySet<TableField> = new Set(['category', 'number', 'deadline', 'responsibleLeader', 'responsiblePerson']);
const OPTIONAL_FIELDS = ['target', 'responsibleLeader', 'responsiblePerson', 'completionStandard', 'remarks'] as const;

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

function measuresOf(raw: RawProblem): string[] {
  const parts = raw.measureParts.map((p) => p.replace(/\r\n?/g, '\n').trim()).filter(Boolean);
  if (raw.lines && parts.length === 1) return splitMeasureLines(raw.lines) ?? splitMeasures(parts[0]!);
  if (parts.length <= 1) return splitMeasures(parts[0] ?? '');
  // A measure a row: the rows' own numbers (1. 2. …) split them as one text would; without numbers, each row is one measure.
  const joined = splitMeasures(parts.join('\n'));
  return joined.length >= parts.length ? joined : parts.flatMap((p) => splitMeasures(p));
}

/**
 * Categories by label: the category cell, else the section the problem
 * stands in, else (a blank cell, not merged) the category of the problem above.
 */
function toProblems(raws: readonly RawProblem[]): { problems: ImportedProblem[]; headings: Map<string, string> } {
  let category = '';
  const headings = new Map<string, string>();
  const problems = raws.map((raw) => {
    const own = fieldValue(raw, 'category');
    category = own || raw.section || category;
    if (!own && raw.section) headings.set(raw.section, raw.section);
    const problem: ImportedProblem = {
      number: raw.number,
      category,
      summary: fieldValue(raw, 'summary'),
      measures: measuresOf(raw),
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
  return { problems, headings };
}

// --- the title above the table ------------------------------------------------------

/**
 * The attachment title: the lines after a 附件 label just above the table,
 * without a section heading that stands last (一、… just above the table
 * starts its first section).
 */
function titleLines(lines: readonly string[]): string[] {
  const labels = lines.map((l, i) => (/^附件\d*[:：]?$/.test(compactHeader(l)) ? i : -1)).filter((i) => i >= 0);
  const label = labels.at(-1);
  if (label === undefined) return [];
  const after = lines.slice(label + 1).flatMap((l) => l.split('\n')).map((l) => l.trim()).filter(Boolean);
  while (after.length > 0 && paragraphSection(after.at(-1)!)) after.pop();
  return after;
}

/** Sections opened by headings between the 附件 title and a Word table. */
function leadingSections(source: TableSource): Sections {
  const sections: Sections = {};
  const lines = source.before ?? [];
  let start = lines.length;
  while (start > 0 && (lines[start - 1]!.trim() === '' || paragraphSection(lines[start - 1]!))) start -= 1;
  for (const line of lines.slice(start)) {
    const section = paragraphSection(line);
    if (section) enterSection(sections, section);
  }
  return sections;
}

function leadLines(source: TableSource, headerFirst: number): string[] {
  if (source.before) return [...source.before];
  return source.grid.slice(0, headerFirst).map((row) => anchorsOf(row).map((c) => c.text).join('\n'));
}

// --- the result -----------------------------------------------------------------------

/** A problem numbered anew because the table's numbers start again in each part. */
export interface Renumbering {
  readonly from: number;
  readonly to: number;
  /** The 序号 cell as written. */
  readonly serial: string;
  readonly section?: string;
}

export interface TableImport {
  /** Where in the file the table was found. */
  readonly source: string;
  readonly problems: ImportedProblem[];
  readonly categories: string[];
  /** Headings of categories read from section rows (一、…), by label. */
  readonly categoryHeadings: ReadonlyMap<string, string>;
  readonly units: string[];
  /** undefined when the table has the default seven columns. */
  readonly tableColumns?: TableColumn[];
  readonly titleLines: string[];
  /** Columns whose header is not the field's label, and how it was read. */
  readonly readings: Array<{ header: string; field: TableField; reading: HeaderReading }>;
  /** Columns that map to no plan field, with each problem's text. */
  readonly unmappedColumns: Array<{ header: string; values: Array<{ number: string; text: string }> }>;
  /** Fields every problem needs (REQUIRED_FIELDS) that no column of the table was read as. */
  readonly missingFields: readonly TableField[];
  readonly skippedRows: Array<{ row: string; text: string }>;
  readonly renumbered: Renumbering[];
  /** The table numbers its problems 1, 2, 3 … again in each category: plan.json keeps the numbers and says so (plan.numbering, model/numbering.ts). */
  readonly numberedByCategory: boolean;
  /** Cells of problems whose value the clerk should check (error values, formulas never calculated). */
  readonly cellNotes: Array<{ row: string; number: string; header: string; note: string }>;
  /** Word tables without a header read as continuing the task table. */
  readonly headerless: string[];
  /** Other tables or sheets that look like task tables, not read. */
  readonly otherTables: string[];
}

export type TableRead = { readonly ok: true; readonly table: TableImport } | { readonly ok: false; readonly reason: string };

export interface TableReadOptions {
  /** Headers mapped by hand; a header the chosen table lacks is refused. */
  readonly map?: HeaderMap;
}

/** The first table in the file whose header names a 序号 column and two more known columns. */
export function importTaskTable(sources: readonly TableSource[], options: TableReadOptions = {}): TableImport | undefined {
  const read = readTaskTable(sources, options);
  return read.ok ? read.table : undefined;
}

/**
 * The task table of a file, or why there is none to read: what was found
 * (the tables, their header rows, what each header was read as, the 序号
 * cells under the header) and what was expected.
 */
export function readTaskTable(sources: readonly TableSource[], options: TableReadOptions = {}): TableRead {
  const { map } = options;
  const shown = sources.filter((s) => !s.hidden);
  for (const [i, source] of shown.entries()) {
    const header = findHeader(source.grid, map);
    if (!header) continue;
    const specs = columnSpecs(source.grid, header, map);
    if (!specs.some((s) => s.field === 'number')) continue;
    const unknown = [...(map?.keys() ?? [])].filter((key) => !specs.some((s) => [compactHeader(s.header), withoutNote(compactHeader(s.header))].includes(key)));
    if (unknown.length > 0) {
      return { ok: false, reason: `--map 中的表头${unknown.map((k) => `“${k}”`).join('')}不在${source.label}的表头中；表头有：${specs.filter((s) => s.header !== '').map((s) => `“${oneLine(s.header)}”`).join('')} (header not in the table)` };
    }
    if (!specs.some((s) => s.field === 'summary')) return { ok: false, reason: missingColumnsReason(source, header, specs, ['summary']) };
    const { parts, others } = laterParts({ source, header, specs }, shown.slice(i + 1), map);
    const table = tableImport(parts, others, map);
    if (table.problems.length === 0) return { ok: false, reason: noRowsReason(source, header, specs) };
    return { ok: true, table };
  }
  return { ok: false, reason: noTableReason(shown, sources.filter((s) => s.hidden).map((s) => s.label), map) };
}

function sameColumns(a: readonly ColumnSpec[], b: readonly ColumnSpec[]): boolean {
  return a.length === b.length && a.every((s, i) => s.field === b[i]!.field);
}

/**
 * The tables after the first that continue it. In Word, a task table is often
 * several tables — one per section, or split by hand — each with the same
 * header, or with none at all; they are read on, in order. Other tables and
 * sheets that look like task tables are not read, and the clerk is told.
 */
function laterParts(first: TablePart, rest: readonly TableSource[], map?: HeaderMap): { parts: TablePart[]; others: string[] } {
  const parts: TablePart[] = [first];
  const others: string[] = [];
  for (const source of rest) {
    const header = findHeader(source.grid, map);
    const specs = header && columnSpecs(source.grid, header, map);
    const isWord = first.source.before !== undefined && source.before !== undefined;
    if (header && specs && isWord && sameColumns(first.specs, specs)) parts.push({ source, header, specs });
    else if (!header && isWord && source.grid.every((row) => row.length === first.specs.length) && continuesWithNumbers(source, first.specs)) parts.push({ source, specs: first.specs });
    else if (specs?.some((s) => s.field === 'number')) others.push(source.label);
  }
  return { parts, others };
}

/** A table without a header whose 序号 column holds problem numbers. */
function continuesWithNumbers(source: TableSource, specs: readonly ColumnSpec[]): boolean {
  const numberColumn = specs.find((s) => s.field === 'number')!.index;
  return source.grid.some((row) => row[numberColumn] !== undefined && !row[numberColumn]!.covered && parseSerial(row[numberColumn]!.text) !== undefined);
}

function tableImport(parts: readonly TablePart[], others: readonly string[], map?: HeaderMap): TableImport {
  const { source, header, specs } = parts[0]!;
  const body = readBody(parts, map, leadingSections(source));
  // Numbers restarting in each category are kept as the table has them (the plan says it numbers per category); other restarts are numbered on.
  const byCategory = restartsPerCategory(toProblems(body.problems).problems);
  const renumbered = byCategory ? [] : renumber(body.problems);
  const { problems, headings } = toProblems(body.problems);
  const categories = unique(problems.map((p) => p.category).filter(Boolean));
  // The to-do list names a problem as documents will show it: 二-3 in a table numbered per category.
  const shown = new Map(body.problems.map((raw, i) => [raw, byCategory ? formatShownNumber(DEFAULT_SHOWN_AS, categories.indexOf(problems[i]!.category) + 1, raw.number) : String(raw.number)]));
  const mapped = specs.filter((s) => s.field !== undefined);
  return {
    source: parts.length > 1 ? `${parts.map((p) => p.source.label).join('、')}` : source.label,
    problems,
    categories,
    categoryHeadings: headings,
    units: unique(problems.flatMap((p) => [...p.leadUnits, ...p.cooperatingUnits])),
    ...tableColumnsOf(mapped),
    titleLines: titleLines(leadLines(source, header!.first)),
    readings: mapped.filter((s) => s.reading !== 'label').map((s) => ({ header: s.header, field: s.field!, reading: s.reading! })),
    missingFields: REQUIRED_FIELDS.filter((field) => !mapped.some((s) => s.field === field)),
    unmappedColumns: specs
      .filter((s) => s.field === undefined && (s.header !== '' || body.problems.some((p) => p.extra.has(s.index))))
      .map((s) => ({ header: s.header, values: body.problems.filter((p) => p.extra.has(s.index)).map((p) => ({ number: shown.get(p)!, text: p.extra.get(s.index)! })) })),
    skippedRows: body.skipped.map((s) => ({ row: s.where, text: s.text })),
    renumbered,
    numberedByCategory: byCategory,
    cellNotes: body.problems.flatMap((p) => p.notes.map((n) => ({ row: p.where, number: shown.get(p)!, ...n }))),
    headerless: parts.filter((p) => p.header === undefined).map((p) => p.source.label),
    otherTables: [...others],
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

// --- why a table cannot be read ------------------------------------------------------------

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, '');
}

/** Every field with its label, as --map takes them. */
export function mapFieldList(): string {
  return TABLE_FIELDS.map((f) => `${f}（${FIELD_LABELS[f]}）`).join('、');
}

const EXPECTED = `应有一行表头，含“${FIELD_LABELS.number}”列和至少两个其他已知列名（如${(['summary', 'measures', 'deadline', 'leadUnits'] as const).map((f) => `“${FIELD_LABELS[f]}”`).join('')}）`;

/** The row of a table that looks most like its header: the most known names among its first rows, else its first full row. */
function likelyHeader(source: TableSource, map?: HeaderMap): number | undefined {
  const rows = source.grid.slice(0, 20);
  let best: number | undefined;
  rows.forEach((row, r) => {
    if (headerMatches(row, map) > (best === undefined ? 0 : headerMatches(rows[best]!, map))) best = r;
  });
  return best ?? rows.findIndex((row) => anchorsOf(row).length >= 2);
}

function describeHeader(source: TableSource, r: number, map?: HeaderMap): string {
  const cells = anchorsOf(source.grid[r]!).map((c) => c.text);
  const known = cells.map((t) => [t, headerField(t, map)] as const).filter(([, f]) => f !== undefined);
  const unknown = cells.filter((t) => headerField(t, map) === undefined);
  const lines = [`- ${source.label}${source.rowLabel(r)}：${cells.map(oneLine).join(' | ')}`];
  lines.push(`  已识别：${known.length === 0 ? '（无）' : known.map(([t, f]) => `${oneLine(t)}→${FIELD_LABELS[f!]}`).join('、')}；未识别：${unknown.length === 0 ? '（无）' : unknown.map(oneLine).join('、')}`);
  if (!known.some(([, f]) => f === 'number')) lines.push(`  缺少“${FIELD_LABELS.number}”列`);
  return lines.join('\n');
}

function noTableReason(sources: readonly TableSource[], hidden: readonly string[], map?: HeaderMap): string {
  const found = sources
    .map((s) => ({ s, r: likelyHeader(s, map) }))
    .filter((x): x is { s: TableSource; r: number } => x.r !== undefined && x.r >= 0)
    .map((x) => describeHeader(x.s, x.r, map));
  return [
    `没有找到任务分解表 (no task table found)：${EXPECTED}。`,
    found.length === 0 ? '文件中没有表格，或表格是空的。' : `找到的表格：\n${found.join('\n')}`,
    ...(hidden.length > 0 ? [`${hidden.join('、')}是隐藏的，未读取；如任务分解表在其中，请在 Excel 中取消隐藏后再运行 init。`] : []),
    `表头写法不同时，可用 --map "表头=字段" 指定，字段有：${mapFieldList()}。`,
  ].join('\n');
}

/**
 * The fields every problem must have (plan-schema.ts). Before, init wrote
 * empty summaries or no lead units and said nothing (a table headed
 * 问题清单, 整改要求 …). A table without a column for the problem itself
 * gives no plan: init stops and names the headers it could not read; for the
 * others init writes the plan and says which columns were not found
 * (TableImport.missingFields), so the clerk maps them or fills them in.
 */
export const REQUIRED_FIELDS: readonly TableField[] = ['summary', 'measures', 'deadline', 'leadUnits'];

/** The headers no field was read from, on one line each: perhaps the missing columns under other names. */
function unreadHeaders(headers: readonly { header: string; field?: TableField }[]): string[] {
  return headers.filter((s) => s.field === undefined && s.header.trim() !== '').map((s) => oneLine(s.header));
}

const quoted = (texts: readonly string[]) => texts.map((t) => `“${t}”`).join('');

function missingColumnsReason(source: TableSource, header: HeaderRows, specs: readonly ColumnSpec[], missing: readonly TableField[]): string {
  const unread = unreadHeaders(specs);
  return [
    `${source.label}的表头（${source.rowLabel(header.first)}）中没有${quoted(missing.map((f) => FIELD_LABELS[f]))}列 (no column for ${missing.join(', ')})。`,
    unread.length > 0 ? `未识别的表头：${quoted(unread)}。` : '表头中没有其他列。',
    `请用 --map "表头=字段" 指定，如 --map "${unread[0] ?? '问题清单'}=${missing[0]}"；字段有：${mapFieldList()}。`,
  ].join('\n');
}

/**
 * What init says when the plan it wrote lacks columns every problem needs
 * (TableImport.missingFields; empty string when none): which, and the headers
 * it did not read, which may be them.
 */
export function missingColumnsNote(table: TableImport): string {
  if (table.missingFields.length === 0) return '';
  const unread = unreadHeaders(table.unmappedColumns);
  const hint = unread.length > 0 ? `未识别的表头：${quoted(unread)}；如是这些列，请删去 plan.json 后用 --map "表头=字段" 重新导入` : '请在 plan.json 中补填';
  return `注意 (warning)：表格中没有${quoted(table.missingFields.map((f) => FIELD_LABELS[f]))}列，plan.json 中这些内容为空；${hint} (no column for ${table.missingFields.join(', ')})`;
}

function noRowsReason(source: TableSource, header: HeaderRows, specs: readonly ColumnSpec[]): string {
  const numberSpec = specs.find((s) => s.field === 'number')!;
  const seen: string[] = [];
  for (let r = header.last + 1; r < source.grid.length && seen.length < 5; r += 1) {
    const row = source.grid[r]!;
    if (anchorsOf(row).length === 0) continue;
    const cell = row[numberSpec.index];
    const shown = !cell || cell.text.trim() === '' ? '（空）' : `“${oneLine(cell.text)}”`;
    const why = cell?.lines?.some((l) => l.bullet) ? '（Word 项目符号，不是编号）' : cell?.note ? `（${cell.note}）` : '';
    seen.push(`${source.rowLabel(r)}${shown}${why}`);
  }
  return [
    `${source.label}的表头（${source.rowLabel(header.first)}${header.last > header.first ? `至${source.rowLabel(header.last)}` : ''}）下没有带序号的问题行 (no numbered rows)。`,
    `“${oneLine(numberSpec.header)}”列中是：${seen.length === 0 ? '（表头下没有内容）' : seen.join('、')}；应为 1、2、3……（全角数字、Word 自动编号也可以）。`,
  ].join('\n');
}
