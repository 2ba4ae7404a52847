// Sharing a table's width among its columns. The compose layer gives relative
// weights (em of content); every column also needs its padding, which does
// not grow with the column, so padding comes off first and the rest is
// shared in proportion.

import { LANDSCAPE_TYPE_AREA_WIDTH_TWIP, TABLE_CELL_PADDING_X_TWIP, TABLE_CELL_SIZE_TWIP } from './gbt9704.js';

/**
 * Whole-unit widths adding up to exactly `total` (largest remainders get the
 * odd units), each at least its padding.
 */
export function shareWidths(total: number, weights: readonly number[], paddingPerColumn: number): number[] {
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const free = total - paddingPerColumn * weights.length;
  const exact = weights.map((w) => paddingPerColumn + (free * w) / weightSum);
  const floored = exact.map(Math.floor);
  let left = total - floored.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floored[i] = floored[i]! + 1;
    left -= 1;
  }
  return floored;
}

/**
 * Em of 小四 text that fit across the landscape type area once each column's
 * padding is off: what the width estimate in compose shares out.
 */
export function landscapeTableTextWidthEm(columnCount: number): number {
  return (LANDSCAPE_TYPE_AREA_WIDTH_TWIP - columnCount * 2 * TABLE_CELL_PADDING_X_TWIP) / TABLE_CELL_SIZE_TWIP;
}

/** Column widths in twips for a landscape table of these weights: the Word grid, and the Excel widths' source. */
export function landscapeColumnTwips(weights: readonly number[]): number[] {
  return shareWidths(LANDSCAPE_TYPE_AREA_WIDTH_TWIP, weights, 2 * TABLE_CELL_PADDING_X_TWIP);
}
