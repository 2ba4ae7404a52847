// Laying the task table's body out on printed pages, for Excel. Each problem
// is one sheet row, never split: a problem split over rows is broken text to
// anyone who sorts, filters or copies the sheet, or reads it back with
// `init --from-table`. The writer sets the page breaks itself, so that it can
// merge the category cell page by page, repeating the label on each page as a
// typed table would, instead of one merge that a page break cuts through.

export interface PageMetrics {
  /** Body height available on the first page (under the title and header) and on the others (under the header). */
  readonly firstPagePt: number;
  readonly otherPagePt: number;
}

export interface Layout {
  /** Indexes of the rows that begin a new page (never 0). */
  readonly pageStarts: readonly number[];
  /** Rows taller than a whole page: printed, they are cut at the page's foot. */
  readonly tallerThanPage: readonly number[];
}

/**
 * Page starts for rows of the given heights: a row that does not fit what is
 * left of the page starts the next one. A row taller than an empty page
 * still gets a page of its own, and is reported.
 */
export function paginate(heightsPt: readonly number[], m: PageMetrics): Layout {
  const pageStarts: number[] = [];
  const tallerThanPage: number[] = [];
  let room = m.firstPagePt;
  let fresh = true;
  heightsPt.forEach((h, row) => {
    if (h > room + 1e-9 && !fresh) {
      pageStarts.push(row);
      room = m.otherPagePt;
      fresh = true;
    }
    if (h > room + 1e-9) tallerThanPage.push(row);
    room -= h;
    fresh = false;
  });
  return { pageStarts, tallerThanPage };
}
