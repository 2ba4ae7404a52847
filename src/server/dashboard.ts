// The dashboard's sections (issue 16): for one plan and period, what the
// office and the leaders (领导) look at first. Every figure is taken from the
// same derivation the report uses (documents/period.ts periodContext →
// derive/period.ts derivePeriod: the ledger's colour rule, derive/statistics.ts,
// derive/changes.ts, derive/lead-unit-chart.ts); nothing is counted here.

import { DUE_SOON_DAYS } from '../derive/problem-state.js';
import type { PeriodRow, PeriodView } from '../derive/period.js';
import { leadUnitSeries } from '../derive/lead-unit-chart.js';
import { formatPercent, type Statistics } from '../derive/statistics.js';
import { XLSX_WARNING_FILL_HEX } from '../layout/excel.js';
import { WARNING_WORDS } from '../model/document/ledger.js';
import { shownNumber, shownNumberOf } from '../model/numbering.js';
import type { Plan } from '../model/plan-schema.js';
import { FIELD_LABELS as L, OVERDUE } from '../model/vocabulary.js';
import type { WarningColour } from '../model/warning-colour.js';
import { html, type Html } from './html.js';

/** The colour as a labelled chip, in the ledger's words (红/黄/蓝/绿). */
export function colourChip(colour: WarningColour): Html {
  return colour === null ? html`<span class="colour colour-none">—</span>` : html`<span class="colour colour-${colour}">${WARNING_WORDS[colour]}</span>`;
}

/** A figure cell, marked with what it is so a test can read the page as a reader reads the table. */
function figure(name: string, label: string, value: string | number): Html {
  return html`<tr><th scope="row">${label}</th><td data-figure="${name}">${value}</td></tr>`;
}

/** The period's statistics as the report states them (derive/statistics.ts definitions). */
export function statisticsTable(s: Statistics): Html {
  return html`<div class="table-wrap narrow"><table class="figures"><tbody>
${figure('total', '问题总数', s.total)}
${figure('completed', '已完成（含已销号）', s.completed)}
${figure('closed', '已销号', s.closed)}
${figure('inProgress', '推进中', s.inProgress)}
${figure('onSchedule', '其中：达到序时进度', s.inProgressOnSchedule)}
${figure('behind', '其中：滞后于序时进度', s.inProgressBehind)}
${figure('unreported', '其中：未填是否达到序时进度', s.inProgressUnreported)}
${figure('notStarted', '未启动', s.notStarted)}
${figure('longTerm', '长期坚持', s.longTerm)}
${figure('overdue', OVERDUE, s.overdue)}
${figure('due', '已到期', s.due)}
${figure('dueCompleted', '到期已完成', s.dueCompleted)}
${figure('completionRate', '完成率', formatPercent(s.completionRate))}
${figure('dueCompletionRate', '到期任务完成率', formatPercent(s.dueCompletionRate))}
</tbody></table></div>`;
}

/** Fills of the chart's series: the ledger's colours where a series has one (completed green, overdue red). */
const SERIES_FILL: Record<string, string> = {
  已销号: '#5b9b5b',
  已完成并长期坚持: '#8cc68c',
  已完成: `#${XLSX_WARNING_FILL_HEX.green}`,
  推进中: `#${XLSX_WARNING_FILL_HEX.blue}`,
  未启动: '#dddddd',
  [OVERDUE]: '#e06666',
};

const BAR_WIDTH = 240;

/** One unit's stacked bar as inline SVG (no script); the numbers beside it are the accessible text. */
function bar(counts: readonly { name: string; value: number }[], scale: number, label: string): Html {
  let x = 0;
  const parts = counts.filter((c) => c.value > 0).map((c) => {
    const width = (c.value * BAR_WIDTH) / scale;
    const rect = html`<rect x="${x.toFixed(1)}" y="0" width="${width.toFixed(1)}" height="18" fill="${SERIES_FILL[c.name] ?? '#999'}" stroke="#fff"><title>${c.name} ${c.value}</title></rect>`;
    x += width;
    return rect;
  });
  return html`<svg class="bar" width="${BAR_WIDTH}" height="18" viewBox="0 0 ${BAR_WIDTH} 18" role="img" aria-label="${label}">${parts}</svg>`;
}

/** The report's chart (completion by lead unit, stacked by status) as a table with a bar per unit. */
export function leadUnitChartTable(view: PeriodView): Html {
  const { units, series } = leadUnitSeries(view);
  const byUnit = new Map(view.statistics.byLeadUnit.map((u) => [u.unit.name, u] as const));
  const scale = Math.max(1, ...units.map((u) => byUnit.get(u)!.total));
  const rows = units.map((unit, i) => {
    const counts = series.map((s) => ({ name: s.name, value: s.values[i]! }));
    const tally = byUnit.get(unit)!;
    const words = counts.filter((c) => c.value > 0).map((c) => `${c.name} ${c.value}`).join('，');
    return html`<tr data-unit="${unit}"><td data-label="${L.leadUnits}">${unit}</td>
${counts.map((c) => html`<td data-label="${c.name}" data-series="${c.name}">${c.value}</td>`)}
<td data-label="合计" data-series="合计">${tally.total}</td><td data-label="完成率">${formatPercent(tally.completionRate)}</td>
<td data-label="图示">${bar(counts, scale, `${unit}：${words}`)}</td></tr>`;
  });
  return html`<p class="legend">${series.map((s) => html`<span class="tag"><svg width="12" height="12" aria-hidden="true"><rect width="12" height="12" fill="${SERIES_FILL[s.name] ?? '#999'}"/></svg> ${s.name}</span> `)}</p>
<div class="table-wrap"><table class="cards chart"><thead><tr><th>${L.leadUnits}</th>${series.map((s) => html`<th>${s.name}</th>`)}<th>合计</th><th>完成率</th><th>图示</th></tr></thead>
<tbody>${rows}</tbody></table></div>
<p class="hint">共同牵头的问题计入每个牵头单位，各行合计可能多于问题总数；逾期问题计入“${OVERDUE}”，不再计入其状态。</p>`;
}

/** Counts by warning colour, in the ledger's words. */
export function colourCounts(s: Statistics): Html {
  const order: Exclude<WarningColour, null>[] = ['red', 'yellow', 'blue', 'green'];
  return html`<ul class="colour-counts">${order.map((c) => html`<li data-colour="${c}">${colourChip(c)} ${s.colours[c]}</li>`)}<li data-colour="none">${colourChip(null)} ${s.colours.none}</li></ul>`;
}

/** A list of problems with their colour, status and due date; `extra` adds a column. */
export function problemRows(planId: number, rows: readonly PeriodRow[], empty: string, extra?: { label: string; cell: (row: PeriodRow) => string }): Html {
  if (rows.length === 0) return html`<p class="hint">${empty}</p>`;
  return html`<div class="table-wrap"><table class="cards"><thead><tr><th>${L.number}</th><th>${L.summary}</th><th>${L.leadUnits}</th><th>${L.status}</th><th>到期日</th><th>${L.warning}</th>${extra ? html`<th>${extra.label}</th>` : ''}</tr></thead><tbody>
${rows.map((r) => html`<tr data-problem="${r.problem.number}"><td data-label="${L.number}">${shownNumber(r.problem)}</td><td data-label="${L.summary}"><a href="/plans/${planId}/problems/${r.problem.number}">${r.problem.summary}</a></td><td data-label="${L.leadUnits}">${r.problem.leadUnits.join('、')}</td><td data-label="${L.status}">${r.state.status}</td><td data-label="到期日" class="nowrap">${r.state.deadline?.due ?? (r.state.longTerm ? '长期坚持' : '—')}</td><td data-label="${L.warning}">${colourChip(r.state.colour)}</td>${extra ? html`<td data-label="${extra.label}">${extra.cell(r)}</td>` : ''}</tr>`)}
</tbody></table></div>`;
}

/** Not completed and due within DUE_SOON_DAYS of the as-of date, the due day included (the ledger's blue window). */
export function dueSoon(view: PeriodView): PeriodRow[] {
  return view.rows.filter((r) => !r.state.completed && r.state.daysToDue !== null && r.state.daysToDue >= 0 && r.state.daysToDue <= DUE_SOON_DAYS);
}

/** What changed since the period before (derive/changes.ts, as the report states it). */
export function changesList(plan: Plan, view: PeriodView): Html {
  const { changes } = view;
  if (changes.since === null) return html`<p class="hint">这是第一期，没有上期可比。</p>`;
  const line = (name: string, label: string, numbers: readonly number[]) =>
    html`<li data-change="${name}">${label}：${numbers.length} 个${numbers.length > 0 ? html`（${numbers.map((n) => shownNumberOf(plan, n)).join('、')}）` : ''}</li>`;
  return html`<p>与 ${changes.since} 相比：</p><ul>
${line('newlyCompleted', '新完成', changes.newlyCompleted)}
${line('newlyClosed', '新销号', changes.newlyClosed)}
${line('newlyOverdue', '新逾期', changes.newlyOverdue)}
</ul>`;
}
