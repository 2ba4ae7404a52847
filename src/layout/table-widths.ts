// Sharing a table's width among its columns, from the text each column holds.
//
// Every column has a kind. A text column (问题简述, 整改措施, 整改进展…) holds
// running text, which the reader breaks anywhere; it gets at least
// TEXT_COLUMN_MIN_EM a line (or its longest text, when that is shorter), so
// no text column is starved into three characters a line. Every other kind —
// a number, a category, a date, a unit, a post, a deadline, a status, a short
// mark — holds values that must never be cut mid-word: such a column is only
// ever as wide as a width at which the reader's wrap (layout/text-width.ts)
// falls between the words of every value and of the header; at least its
// widest word. The rest of the width goes, one step at a time, where it lowers
// the table's total height most; what saves no height makes the short columns
// one line a value, then widens the text columns.
//
// A table tries its fits in order (a type size and a print scale, with the em
// that fit across at that size) and takes the first at which every minimum
// fits and no row is taller than the fit allows: a Word table steps from 小四
// down to 小五, an Excel sheet from 100 % down to its smallest legible scale.
//
// Renderers then give each column its padding, which does not grow with the
// column, and share the rest in proportion to the widths found here.

import {
  LANDSCAPE_TYPE_AREA_HEIGHT_TWIP,
  LANDSCAPE_TYPE_AREA_WIDTH_TWIP,
  TABLE_CELL_PADDING_X_TWIP,
  TABLE_CELL_SIZE_PT,
  TABLE_LINE_PITCH_RATIO,
  TWIP_PER_PT,
  ZIHAO_PT,
  ptToHalfPt,
} from './gbt9704.js';
import { BREAK, measureText, measuredLineCount, measuredText, printedWidthEm, softBreaks, wordStartOffsets, type MeasuredText } from './text-width.js';

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

// --- column kinds ------------------------------------------------------------------

/**
 * What a column holds. `text` is running text; the others hold values that
 * are never cut mid-word: `unit` and `post` hold names joined with 、 (each
 * name a word), `date` a date (2023年11月30日 or 2023-11-30), `deadline` a
 * deadline phrase, `status` a status word, `number` a problem's number,
 * `category` a category's label, `short` a mark (是, 绿).
 */
export type ColumnKind = 'text' | 'number' | 'category' | 'date' | 'unit' | 'post' | 'deadline' | 'status' | 'short';

/** A text column holds at least this many em a line (or its longest text, if shorter). */
export const TEXT_COLUMN_MIN_EM = 8;

/** Kinds whose values are lists of names, each kept whole. */
const LIST_KINDS: ReadonlySet<ColumnKind> = new Set(['unit', 'post']);
const LIST_SEPARATORS = /[、，,；;\n]/;

export interface WidthCell {
  readonly text: string;
  /** Rows the cell spans (a merged category cell); its lines are spread over them. */
  readonly rowSpan: number;
}

export interface WidthColumn {
  readonly kind: ColumnKind;
  /** The header as printed; a newline in it is a line break the data asks for. */
  readonly header: string;
  /** The cell starting in each row; undefined where a merged cell above covers the row. */
  readonly cells: readonly (WidthCell | undefined)[];
  /** Names kept whole in this column's values (a status word, the plan's units). */
  readonly keep?: readonly string[];
  /** At least this many em (room to type in an answer column). */
  readonly minEm?: number;
  /** This share (0–1) of the em available, as the plan gives it; the column takes no part in the sharing. */
  readonly share?: number;
}

export interface WidthOptions {
  /**
   * How narrow a column of words may be: `whole` (the default), only as wide
   * as a width at which every value wraps between words; `cut`, at least its
   * widest dictionary word; `squeeze`, at least its header's widest word —
   * for a table that does not fit otherwise. Text columns keep
   * TEXT_COLUMN_MIN_EM in every case.
   */
  readonly words?: WordRule;
  /**
   * Readers may set a line this much wider than computed (LibreOffice sets an
   * Excel column 4.7 % wider): a column of words must then wrap between words
   * at both widths.
   */
  readonly readerSpread?: number;
  /** The tallest a row may be, in lines (Excel's 409 pt at the sheet's size); none when undefined. */
  readonly maxRowLines?: number;
  /**
   * When words may be cut, first widen each column of words to its whole-word
   * width while that fits (true, the default).
   */
  readonly upgradeWords?: boolean;
}

export interface WidthAllocation {
  /** Width of each column in em of text (padding not included), adding up to at most the em available. */
  readonly widthsEm: readonly number[];
  /** Every minimum fits and no row is over maxRowLines. */
  readonly fits: boolean;
  /** Every minimum fits (rows may still be too tall). */
  readonly minimumsFit: boolean;
  /** Lines of each row (its tallest cell) at these widths. */
  readonly rowLines: readonly number[];
  /** Values the reader's wrap cuts mid-word at these widths (0 when every word is kept whole). */
  readonly cutValues: number;
}

const EPSILON = 1e-9;

export type WordRule = 'whole' | 'cut' | 'squeeze';

/** A value or header with the offsets where its words start. */
interface WordedText {
  readonly m: MeasuredText;
  readonly starts: ReadonlySet<number>;
}

/** A column's words (ColumnWords) with its minimums at one table's width. */
interface Prepared extends Pick<ColumnWords, 'token' | 'measured' | 'rowSpans' | 'header' | 'distinctValues' | 'wholeEm'> {
  /** The narrowest width at which every value wraps between words. */
  readonly strictMinEm: number;
  /** At least the widest dictionary word (and the text minimum), the header between words: the minimum when values' words may be cut. */
  readonly looseMinEm: number;
  /** At least the header's widest word (and the text minimum): the minimum when nothing else fits. */
  readonly squeezeMinEm: number;
}

/** In a table whose words cannot all be kept whole, a value cut mid-word counts as this many lines of height. */
const CUT_WORD_LINES = 1;

/** The widest line of a text as printed unbroken (its paragraphs each measured as printedWidthEm measures them), from the measured text. */
function paragraphsWidest(text: string): number {
  return measuredText(text).widestParagraphEm;
}

/** What a column's minimums are found from: independent of the table's width, so computed once a column (fitTable tries many). */
interface ColumnWords {
  readonly token: boolean;
  readonly measured: readonly (MeasuredText | undefined)[];
  readonly rowSpans: readonly number[];
  readonly header: WordedText;
  /** A column of words: each distinct value with its words, once, and the rows it is in (a column of words repeats its values). */
  readonly distinctValues: readonly { readonly value: WordedText; readonly rows: number }[];
  /** The widest a value or header line is on one line. */
  readonly wholeEm: number;
  readonly headerWord: number;
  readonly widestWord: number;
  readonly widestPlainWord: number;
  /** The widest piece a reader breaks only in an emergency (a number or Latin word, with its autospace): the cut tier goes no narrower. */
  readonly widestToken: number;
}

const columnWordsCache = new WeakMap<WidthColumn, ColumnWords>();

function columnWords(column: WidthColumn): ColumnWords {
  const cached = columnWordsCache.get(column);
  if (cached !== undefined) return cached;
  const token = column.kind !== 'text';
  const measured = column.cells.map((cell) => (cell === undefined || cell.text === '' ? undefined : measuredText(cell.text)));
  const rowSpans = column.cells.map((cell) => cell?.rowSpan ?? 1);
  const header = { m: measuredText(column.header), starts: wordStartOffsets(column.header) };
  const headerWord = widestWordEm(column.header, header.starts);
  let widestWord = headerWord;
  let whole = paragraphsWidest(column.header);
  // The dictionary's words alone, without the names kept whole: what a value may be cut into when the table is too full.
  let widestPlainWord = widestWord;
  let widestToken = 0;
  // A column of words repeats its values (a deadline, a unit in hundreds of rows): each distinct value is cut into words once.
  const distinct = new Map<string, { value: WordedText; rows: number }>();
  column.cells.forEach((cell, r) => {
    if (cell === undefined || cell.text === '') return;
    if (!token) {
      whole = Math.max(whole, paragraphsWidest(cell.text));
      return;
    }
    const known = distinct.get(cell.text);
    if (known !== undefined) {
      known.rows += 1;
      return;
    }
    whole = Math.max(whole, paragraphsWidest(cell.text));
    const keep = [...(column.keep ?? []), ...(LIST_KINDS.has(column.kind) ? cell.text.split(LIST_SEPARATORS).filter((s) => s.length > 1) : [])];
    const starts = wordStartOffsets(cell.text, keep);
    widestWord = Math.max(widestWord, widestWordEm(cell.text, starts));
    widestPlainWord = Math.max(widestPlainWord, widestWordEm(cell.text, wordStartOffsets(cell.text, [], BREAK.weak)));
    widestToken = Math.max(widestToken, widestAsciiRunEm(measured[r]!));
    distinct.set(cell.text, { value: { m: measured[r]!, starts }, rows: 1 });
  });
  const distinctValues = [...distinct.values()];
  const words = { token, measured, rowSpans, header, distinctValues, wholeEm: whole, headerWord, widestWord, widestPlainWord, widestToken };
  columnWordsCache.set(column, words);
  return words;
}

/** The widest ASCII run of a measured text (a number such as 2024, a Latin word), with its autospace. */
function widestAsciiRunEm(m: MeasuredText): number {
  let widest = 0;
  for (let a = 0; a < m.atomWidth.length; a += 1) if (m.atomRun[a]) widest = Math.max(widest, m.atomWidth[a]!);
  return widest;
}

/** The widest word of a text cut at these word starts (a newline ends a word too). */
function widestWordEm(text: string, starts: ReadonlySet<number>): number {
  const cuts = [...starts];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) cuts.push(i, i + 1);
  cuts.sort((a, b) => a - b);
  let widest = 0;
  cuts.forEach((s, i) => {
    widest = Math.max(widest, printedWidthEm(text.slice(s, cuts[i + 1] ?? text.length).replace(/\n/g, '')));
  });
  return widest;
}

function prepare(column: WidthColumn, readerSpread: number, maxEm: number): Prepared {
  const w = columnWords(column);
  const least = (content: number) => Math.min(maxEm, Math.max(1, Math.ceil(content - EPSILON), Math.ceil((column.minEm ?? 0) - EPSILON)));
  const textMin = w.token ? 0 : Math.min(TEXT_COLUMN_MIN_EM, w.wholeEm);
  const strict = least(Math.max(w.widestWord, textMin));
  const loose = least(Math.max(w.widestPlainWord, w.widestToken, textMin));
  // Squeezed, a number may be cut too (2024 as 202/4): the last resort of a table with more columns than fit.
  const squeeze = least(Math.max(w.headerWord, textMin));
  const base = { ...w, strictMinEm: strict, looseMinEm: loose, squeezeMinEm: squeeze };
  return {
    ...base,
    // No width up to the table's keeps the words whole: only one line a value would, which cannot fit.
    strictMinEm: nextWidth(base, strict - 1, { spread: readerSpread, maxEm, wholeWords: true }) ?? Math.max(strict, Math.ceil(w.wholeEm - EPSILON)),
    looseMinEm: nextWidth(base, loose - 1, { spread: readerSpread, maxEm, wholeWords: false }) ?? loose,
    squeezeMinEm: nextWidth(base, squeeze - 1, { spread: readerSpread, maxEm, wholeWords: false }) ?? squeeze,
  };
}

/** Does the reader's wrap at w (and at w widened by the spread) break the text between words only? */
function wrapsClean(t: WordedText, w: number, spread: number): boolean {
  const at = (width: number) => softBreaks(t.m, width).every((offset) => t.starts.has(offset));
  return at(w) && (spread <= 0 || at(w * (1 + spread)));
}

interface StepRule {
  readonly spread: number;
  readonly maxEm: number;
  /** Values must wrap between words too (else only the header must). */
  readonly wholeWords: boolean;
}

/**
 * The smallest whole-em width above `w`, up to maxEm, at which the header
 * wraps between words and (with wholeWords, in a column of words) so does
 * every value. Beyond the widest value every line is whole.
 */
function nextWidth(p: Pick<Prepared, 'header' | 'distinctValues' | 'token' | 'wholeEm'>, w: number, rule: StepRule): number | undefined {
  for (let next = Math.floor(w + EPSILON) + 1; next <= rule.maxEm + EPSILON; next += 1) {
    if (next >= p.wholeEm - EPSILON) return next;
    if (!wrapsClean(p.header, next, rule.spread)) continue;
    if (!rule.wholeWords || !p.token || p.distinctValues.every((d) => wrapsClean(d.value, next, rule.spread))) return next;
  }
  return undefined;
}

/** A width a column may take, with its rows' lines and (in a column of words) the values it cuts mid-word. */
interface Step {
  readonly width: number;
  readonly lines: Float64Array;
  /** Lines at the reader's wider width (readerSpread); the same array when there is no spread. */
  readonly wideLines: Float64Array;
  readonly cuts: number;
}

/**
 * Steps already computed, by column (its measured cells, shared by every
 * allocation of the column: columnWords caches them) and width: fitTable
 * allocates a table at up to fifteen sizes and tiers, the greedy and the
 * rebalance ask for the same widths again, and wrapping every cell is most
 * of the estimate's time (a 5,000-problem task table: 40 % in
 * measuredLineCount). Steps are never changed once made.
 */
const stepCache = new WeakMap<readonly (MeasuredText | undefined)[], Map<string, Step>>();

function stepAt(p: Prepared, width: number, spread: number): Step {
  let steps = stepCache.get(p.measured);
  if (steps === undefined) stepCache.set(p.measured, (steps = new Map()));
  const key = `${width}:${spread}`;
  const known = steps.get(key);
  if (known !== undefined) return known;
  const step = computeStep(p, width, spread);
  steps.set(key, step);
  return step;
}

function computeStep(p: Prepared, width: number, spread: number): Step {
  const lines = new Float64Array(p.measured.length);
  const wideLines = spread > 0 ? new Float64Array(p.measured.length) : lines;
  p.measured.forEach((m, r) => {
    // A merged cell's lines go to its first row, spread over its span.
    if (m === undefined) return;
    lines[r] = measuredLineCount(m, width) / p.rowSpans[r]!;
    if (spread > 0) wideLines[r] = measuredLineCount(m, width * (1 + spread)) / p.rowSpans[r]!;
  });
  let cuts = 0;
  if (p.token && width < p.wholeEm - EPSILON) for (const d of p.distinctValues) if (!wrapsClean(d.value, width, spread)) cuts += d.rows;
  return { width, lines, wideLines, cuts };
}

/**
 * A row is as tall as the narrower reader needs (Excel); where the wider one
 * (LibreOffice) needs fewer lines, it prints the row taller than its text.
 * Each such line counts this much against a width, as a line of height does.
 */
const SPREAD_EXCESS_LINES = 1;

/**
 * Widths in em for the columns, adding up to at most `availableEm`: each
 * column's minimum first, then the rest where it saves most height (see the
 * module comment). `fits` is false when the minimums alone are too wide — the
 * widths are then the minimums scaled down, whatever they break — or a row
 * is taller than maxRowLines.
 */
export function allocateWidthsEm(columns: readonly WidthColumn[], availableEm: number, options: WidthOptions = {}): WidthAllocation {
  const spread = options.readerSpread ?? 0;
  const words = options.words ?? 'whole';
  const wholeWords = words === 'whole';
  const { prepared, fixed, minOf, maxEm } = minimums(columns, availableEm, spread, words);
  const rowCount = Math.max(0, ...columns.map((c) => c.cells.length));
  let widths = prepared.map((p, c) => fixed[c] ?? minOf(p));
  let fits = sum(widths) <= availableEm + EPSILON;
  const minimumsFit = fits;
  if (!fits) {
    const free = availableEm - sum(fixed.map((f) => f ?? 0));
    const wanted = sum(prepared.map((p, c) => (fixed[c] === undefined ? minOf(p) : 0)));
    widths = prepared.map((p, c) => fixed[c] ?? Math.max(1, Math.floor((minOf(p) * Math.max(free, 0)) / wanted)));
    // A column scaled below 1 em is given 1: take that back from the widest, so the table still fits its width.
    for (let over = sum(widths) - availableEm; over > EPSILON; over -= 1) {
      const widest = widths.reduce((best, w, c) => (fixed[c] === undefined && w > (widths[best] ?? 0) ? c : best), -1);
      if (widest < 0 || widths[widest]! <= 1) break;
      widths[widest] = widths[widest]! - 1;
    }
  }
  if (fits && !wholeWords && (options.upgradeWords ?? true)) {
    // Words may be cut, but each column of words whose whole-word width still fits takes it: most values kept whole per em first.
    const order = prepared
      .map((p, c) => ({ c, extra: p.strictMinEm - widths[c]!, saved: p.token ? stepAt(p, widths[c]!, spread).cuts : 0 }))
      .filter(({ c, extra, saved }) => fixed[c] === undefined && extra > 0 && saved > 0);
    for (const { c, extra } of order.sort((a, b) => b.saved / b.extra - a.saved / a.extra || a.c - b.c)) {
      if (sum(widths) + extra <= availableEm + EPSILON) widths[c] = prepared[c]!.strictMinEm;
    }
  }
  const rule: StepRule = { spread, maxEm, wholeWords };
  /** The widths a column may step to next: the next allowed one and, where values may be cut, the next that cuts none. */
  const candidatesOf = (c: number): Step[] => {
    const p = prepared[c]!;
    const w = widths[c]!;
    if (fixed[c] !== undefined) return [];
    if (!fits) return w + 1 <= maxEm ? [stepAt(p, w + 1, spread)] : [];
    const next = nextWidth(p, w, rule);
    const whole = wholeWords || !p.token ? undefined : nextWidth(p, w, { ...rule, wholeWords: true });
    return [...new Set([next, whole].filter((x): x is number => x !== undefined))].map((x) => stepAt(p, x, spread));
  };
  const current = prepared.map((p, c) => stepAt(p, widths[c]!, spread));
  const candidates = prepared.map((_, c) => candidatesOf(c));
  const tallest = tallestCells(current, rowCount);
  for (;;) {
    const left = availableEm - sum(widths);
    const best = bestStep(current, candidates, left, tallest);
    const chosen = best ?? tiedStep(current, candidates, left, tallest) ?? leftoverStep(prepared, current, candidates, left);
    if (chosen === undefined) break;
    const [c, step] = chosen;
    const changed = changedRows(current[c]!, step);
    widths[c] = step.width;
    current[c] = step;
    candidates[c] = candidatesOf(c);
    tallest.update(current, changed);
  }
  if (fits) rebalanceText(prepared, widths, current, fixed, spread, rowCount);
  const rowLines = Array.from({ length: rowCount }, (_, r) => Math.max(1, ...current.map((s) => s.lines[r] ?? 0)));
  if (options.maxRowLines !== undefined && rowLines.some((n) => n > options.maxRowLines! + EPSILON)) fits = false;
  return { widthsEm: widths, fits, minimumsFit, rowLines, cutValues: sum(current.map((s) => s.cuts)) };
}

/**
 * Each column's minimum under a word rule at one table's width (prepare), the
 * widths the plan fixes (`share`), and the widest a column may be.
 */
function minimums(columns: readonly WidthColumn[], availableEm: number, spread: number, words: WordRule) {
  const maxEm = Math.max(1, Math.floor(availableEm + EPSILON));
  const prepared = columns.map((column) => prepare(column, spread, maxEm));
  const fixed = columns.map((c) => (c.share === undefined ? undefined : c.share * availableEm));
  const minOf = (p: Prepared) => (words === 'whole' ? p.strictMinEm : words === 'cut' ? p.looseMinEm : p.squeezeMinEm);
  return { prepared, fixed, minOf, maxEm };
}

/**
 * Whether every column's minimum under `words` fits `availableEm` — what
 * allocateWidthsEm returns as `minimumsFit`, without its greedy steps.
 */
function minimumsFitEm(columns: readonly WidthColumn[], availableEm: number, options: WidthOptions): boolean {
  const { prepared, fixed, minOf } = minimums(columns, availableEm, options.readerSpread ?? 0, options.words ?? 'whole');
  return sum(prepared.map((p, c) => fixed[c] ?? minOf(p))) <= availableEm + EPSILON;
}

/** Most moves rebalanceText makes: each lowers the table's height by at least a line, so this bounds a pathological table only. */
const REBALANCE_MAX_MOVES = 200;

/**
 * After the greedy steps, moves an em at a time from one text column to
 * another while that lowers the table's total height (the sum of each row's
 * tallest cell). The greedy gives the first ems to the column that is tallest
 * in most rows (the summary), and once the width is spent the rows where
 * another text (the progress) is tallest cannot be helped: the 2023-11
 * report's table had 问题简述 at 16 em and 整改进展 at 8. Text columns only:
 * columns of words keep the widths that keep their words whole, and each
 * text column keeps its minimum. Changes `widths` and `current` in place.
 */
function rebalanceText(prepared: readonly Prepared[], widths: number[], current: Step[], fixed: readonly (number | undefined)[], spread: number, rowCount: number): void {
  const text = prepared.map((p, c) => (!p.token && fixed[c] === undefined ? c : -1)).filter((c) => c >= 0);
  if (text.length < 2) return;
  const height = (steps: readonly Step[]) => {
    let total = 0;
    for (let r = 0; r < rowCount; r += 1) {
      let tallest = 1;
      for (const step of steps) tallest = Math.max(tallest, step.lines[r] ?? 0);
      total += tallest;
    }
    return total;
  };
  let best = height(current);
  for (let move = 0; move < REBALANCE_MAX_MOVES; move += 1) {
    let found: { from: number; to: number; narrower: Step; wider: Step; total: number } | undefined;
    for (const from of text) {
      if (widths[from]! - 1 < prepared[from]!.strictMinEm - EPSILON) continue;
      const narrower = stepAt(prepared[from]!, widths[from]! - 1, spread);
      for (const to of text) {
        if (to === from) continue;
        const wider = stepAt(prepared[to]!, widths[to]! + 1, spread);
        const trial = current.map((step, c) => (c === from ? narrower : c === to ? wider : step));
        const total = height(trial);
        if (total < (found?.total ?? best) - EPSILON) found = { from, to, narrower, wider, total };
      }
    }
    if (found === undefined) return;
    widths[found.from] = found.narrower.width;
    widths[found.to] = found.wider.width;
    current[found.from] = found.narrower;
    current[found.to] = found.wider;
    best = found.total;
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function affordable(current: Step, step: Step, left: number): boolean {
  return step.width - current.width <= left + EPSILON;
}

/**
 * Each row's tallest cell, its column and the tallest of the other columns,
 * at the computed width (`narrow`) and at the wider reader's (`wide`, the same
 * object without a spread): a row's height with one column widened is then
 * one comparison. Kept up to date as the greedy steps (`update`: only the rows
 * the step changed are looked at again, each exactly as the first time).
 */
interface TallestCells {
  readonly narrow: RowTops;
  readonly wide: RowTops;
  readonly spread: boolean;
  update(current: readonly Step[], rows: Int32Array): void;
}

interface RowTops {
  readonly tallest: Float64Array;
  readonly tallestColumn: Int32Array;
  readonly runnerUp: Float64Array;
}

function tallestCells(current: readonly Step[], rowCount: number): TallestCells {
  const spread = current.some((s) => s.wideLines !== s.lines);
  const tops = (): RowTops => ({ tallest: new Float64Array(rowCount), tallestColumn: new Int32Array(rowCount), runnerUp: new Float64Array(rowCount) });
  const narrow = tops();
  const wide = spread ? tops() : narrow;
  const fillRow = (t: RowTops, pick: (s: Step) => Float64Array, r: number) => {
    // The first column with the most lines is the tallest; the runner-up is the most of the others (ties included).
    let top = 0;
    let column = -1;
    let second = 0;
    for (let k = 0; k < current.length; k += 1) {
      const v = pick(current[k]!)[r]!;
      if (v > top) {
        second = top;
        top = v;
        column = k;
      } else if (v > second) second = v;
    }
    t.tallest[r] = top;
    t.tallestColumn[r] = column;
    t.runnerUp[r] = second;
  };
  const fill = (r: number) => {
    fillRow(narrow, (s) => s.lines, r);
    if (spread) fillRow(wide, (s) => s.wideLines, r);
  };
  for (let r = 0; r < rowCount; r += 1) fill(r);
  return {
    narrow,
    wide,
    spread,
    update(now, rows) {
      current = now;
      for (const r of rows) fill(r);
    },
  };
}

/**
 * The rows whose lines differ between two steps of a column, at either
 * reader's width, ascending: only there can widening the column change a
 * row's height (elsewhere its term in a gain is exactly zero), so the greedy
 * looks at these rows only — a 5,000-row ledger's widths spent most of their
 * time adding those zeros (issue 14). Cached per pair (steps never change).
 */
const changedRowsCache = new WeakMap<Step, WeakMap<Step, Int32Array>>();

function changedRows(from: Step, to: Step): Int32Array {
  let byTarget = changedRowsCache.get(from);
  if (byTarget === undefined) changedRowsCache.set(from, (byTarget = new WeakMap()));
  const known = byTarget.get(to);
  if (known !== undefined) return known;
  const rows: number[] = [];
  for (let r = 0; r < from.lines.length; r += 1) if (from.lines[r] !== to.lines[r] || from.wideLines[r] !== to.wideLines[r]) rows.push(r);
  const changed = Int32Array.from(rows);
  byTarget.set(to, changed);
  return changed;
}

/** A step's lines added over its rows, in row order (the tie-break of bestStep): once a step. */
const lineLoads = new WeakMap<Step, number>();

function lineLoad(step: Step): number {
  let load = lineLoads.get(step);
  if (load === undefined) {
    load = 0;
    for (let r = 0; r < step.lines.length; r += 1) load += step.lines[r]!;
    lineLoads.set(step, load);
  }
  return load;
}

/**
 * The step that lowers the table's total height most per em (a value cut
 * mid-word counting CUT_WORD_LINES, a line one reader needs and the other
 * does not SPREAD_EXCESS_LINES); on a tie, the one saving more, then the
 * column with more lines. Undefined when no step saves anything.
 */
function bestStep(current: readonly Step[], candidates: readonly (readonly Step[])[], left: number, cells: TallestCells): [number, Step] | undefined {
  const { narrow, wide, spread } = cells;
  const heightAfter = (t: RowTops, c: number, r: number, v: number) => Math.max(t.tallestColumn[r] === c ? t.runnerUp[r]! : t.tallest[r]!, v);
  let best: { c: number; step: Step; gain: number; score: number; load: number } | undefined;
  current.forEach((now, c) => {
    const load = lineLoad(now);
    for (const step of candidates[c]!) {
      if (!affordable(now, step, left)) continue;
      let gain = (now.cuts - step.cuts) * CUT_WORD_LINES;
      // Rows in order, as adding every row would (the rows left out add exactly zero).
      for (const r of changedRows(now, step)) {
        const height = narrow.tallest[r]!;
        const after = heightAfter(narrow, c, r, step.lines[r]!);
        gain += height - after;
        if (spread) gain += SPREAD_EXCESS_LINES * (height - wide.tallest[r]! - (after - heightAfter(wide, c, r, step.wideLines[r]!)));
      }
      if (gain <= EPSILON) continue;
      const score = gain / (step.width - now.width);
      const better =
        best === undefined ||
        score > best.score + EPSILON ||
        (Math.abs(score - best.score) <= EPSILON && (gain > best.gain + EPSILON || (Math.abs(gain - best.gain) <= EPSILON && load > best.load)));
      if (better) best = { c, step, gain, score, load };
    }
  });
  return best === undefined ? undefined : [best.c, best.step];
}

/**
 * When no one step lowers any row (two cells of a row are equally tallest, so
 * widening either alone changes nothing), the step that shortens the most
 * tallest cells per em: the next step on the other cell then saves the row.
 */
function tiedStep(current: readonly Step[], candidates: readonly (readonly Step[])[], left: number, cells: TallestCells): [number, Step] | undefined {
  const { tallest } = cells.narrow;
  let best: { c: number; step: Step; score: number } | undefined;
  current.forEach((now, c) => {
    for (const step of candidates[c]!) {
      if (!affordable(now, step, left)) continue;
      let potential = 0;
      // A row whose lines do not change adds exactly zero: the changed rows, in order.
      for (const r of changedRows(now, step)) if (now.lines[r]! >= tallest[r]! - EPSILON) potential += now.lines[r]! - step.lines[r]!;
      const score = potential / (step.width - now.width);
      if (potential > EPSILON && (best === undefined || score > best.score + EPSILON)) best = { c, step, score };
    }
  });
  return best === undefined ? undefined : [best.c, best.step];
}

/**
 * Width that saves no height: first a column of words towards one line a
 * value (the cheapest step first), then the text column with most lines, then
 * any column.
 */
function leftoverStep(prepared: readonly Prepared[], current: readonly Step[], candidates: readonly (readonly Step[])[], left: number): [number, Step] | undefined {
  const cheapest = (c: number) =>
    candidates[c]!.filter((s) => affordable(current[c]!, s, left)).reduce<Step | undefined>((a, s) => (a === undefined || s.width < a.width ? s : a), undefined);
  let best: [number, Step] | undefined;
  prepared.forEach((p, c) => {
    const step = cheapest(c);
    if (!p.token || current[c]!.width >= p.wholeEm - EPSILON || step === undefined) return;
    if (best === undefined || step.width - current[c]!.width < best[1].width - current[best[0]]!.width) best = [c, step];
  });
  if (best !== undefined) return best;
  for (const textOnly of [true, false]) {
    let load = -1;
    prepared.forEach((p, c) => {
      const step = cheapest(c);
      if ((textOnly && p.token) || step === undefined) return;
      const l = sum(Array.from(current[c]!.lines));
      if (l > load) {
        load = l;
        best = [c, step];
      }
    });
    if (best !== undefined) return best;
  }
  return undefined;
}

// --- fits: a type size and a print scale --------------------------------------------

/** A size and scale a table may be set at, with the em of text that then fit across. */
export interface TableFit {
  /** Type size of the cells as the document or sheet sets it. */
  readonly sizePt: number;
  /** Print scale (an Excel sheet printed fitted to the page's width); 1 for Word. */
  readonly scale: number;
  /** Em of text at sizePt that fit across the table once each of `columnCount` columns' padding is off. */
  readonly textWidthEm: (columnCount: number) => number;
  readonly maxRowLines?: number;
  readonly readerSpread?: number;
}

export interface FittedTable {
  readonly fit: TableFit;
  readonly allocation: WidthAllocation;
}

/**
 * The first fit at which the table fits with every word whole. Failing that,
 * words may be cut (each column of words still as wide as its widest
 * dictionary word), and failing that too, squeezed (as wide as its header's
 * widest word): of the fits that then fit, the one that cuts the fewest
 * values, the first of those on a tie. Text columns keep TEXT_COLUMN_MIN_EM
 * throughout. When nothing fits, the last fit, whatever it cuts.
 */
export function fitTable(columns: readonly WidthColumn[], fits: readonly TableFit[]): FittedTable {
  if (fits.length === 0) throw new RangeError('fitTable: no fit to try');
  const allocate = (fit: TableFit, words: WordRule, upgradeWords = true): FittedTable => ({
    fit,
    allocation: allocateWidthsEm(columns, fit.textWidthEm(columns.length), {
      words,
      upgradeWords,
      ...(fit.readerSpread === undefined ? {} : { readerSpread: fit.readerSpread }),
      ...(fit.maxRowLines === undefined ? {} : { maxRowLines: fit.maxRowLines }),
    }),
  });
  for (const fit of fits) {
    // A fit whose whole-word minimums do not fit cannot fit whole (its greedy steps were a 1,000-row table's largest cost, issue 14): skip it.
    if (!minimumsFitEm(columns, fit.textWidthEm(columns.length), { words: 'whole', ...(fit.readerSpread === undefined ? {} : { readerSpread: fit.readerSpread }) })) continue;
    const strict = allocate(fit, 'whole');
    if (strict.allocation.fits) return strict;
  }
  const tried: FittedTable[] = [];
  for (const words of ['cut', 'squeeze'] as const) {
    // Widening the columns of words first may leave too little for a row under maxRowLines: then they are not.
    const tier = fits.map((fit) => {
      const upgraded = allocate(fit, words);
      return upgraded.allocation.fits ? upgraded : allocate(fit, words, false);
    });
    const fitting = tier.filter((f) => f.allocation.fits);
    if (fitting.length > 0) return fitting.reduce((best, f) => (f.allocation.cutValues < best.allocation.cutValues ? f : best));
    tried.push(...tier);
  }
  // Nothing keeps every row under its limit: the allocation whose minimums fit with the shortest tallest row, else the last.
  const placed = tried.filter((f) => f.allocation.minimumsFit);
  const tallest = (f: FittedTable) => Math.max(...f.allocation.rowLines) / (f.fit.maxRowLines ?? Infinity);
  return placed.length > 0 ? placed.reduce((best, f) => (tallest(f) < tallest(best) ? f : best)) : tried[tried.length - 1]!;
}

// --- Word tables on the landscape type area ---------------------------------------------

/**
 * Em of text at `sizePt` that fit across the landscape type area once each
 * column's padding is off.
 */
export function landscapeTableTextWidthEm(columnCount: number, sizePt: number = TABLE_CELL_SIZE_PT): number {
  return (LANDSCAPE_TYPE_AREA_WIDTH_TWIP - columnCount * COLUMN_ROOM_TWIP) / (sizePt * TWIP_PER_PT);
}

/**
 * Room a column of a Word table takes besides its text, in twips: the
 * cell's padding on both sides and a slack of 1 pt. Without the slack a
 * value exactly as wide as its column (序号 in a 2-em column) was wrapped by
 * LibreOffice (序/号): its glyph advances and the rounding of the grid to
 * whole twips leave less than the em computed.
 */
const COLUMN_ROOM_TWIP = 2 * TABLE_CELL_PADDING_X_TWIP + TWIP_PER_PT;

/**
 * The sizes a Word table tries, largest first: 小四, as docs/format.md sets
 * table cells, then 五号 and 小五 for tables whose columns do not fit at 小四 —
 * smaller type rather than starved columns. 小五 (9 pt) is the smallest
 * printed size the documents use.
 */
export const WORD_TABLE_SIZES_PT: readonly number[] = [ZIHAO_PT.小四, ZIHAO_PT.五号, ZIHAO_PT.小五];

/**
 * Share of the landscape type area's height a Word table's row should stay
 * within (the rest is for the repeated header): a taller row is broken over
 * pages by Word, and cannot be held by the Excel task table that shares the
 * widths.
 */
export const WORD_ROW_MAX_PAGE_SHARE = 0.8;

/**
 * Share of the page a Word table's row may fill and still be kept whole
 * (cantSplit). A taller row may break across pages, as Word's tables do by
 * default: Word cuts off a row taller than the page that may not break, the
 * height is only an estimate, and a tall row moved whole to the next page
 * left up to half a page blank (the 2023-11 report's table, at 0.5).
 */
export const KEEP_WHOLE_PAGE_RATIO = 0.3;

/**
 * How far the heights of one page's rows may be off together, either way, as
 * a share, on top of each row's own shortest and tallest: a face a little
 * wider or narrower throughout (render/docx/task-table.ts mergeRestarts).
 */
export const PAGE_HEIGHT_SPREAD = 0.03;

export const WORD_LANDSCAPE_TABLE_FITS: readonly TableFit[] = WORD_TABLE_SIZES_PT.map((sizePt) => ({
  sizePt,
  scale: 1,
  textWidthEm: (columnCount: number) => landscapeTableTextWidthEm(columnCount, sizePt),
  maxRowLines: Math.floor((LANDSCAPE_TYPE_AREA_HEIGHT_TWIP * WORD_ROW_MAX_PAGE_SHARE) / tableTypeTwips(sizePt).lineTwip),
}));

/** Column widths in twips for a landscape table of these weights: the Word grid, and the Excel widths' source. */
export function landscapeColumnTwips(weights: readonly number[]): number[] {
  return shareWidths(LANDSCAPE_TYPE_AREA_WIDTH_TWIP, weights, COLUMN_ROOM_TWIP);
}

/** A Word table's type at `sizePt`: the run size in half-points, one em and the exact line pitch in twips. */
export function tableTypeTwips(sizePt: number): { sizeHalfPt: number; emTwip: number; lineTwip: number } {
  return { sizeHalfPt: ptToHalfPt(sizePt), emTwip: sizePt * TWIP_PER_PT, lineTwip: Math.round(sizePt * TABLE_LINE_PITCH_RATIO * TWIP_PER_PT) };
}

/** Words-only breaks of a header or value: exported for tests that check a column never cuts a word. */
export function wrapsBetweenWords(text: string, lineWidthEm: number, keep: readonly string[] = []): boolean {
  const starts = wordStartOffsets(text, keep, BREAK.free);
  return softBreaks(measureText(text), lineWidthEm).every((offset) => starts.has(offset));
}
