// A chart block (model/document/chart-spec.ts) as a native Word chart
// (docx/charts): the clerk can edit its data in Word or WPS, and no font or
// rasteriser is needed when the document is made (docs/format.md#library-facts). The
// progress report uses a stacked column chart: a column a unit, a series a
// status.

import { AlignmentType, Paragraph } from 'docx';
import { ChartRun } from 'docx/charts';
import type { ChartSpec } from '../../model/document/chart-spec.js';
import type { Flow } from './paragraphs.js';
import {
  CHART_CATEGORY_AXIS_EM,
  CHART_COUNT_FORMAT,
  CHART_CROWDED_LABEL_ROTATION_DEG,
  CHART_FONT,
  CHART_HEIGHT_PX,
  CHART_LABEL_GAP_EM,
  CHART_MAX_AXIS_STEPS,
  CHART_TEXT_SIZE_PT,
  CHART_TITLE_SIZE_PT,
  CHART_WIDTH_PX,
} from '../../layout/gbt9704.js';
import { printedWidthEm } from '../../layout/text-width.js';

/** A chart the library would refuse, said in the clerk's terms before docx says it in its own. */
function checkChart(spec: ChartSpec): void {
  if (spec.categories.length === 0 || spec.series.length === 0) throw new RangeError(`图表“${spec.title}”没有数据`);
  for (const s of spec.series) {
    if (s.values.length !== spec.categories.length) {
      throw new RangeError(`图表“${spec.title}”的“${s.name}”有 ${s.values.length} 个值，类别有 ${spec.categories.length} 个`);
    }
    if (!s.values.every(Number.isFinite)) throw new RangeError(`图表“${spec.title}”的“${s.name}”含有非数字的值`);
  }
}

/**
 * The chart, centred in a paragraph of its own, its title above the plot.
 * The paragraph keeps the default (auto) line height: an exact grid line
 * would clip the drawing to one line.
 */
export function chartParagraph(spec: ChartSpec, flow: Flow = {}): Paragraph {
  checkChart(spec);
  const text = { name: CHART_FONT, size: CHART_TEXT_SIZE_PT };
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    ...flow,
    children: [
      new ChartRun({
        // The one chart type of the model: a stacked column chart.
        type: 'column',
        stacking: 'stacked',
        title: { text: spec.title, font: { name: CHART_FONT, size: CHART_TITLE_SIZE_PT } },
        categories: [...spec.categories],
        series: spec.series.map((s) => ({ name: s.name, values: [...s.values] })),
        font: { name: CHART_FONT },
        legend: { position: 'bottom', font: text },
        categoryAxis: { font: text, ...(categoryLabelsCrowd(spec.categories) ? { labelRotation: CHART_CROWDED_LABEL_ROTATION_DEG } : {}) },
        valueAxis: {
          font: text,
          gridlines: true,
          ...countAxis(spec),
          ...(spec.valueAxisTitle === undefined ? {} : { title: { text: spec.valueAxisTitle, font: text } }),
        },
        transformation: { width: CHART_WIDTH_PX, height: CHART_HEIGHT_PX },
        altText: { name: spec.title, description: chartDescription(spec) },
      }),
    ],
  });
}

/**
 * Whether the category labels, set across and each centred under its column,
 * would come closer than CHART_LABEL_GAP_EM to a neighbour (widths as printed,
 * layout/text-width.ts). LibreOffice, left to itself, then turns them 45° and
 * labels only every second column once they still crowd (a fresh tester: 15
 * lead units labelled 单位0, 单位2, 单位4 …: the reader cannot tell whose column
 * is whose); turned on their side every one fits. Word wraps them instead.
 */
export function categoryLabelsCrowd(categories: readonly string[]): boolean {
  const column = CHART_CATEGORY_AXIS_EM / Math.max(1, categories.length);
  const widths = categories.map(printedWidthEm);
  return widths.some((w, i) => i > 0 && (widths[i - 1]! + w) / 2 + CHART_LABEL_GAP_EM > column);
}

/**
 * The value axis of a chart of counts (every value a whole number, none negative): from 0
 * to the tallest stack, in whole steps of 1, 2, 5, 10, 20 … — at most
 * CHART_MAX_AXIS_STEPS of them — labelled as whole numbers. Left to itself,
 * Word or LibreOffice puts ticks at 0.5 when the counts are small. A chart
 * with fractional values keeps the application's own axis.
 */
export function countAxis(spec: ChartSpec): { minimum: number; maximum: number; interval: number; numberFormat: string } | Record<string, never> {
  if (!spec.series.every((s) => s.values.every((v) => Number.isInteger(v) && v >= 0))) return {};
  const stacks = spec.categories.map((_, i) => spec.series.reduce((sum, s) => sum + s.values[i]!, 0));
  const top = Math.max(1, ...stacks);
  const interval = niceStep(top);
  return { minimum: 0, maximum: Math.ceil(top / interval) * interval, interval, numberFormat: CHART_COUNT_FORMAT };
}

/** The smallest of 1, 2, 5, 10, 20, 50 … that reaches `top` in at most CHART_MAX_AXIS_STEPS steps. */
function niceStep(top: number): number {
  for (let power = 1; ; power *= 10) {
    for (const step of [1, 2, 5]) if (top / (step * power) <= CHART_MAX_AXIS_STEPS) return step * power;
  }
}

/**
 * What a screen reader says for the chart: its title and every value, in
 * Chinese (docx would describe it in English).
 */
export function chartDescription(spec: ChartSpec): string {
  const series = spec.series.map((s) => `${s.name}：${spec.categories.map((c, i) => `${c}${s.values[i]}`).join('，')}`);
  return `堆积柱形图，${spec.title}。${series.join('；')}。`;
}
