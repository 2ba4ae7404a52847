// Laying the table's body out on printed pages, for Excel. A spreadsheet row
// cannot break across pages, and Excel caps a row at 409 pt: a problem whose
// text is taller than what is left of a page would be cut off in print. So the
// writer does what Word does for a table: it splits such a problem's row at a
// line boundary into parts (sheet rows without a rule between them), and it
// sets the page breaks itself. Knowing the breaks, it can also merge the
// category cell page by page, repeating the label on each page as a typed
// table would, instead of one merge that a page break cuts through.

import { wrapLines } from '../../layout/text-width.js';

/** One cell's text, wrapped: lines, and whether a line ends a paragraph of the original. */
export interface WrappedText {
  readonly lines: readonly string[];
  readonly hardBreakAfter: readonly boolean[];
}

export function wrapForColumn(text: string, lineEm: number): WrappedText {
  const lines: string[] = [];
  const hard: boolean[] = [];
  for (const paragraph of text.split('\n')) {
    const wrapped = wrapLines(paragraph, lineEm);
    wrapped.forEach((line, i) => {
      lines.push(line);
      hard.push(i === wrapped.length - 1);
    });
  }
  return { lines, hardBreakAfter: hard };
}

/** Lines a..b of a wrapped text as cell text again (soft wraps joined, paragraph breaks kept). */
export function sliceText(text: WrappedText, from: number, to: number): string {
  let out = '';
  for (let i = from; i < Math.min(to, text.lines.length); i += 1) {
    out += text.lines[i]!;
    if (text.hardBreakAfter[i] && i < Math.min(to, text.lines.length) - 1) out += '\n';
  }
  return out;
}

export interface PageMetrics {
  /** Points a line takes. */
  readonly linePitchPt: number;
  /** Space above and below a row's text. */
  readonly paddingPt: number;
  /** Body height available on the first page and on the others. */
  readonly firstPagePt: number;
  readonly otherPagePt: number;
  /** The tallest row allowed (Excel's 409 pt). */
  readonly maxRowPt: number;
  /** Rows taller than this split at a page's end instead of moving whole to the next page. */
  readonly splitMinPt: number;
  readonly minLinesPerPart: number;
  /** Heights are rounded up to this step (Excel draws whole pixels). */
  readonly heightStepPt: number;
}

/** A sheet row of the body: lines from..to of one problem's row. */
export interface Part {
  readonly row: number;
  readonly from: number;
  readonly to: number;
  readonly first: boolean;
  readonly last: boolean;
  readonly heightPt: number;
}

export interface Layout {
  readonly parts: readonly Part[];
  /** Indexes into parts where a new page begins (never 0). */
  readonly pageStarts: readonly number[];
}

/**
 * Parts and page starts for rows of the given line counts. A row that fits
 * what is left of the page goes whole; one that does not either moves to the
 * next page or, when tall (or taller than any page or 409 pt), fills the page
 * and continues on the next.
 */
export function paginate(lineCounts: readonly number[], m: PageMetrics): Layout {
  const parts: Part[] = [];
  const pageStarts: number[] = [];
  let room = m.firstPagePt;
  let fresh = true;
  const newPage = () => {
    if (parts.length > 0) pageStarts.push(parts.length);
    room = m.otherPagePt;
    fresh = true;
  };
  lineCounts.forEach((n, row) => {
    let from = 0;
    while (from < n) {
      const whole = partHeight(m, from, n, n);
      const cap = Math.min(room, m.maxRowPt);
      if (whole <= cap) {
        parts.push({ row, from, to: n, first: from === 0, last: true, heightPt: whole });
        room -= whole;
        fresh = false;
        break;
      }
      const splittable = from > 0 || whole > m.splitMinPt || whole > Math.min(m.otherPagePt, m.maxRowPt);
      const take = splittable ? splitPoint(m, from, n, cap, fresh) : 0;
      if (take > 0) {
        const to = from + take;
        parts.push({ row, from, to, first: from === 0, last: false, heightPt: partHeight(m, from, to, n) });
        from = to;
      }
      newPage();
    }
  });
  return { parts, pageStarts };
}

/**
 * Lines to put on this page: as many as fit, leaving at least the minimum for
 * the next part; 0 when fewer than the minimum fit (the row then starts on the
 * next page), except on an empty page, which always takes something.
 */
function splitPoint(m: PageMetrics, from: number, n: number, cap: number, fresh: boolean): number {
  const fit = linesThatFit(m, from, n, cap);
  const take = Math.min(fit, n - from - m.minLinesPerPart);
  if (take >= m.minLinesPerPart) return take;
  return fresh ? Math.max(1, fit) : 0;
}

/** Height of lines from..to of a row of n lines: half the padding above its first line and below its last. */
export function partHeight(m: PageMetrics, from: number, to: number, n: number): number {
  const pad = (from === 0 ? m.paddingPt / 2 : 0) + (to === n ? m.paddingPt / 2 : 0);
  const raw = (to - from) * m.linePitchPt + pad;
  return Math.ceil(raw / m.heightStepPt - 1e-9) * m.heightStepPt;
}

/** Most lines (from `from`) whose part fits `cap`, never all of them (the caller tried that). */
function linesThatFit(m: PageMetrics, from: number, n: number, cap: number): number {
  let take = 0;
  while (from + take + 1 < n && partHeight(m, from, from + take + 1, n) <= cap) take += 1;
  return take;
}
