// The report's chart of completion by lead unit, as numbers: one column per
// lead unit (statistics.byLeadUnit's units, in that order), stacked by
// status, an overdue problem under 逾期 instead of its status so no problem is
// stacked twice. The report draws it as a Word chart (compose/report.ts
// leadUnitChart); the server's dashboard draws the same numbers as SVG.
import { OVERDUE } from '../model/vocabulary.js';
import type { PeriodRow, PeriodView } from './period.js';

/** The chart's series, bottom to top (the county roll-up's chart stacks the same way). */
export const CHART_SERIES_ORDER: readonly string[] = ['已销号', '已完成并长期坚持', '已完成', '推进中', '未启动', OVERDUE];

/** The series a problem is stacked in: 逾期 (derived) carved out of the unfinished statuses, so the stacks add up. */
export function chartBucket(row: PeriodRow): string {
  return row.state.overdue ? OVERDUE : row.state.status;
}

/** One stacked series: its name and one count per lead unit. */
export interface LeadUnitSeries {
  name: string;
  values: number[];
}

/**
 * The lead units and the series with at least one problem. A problem with
 * several lead units is in each of their columns, so a column's height is that
 * unit's total in statistics.byLeadUnit.
 */
export function leadUnitSeries(view: PeriodView): { units: string[]; series: LeadUnitSeries[] } {
  const units = view.statistics.byLeadUnit.map((u) => u.unit.name);
  const series = CHART_SERIES_ORDER.map((name) => ({
    name,
    values: units.map((unit) => view.rows.filter((r) => r.problem.leadUnits.includes(unit) && chartBucket(r) === name).length),
  }));
  return { units, series: series.filter((s) => s.values.some((v) => v > 0)) };
}
