// Cell addresses and Excel's date serials: plain arithmetic that the xlsx
// reader, the writer and the renderers share.

/** A block of cells, 1-based rows and columns, inclusive. */
export interface XlsxRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export function rangeRef(range: XlsxRange): string {
  return `${columnLetters(range.left)}${range.top}:${columnLetters(range.right)}${range.bottom}`;
}

export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * Excel's day 0 in the 1900 date system. Counting from 1899-12-30 absorbs
 * Excel's phantom 1900-02-29, so every serial from 61 (1900-03-01) on is right.
 */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

/** The Excel serial of a YYYY-MM-DD date: write it with a date numFmt and Excel shows a real date. */
export function excelSerialFromIsoDate(iso: string): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - EXCEL_EPOCH_MS) / MS_PER_DAY);
}

/** The YYYY-MM-DD day of an Excel serial (a time of day is dropped); undefined outside 1900-03-01…9999-12-31. */
export function isoDateFromExcelSerial(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 61 || serial >= 2_958_466) return undefined;
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * MS_PER_DAY).toISOString().slice(0, 10);
}
