// estimateWidthsEm was made faster (a counting-only line counter, and each
// row's tallest cell found once per em instead of once per column); the widths
// must be exactly those of the implementation before, kept here as the
// reference, for any table.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { estimateWidthsEm } from '../../src/compose/task-table.js';
import { type BodyCell, type BodyRow } from '../../src/model/document/task-table.js';
import { longestTokenEm, textWidthEm, wrapLines } from '../../src/layout/text-width.js';

interface Spec {
  readonly header: string;
  readonly width?: number;
}

// --- the implementation before (src/compose/task-table.ts at bc4d625) ---------------

function referenceWidthsEm(specs: readonly Spec[], rows: readonly BodyRow[], availableEm: number, safetyEm = 0): number[] {
  const columnLines = (rs: readonly BodyRow[], c: number, w: number) => linesAt(rs, c, Math.max(1, w - safetyEm));
  const fairShare = availableEm / specs.length;
  const widths = specs.map((spec, c) => minimumWidthEm(spec, rows, c, fairShare));
  const lines = widths.map((w, c) => columnLines(rows, c, w));
  const wider = widths.map((w, c) => columnLines(rows, c, w + 1));
  for (let left = Math.floor(availableEm - sum(widths)); left > 0; left -= 1) {
    const best = bestColumnToWiden(lines, wider);
    widths[best] = widths[best]! + 1;
    lines[best] = wider[best]!;
    wider[best] = columnLines(rows, best, widths[best]! + 1);
  }
  return widths;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function minimumWidthEm(spec: Spec, rows: readonly BodyRow[], c: number, fairShare: number): number {
  let widest = Math.max(...spec.header.split('\n').map(textWidthEm));
  for (const row of rows) {
    const cell = row.cells[c]!;
    if (cell.kind === 'text') widest = Math.max(widest, longestTokenEm(cell.text));
  }
  return Math.max(1, Math.ceil(Math.min(widest, fairShare)));
}

function linesAt(rows: readonly BodyRow[], c: number, w: number): number[] {
  return rows.map((row) => {
    const cell = row.cells[c]!;
    return cell.kind === 'text' ? wrapLines(cell.text, w).length / cell.rowSpan : 0;
  });
}

function bestColumnToWiden(lines: readonly (readonly number[])[], wider: readonly (readonly number[])[]): number {
  const rowCount = lines[0]?.length ?? 0;
  let best = 0;
  let bestGain = -1;
  let bestLoad = -1;
  for (let c = 0; c < lines.length; c += 1) {
    let gain = 0;
    for (let r = 0; r < rowCount; r += 1) {
      let now = 0;
      let after = 0;
      for (let k = 0; k < lines.length; k += 1) {
        now = Math.max(now, lines[k]![r]!);
        after = Math.max(after, k === c ? wider[k]![r]! : lines[k]![r]!);
      }
      gain += now - after;
    }
    const load = sum(lines[c]!);
    if (gain > bestGain + 1e-9 || (Math.abs(gain - bestGain) <= 1e-9 && load > bestLoad)) {
      best = c;
      bestGain = gain;
      bestLoad = load;
    }
  }
  return best;
}

// --- random tables ---------------------------------------------------------------------

const cellText = fc.oneof(
  fc.constantFrom('', '是', '2023年10月31日前', '县委办、县政府办、县发改局', 'https://example.org/a/very/long/path', '第一行\n第二行', '😀\u{20000}'),
  fc.string({ unit: fc.constantFrom(...'整改任务责任单位牵头配合完成时限县委县政府，。、（）'), maxLength: 80 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);

/** Rows of `columns` cells; a text cell may span the next rows of its column (they are then covered). */
const table = fc.integer({ min: 1, max: 8 }).chain((columns) =>
  fc.record({
    specs: fc.array(fc.record({ header: fc.oneof(fc.constantFrom('序号', '整改任务', '责任\n单位', '完成时限'), fc.string({ maxLength: 10 })) }), {
      minLength: columns,
      maxLength: columns,
    }),
    grid: fc.array(fc.array(fc.tuple(cellText, fc.integer({ min: 1, max: 3 })), { minLength: columns, maxLength: columns }), { maxLength: 25 }),
    availableEm: fc.oneof(fc.integer({ min: 1, max: 80 }), fc.double({ min: 1, max: 80, noNaN: true })),
    safetyEm: fc.constantFrom(0, 0.5, 1, 1.3),
  }),
);

function rowsOf(grid: readonly (readonly [string, number])[][]): BodyRow[] {
  const rows: BodyCell[][] = grid.map(() => []);
  const columns = grid[0]?.length ?? 0;
  for (let c = 0; c < columns; c += 1) {
    for (let r = 0; r < grid.length; ) {
      const [text, span] = grid[r]![c]!;
      const rowSpan = Math.min(span, grid.length - r);
      rows[r]![c] = { kind: 'text', text, rowSpan };
      for (let k = 1; k < rowSpan; k += 1) rows[r + k]![c] = { kind: 'covered' };
      r += rowSpan;
    }
  }
  return rows.map((cells, i) => ({ problemNumber: i + 1, cells }));
}

describe('estimateWidthsEm', () => {
  test('gives exactly the widths of the implementation before, for any table', () => {
    fc.assert(
      fc.property(table, ({ specs, grid, availableEm, safetyEm }) => {
        const rows = rowsOf(grid);
        expect(estimateWidthsEm(specs, rows, availableEm, safetyEm)).toEqual(referenceWidthsEm(specs, rows, availableEm, safetyEm));
      }),
      { numRuns: 400 },
    );
  });

  test('and for a bundled-size table of long Chinese cells', () => {
    const texts = ['加强党的领导，压实整改主体责任，建立健全整改工作机制', '县委办', '2023年12月31日前', '县纪委监委、县委组织部、县委宣传部'];
    const rows = rowsOf(Array.from({ length: 60 }, (_, r) => texts.map((t, c) => [t.repeat(1 + ((r + c) % 3)), 1 + ((r * c) % 2)] as [string, number])));
    const specs = [{ header: '整改任务' }, { header: '牵头单位' }, { header: '完成时限' }, { header: '责任单位' }];
    for (const available of [20, 37.5, 46, 64]) {
      expect(estimateWidthsEm(specs, rows, available, 0.5)).toEqual(referenceWidthsEm(specs, rows, available, 0.5));
    }
  });
});
