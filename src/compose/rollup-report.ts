// The roll-up report (汇总报告, docs/domain.md#roll-up) as an official
// document: a 上行文 (GB/T 9704) from the county to the city — header,
// the --title, 主送机关, the body from templates/rollup.hbs with the totals,
// a native chart by unit and the overdue and reopened problems across units,
// the signature, and the table by unit attached. Pure.

import { OVERDUE } from '../model/vocabulary.js';
import type { ChartSpec } from '../model/document/chart-spec.js';
import type { Attachment, Block, OfficialDocument } from '../model/document/official-document.js';
import type { BodyRow, TaskTableColumn, TaskTableModel } from '../model/document/task-table.js';
import { firstSentence } from '../model/prose.js';
import { ROLLUP_LABELS, type RollupFigures, type RollupFile, type RollupLevel, type RollupProblem } from '../model/rollup.js';
import { FIELD_LABELS, SUMMARY_LABELS } from '../model/vocabulary.js';
import { TASK_TABLE_LABEL, TITLE_MAX_EM } from '../layout/gbt9704.js';
import { textWidthEm } from '../layout/text-width.js';
import type { TemplatePiece } from '../templates/grammar.js';
import type { TemplateSet } from '../templates/load.js';
import { renderTemplatePieces } from '../templates/render.js';
import { CHART_SERIES_ORDER, CHART_VALUE_AXIS_TITLE, singleSlot, slotText } from './report.js';
import { balanceTitle } from './title-lines.js';

/** The county's own particulars, which no town's data holds: from the command's options. */
export interface RollupReportMeta {
  readonly title: string;
  /** 发文机关标志. */
  readonly issuerMark: string;
  readonly docNumber: string;
  readonly signer: string;
  /** 主送机关. */
  readonly recipients: string;
  /** 成文日期, YYYY-MM-DD. */
  readonly date: string;
  readonly sealed: boolean;
}

export const ROLLUP_SLOTS: ReadonlySet<string> = new Set(['chart', 'attachment']);

/** A problem as rollup.hbs sees it (templates/README.md). */
export interface RollupProblemContext {
  /** 1-based place in its list. */
  readonly index: number;
  /** The units it came through, joined: 官阳镇人民政府, or 巫山县人民政府／官阳镇人民政府 in a city's roll-up. */
  readonly unit: string;
  readonly number: string;
  readonly summary: string;
  readonly brief: string;
  readonly deadline: string;
  readonly leadUnits: readonly string[];
  readonly status: string;
  readonly round: number;
}

/** What rollup.hbs sees (templates/README.md). */
export interface RollupTemplateContext {
  readonly period: string;
  readonly asOf: string;
  readonly date: string;
  readonly issuer: string;
  readonly title: string;
  readonly level: RollupLevel;
  readonly reported: number;
  readonly expected: number | null;
  readonly stats: RollupFigures;
  readonly units: readonly (RollupFigures & { readonly name: string })[];
  readonly overdueProblems: readonly RollupProblemContext[];
  readonly reopenedProblems: readonly RollupProblemContext[];
  readonly missing: readonly string[];
}

/** The separator of a problem's unit path in text. */
export const UNIT_PATH_SEPARATOR = '／';

function problemContexts(problems: readonly RollupProblem[]): RollupProblemContext[] {
  return problems.map((p, i) => ({
    index: i + 1,
    unit: p.path.join(UNIT_PATH_SEPARATOR),
    number: p.number,
    summary: p.summary,
    brief: firstSentence(p.summary),
    deadline: p.deadline,
    leadUnits: [...p.leadUnits],
    status: p.status,
    round: p.round,
  }));
}

export function rollupTemplateContext(rollup: RollupFile, level: RollupLevel, meta: RollupReportMeta): RollupTemplateContext {
  return {
    period: rollup.period,
    asOf: rollup.asOf,
    date: meta.date,
    issuer: rollup.issuer,
    title: meta.title,
    level,
    reported: rollup.units.length,
    expected: rollup.expected === null ? null : rollup.expected.length,
    stats: rollup.totals,
    units: rollup.units,
    overdueProblems: problemContexts(rollup.problems.filter((p) => p.overdue)),
    reopenedProblems: problemContexts(rollup.problems.filter((p) => p.reopened)),
    missing: [...rollup.missing],
  };
}

// --- the chart: one column a unit, stacked as the town report's chart ------------

function chartBucket(p: RollupProblem): string {
  return p.overdue ? OVERDUE : p.status;
}

/**
 * Problems by unit, stacked by status with 逾期 carved out of the unfinished
 * ones (the town report's series, compose/report.ts), so each column's height
 * is the unit's total. Series with no problem are left out.
 */
export function rollupChart(rollup: RollupFile, title: string): ChartSpec {
  const names = rollup.units.map((u) => u.name);
  const counts = new Map(names.map((n) => [n, new Map<string, number>()]));
  for (const p of rollup.problems) {
    const byBucket = counts.get(p.path[0]!)!;
    byBucket.set(chartBucket(p), (byBucket.get(chartBucket(p)) ?? 0) + 1);
  }
  const series = CHART_SERIES_ORDER.map((name) => ({ name, values: names.map((n) => counts.get(n)!.get(name) ?? 0) }));
  return { type: 'stackedColumn', title, categories: names, series: series.filter((s) => s.values.some((v) => v > 0)), valueAxisTitle: CHART_VALUE_AXIS_TITLE };
}

// --- the table by unit, attached ----------------------------------------------------

/** 五号 (10.5 pt): eleven columns across the A4 type area. */
const TABLE_SIZE_PT = 10.5;

function figureCells(f: RollupFigures): string[] {
  return [f.total, f.completed, f.closed, f.inProgress, f.notStarted, f.overdue, f.reopened, f.completionRate, f.dueCompletionRate].map(String);
}

/**
 * One row a unit, then 合计: 问题数, 完成整改, 其中已销号, 推进中, 未启动,
 * 逾期, 反弹, 完成率, 到期任务完成率. Column weights are the widest cell's
 * em (a header wider than four characters wraps, so counts for half).
 */
export function rollupTable(rollup: RollupFile, level: RollupLevel, title: string, date: string): TaskTableModel {
  // 到期任务完成率 broken after 到期任务, where it reads (the column would otherwise cut 完成 in two).
  const dueRate = `${SUMMARY_LABELS.dueCompletionRate.slice(0, 4)}\n${SUMMARY_LABELS.dueCompletionRate.slice(4)}`;
  const headers = [FIELD_LABELS.number, level, SUMMARY_LABELS.total, SUMMARY_LABELS.completed, ROLLUP_LABELS.closed, '推进中', '未启动', SUMMARY_LABELS.overdue, ROLLUP_LABELS.reopened, SUMMARY_LABELS.completionRate, dueRate];
  const bodies = [...rollup.units.map((u, i) => [String(i + 1), u.name, ...figureCells(u)]), ['', SUMMARY_LABELS.totals, ...figureCells(rollup.totals)]];
  const columns: TaskTableColumn[] = headers.map((header, c) => {
    const headerEm = Math.max(...header.split('\n').map(textWidthEm));
    return { key: `c${c}`, header, weight: Math.max(headerEm, ...bodies.map((row) => textWidthEm(row[c]!))), align: 'center' };
  });
  const rows: BodyRow[] = bodies.map((cells, r) => ({ problemNumber: r + 1, shownNumber: String(r + 1), cells: cells.map((text) => ({ kind: 'text', text, rowSpan: 1 })) }));
  return {
    label: TASK_TABLE_LABEL,
    title,
    titleLines: balanceTitle(title, TITLE_MAX_EM),
    columns,
    headerRowCount: 1,
    headerCells: headers.map((text, column) => ({ text, row: 0, column, rowSpan: 1, columnSpan: 1 })),
    rows,
    date,
    cellSizePt: TABLE_SIZE_PT,
    printScale: 1,
  };
}

// --- the document ------------------------------------------------------------------

function bodyBlocks(pieces: readonly TemplatePiece[], rollup: RollupFile, template: TemplateSet['rollup']): Block[] {
  return pieces.flatMap((piece): Block[] => {
    if (piece.kind !== 'slot') return [piece];
    if (piece.name !== 'chart') return [];
    return [{ kind: 'chart', chart: rollupChart(rollup, slotText(piece, template)!) }];
  });
}

/** The roll-up report for the units in `rollup` (one level: towns, or counties), worded by templates/rollup.hbs. */
export function composeRollupReport(rollup: RollupFile, level: RollupLevel, meta: RollupReportMeta, templates: Pick<TemplateSet, 'rollup'>): OfficialDocument {
  const template = templates.rollup;
  const pieces = renderTemplatePieces(template.source, template.fileName, rollupTemplateContext(rollup, level, meta), ROLLUP_SLOTS);
  const attachmentTitle = slotText(singleSlot(pieces, 'attachment', template), template);
  const attachments: Attachment[] =
    attachmentTitle === undefined
      ? []
      : [{ label: TASK_TABLE_LABEL, title: { lines: balanceTitle(attachmentTitle, TITLE_MAX_EM) }, content: { kind: 'taskTable', table: rollupTable(rollup, level, attachmentTitle, meta.date) }, orientation: 'portrait' }];
  return {
    header: { kind: 'up', issuerMark: meta.issuerMark, docNumber: meta.docNumber, signer: meta.signer },
    title: { lines: balanceTitle(meta.title, TITLE_MAX_EM) },
    recipients: meta.recipients,
    body: bodyBlocks(pieces, rollup, template),
    ...(attachmentTitle === undefined ? {} : { attachmentsNote: [attachmentTitle] }),
    signature: { signatory: rollup.issuer, date: meta.date, sealed: meta.sealed },
    enclosures: [],
    attachments,
  };
}
