// The roll-up ledger (汇总台账, docs/domain.md#roll-up) as the ledger's model,
// drawn by the town ledger's renderer (render/xlsx/ledger.ts):
// - 台账: every problem of every unit, one row each, the unit first (乡镇, or
//   区县 and 乡镇 in a city's), the 预警 colours, the status drop-down and
//   filter buttons — a row is a whole problem, so sorting and filtering work;
// - 统计: by unit and by category, with totals, the town ledger's columns.
// Wording from templates/rollup-ledger.hbs; headers from the vocabulary. Pure.

import { WARNING_WORDS, PERIOD_KEYS, type LedgerModel, type SummaryRow, type SummaryTable } from '../model/document/ledger.js';
import type { TaskTableColumn, TaskTableModel } from '../model/document/task-table.js';
import { STATUSES } from '../model/progress-schema.js';
import { ROLLUP_LABELS, rollupLevelAt, type RollupFigures, type RollupFile, type RollupLevel, type RollupProblem } from '../model/rollup.js';
import { FIELD_LABELS, SUMMARY_LABELS } from '../model/vocabulary.js';
import { textWidthEm } from '../layout/text-width.js';
import type { TemplateSet } from '../templates/load.js';
import { renderPhrases } from '../templates/phrases.js';
import { LEDGER_SHEET_NAMES, SUMMARY_HEADERS } from './ledger.js';

export const ROLLUP_LEDGER_PHRASES = ['title', 'summarytitle', 'byunit', 'bycategory', 'statusprompt', 'statuserror'] as const;

/** What templates/rollup-ledger.hbs sees (templates/README.md). */
export interface RollupLedgerTemplateContext {
  readonly period: string;
  readonly asOf: string;
  readonly issuer: string;
  readonly title: string;
  readonly level: RollupLevel;
}

/** 小四 is the town ledger's size too: on A3 landscape the table prints at full size. */
const LEDGER_SIZE_PT = 12;

/** A column: its header, the key renderers know it by, the widest em it may take and how its cell reads. */
interface ColumnSpec {
  readonly key: string;
  readonly header: string;
  readonly maxEm: number;
  readonly align: TaskTableColumn['align'];
  readonly text: (p: RollupProblem) => string;
}

/** The unit columns: one a level of the path, outermost first (区县 before 乡镇). */
function levelColumns(depth: number): ColumnSpec[] {
  const names = Array.from({ length: depth }, (_, i) => rollupLevelAt(depth - i));
  return names.map((header, i) => ({ key: `level${i}`, header, maxEm: 10, align: 'center', text: (p) => p.path[i] ?? '' }));
}

const PROBLEM_COLUMNS: readonly ColumnSpec[] = [
  { key: 'number', header: FIELD_LABELS.number, maxEm: 2.5, align: 'center', text: (p) => String(p.number) },
  { key: 'summary', header: FIELD_LABELS.summary, maxEm: 28, align: 'justify', text: (p) => p.summary },
  { key: 'category', header: ROLLUP_LABELS.category, maxEm: 8, align: 'center', text: (p) => p.category ?? '' },
  { key: 'leadUnits', header: FIELD_LABELS.leadUnits, maxEm: 8, align: 'center', text: (p) => p.leadUnits.join('、') },
  { key: 'deadline', header: FIELD_LABELS.deadline, maxEm: 9, align: 'center', text: (p) => p.deadline },
  { key: PERIOD_KEYS.status, header: FIELD_LABELS.status, maxEm: 5, align: 'center', text: (p) => p.status },
  { key: PERIOD_KEYS.round, header: ROLLUP_LABELS.round, maxEm: 2.5, align: 'center', text: (p) => String(p.round) },
  { key: PERIOD_KEYS.completedOn, header: FIELD_LABELS.completedOn, maxEm: 5.5, align: 'center', text: (p) => p.completedOn ?? '' },
  { key: PERIOD_KEYS.closedOn, header: FIELD_LABELS.closedOn, maxEm: 5.5, align: 'center', text: (p) => p.closedOn ?? '' },
  { key: PERIOD_KEYS.warning, header: FIELD_LABELS.warning, maxEm: 2.5, align: 'center', text: (p) => (p.colour === null ? '' : WARNING_WORDS[p.colour]) },
];

/** Each column as wide as its widest cell, up to its limit, and at least half its header (a header may wrap once) or 2 em. */
function weightOf(spec: ColumnSpec, texts: readonly string[]): number {
  const least = Math.max(2, Math.ceil(textWidthEm(spec.header) / 2));
  let widest = least;
  for (const t of texts) widest = Math.max(widest, textWidthEm(t));
  return Math.min(widest, Math.max(spec.maxEm, least));
}

function problemTable(rollup: RollupFile, title: string): TaskTableModel {
  const depth = rollup.problems.reduce((d, p) => Math.max(d, p.path.length), 1);
  const specs = [...levelColumns(depth), ...PROBLEM_COLUMNS];
  const cells = rollup.problems.map((p) => specs.map((s) => s.text(p)));
  const columns: TaskTableColumn[] = specs.map((s, c) => ({ key: s.key, header: s.header, weight: weightOf(s, cells.map((row) => row[c]!)), align: s.align }));
  return {
    label: '',
    title,
    titleLines: [title],
    columns,
    headerRowCount: 1,
    headerCells: specs.map((s, column) => ({ text: s.header, row: 0, column, rowSpan: 1, columnSpan: 1 })),
    rows: cells.map((row, r) => ({ problemNumber: r + 1, shownNumber: String(r + 1), cells: row.map((text) => ({ kind: 'text', text, rowSpan: 1 })) })),
    date: rollup.asOf,
    cellSizePt: LEDGER_SIZE_PT,
    printScale: 1,
  };
}

function summaryRow(label: string, f: RollupFigures): SummaryRow {
  return { label, values: [f.total, ...STATUSES.map((s) => f.byStatus[s]), f.completed, f.overdue, f.completionRate, f.dueCompletionRate] };
}

function summaryTables(rollup: RollupFile, level: RollupLevel, caption: { byunit: string; bycategory: string }): SummaryTable[] {
  const totals = summaryRow(SUMMARY_LABELS.totals, rollup.totals);
  const byUnit: SummaryTable = { caption: caption.byunit, headers: [level, ...SUMMARY_HEADERS], rows: rollup.units.map((u) => summaryRow(u.name, u)), totals };
  if (rollup.byCategory.length === 0) return [byUnit];
  return [byUnit, { caption: caption.bycategory, headers: [ROLLUP_LABELS.category, ...SUMMARY_HEADERS], rows: rollup.byCategory.map((c) => summaryRow(c.category, c)), totals }];
}

/**
 * The roll-up's ledger model. The by-category table sums categories by their
 * label across units (two towns' 交叉核查 are one row); problems of a plan
 * without categories are in the totals only, so its rows may sum below them.
 */
export function composeRollupLedger(rollup: RollupFile, level: RollupLevel, title: string, templates: Pick<TemplateSet, 'rollup-ledger'>): LedgerModel {
  const context: RollupLedgerTemplateContext = { period: rollup.period, asOf: rollup.asOf, issuer: rollup.issuer, title, level };
  const p = renderPhrases(templates['rollup-ledger'], context, ROLLUP_LEDGER_PHRASES);
  // The issuer on a line of its own above each sheet's title, as the town ledger puts the plan's title.
  const mainTitle = [rollup.issuer, p.text('title')];
  return {
    period: rollup.period,
    asOf: rollup.asOf,
    title: mainTitle.join(''),
    main: { name: LEDGER_SHEET_NAMES.main, titleLines: mainTitle, table: problemTable(rollup, mainTitle.join('')), filter: true },
    summary: { name: LEDGER_SHEET_NAMES.summary, titleLines: [rollup.issuer, p.text('summarytitle')], tables: summaryTables(rollup, level, { byunit: p.text('byunit'), bycategory: p.text('bycategory') }) },
    units: [],
    statusValidation: { prompt: p.text('statusprompt'), error: p.text('statuserror') },
  };
}
