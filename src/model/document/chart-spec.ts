// A chart as a document model: what it shows, not how it looks. The Word
// renderer turns it into a native chart (docx/charts), so the clerk can still
// edit it in Word or WPS (docs/format.md#library-facts). Pure data; no fonts, no sizes.

/**
 * A stacked column chart: one column per category, each column stacked from
 * the series in order (the first series at the bottom). Every series has one
 * value per category, in the order of `categories`.
 */
export interface ChartSpec {
  readonly type: 'stackedColumn';
  /** Printed above the chart; the template words it. */
  readonly title: string;
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  readonly valueAxisTitle?: string;
}

export interface ChartSeries {
  readonly name: string;
  readonly values: readonly number[];
}
