// How wide text is, in em (one full-width character = 1), and where its lines
// break. Two models live here, for two different jobs:
//
// - **The reader's wrap** (wrapLines, wrappedLineCount, measureText): how Word,
//   WPS, Excel and LibreOffice break a cell's text, which zhenggai never breaks
//   itself. They break between any two CJK characters, keep a run of Latin
//   letters and digits whole when it fits, and follow the Chinese line-breaking
//   rules (避头尾): no line starts with a closing mark (。，、；：？！）」』》…) and
//   none ends with an opening one (（「『《…) — the character before is carried
//   down with it. Counting those carried characters makes the estimate
//   conservative: a row estimated this way is never too short.
// - **Words** (breakClasses, words): where text *may* break without splitting
//   a word, for what zhenggai breaks itself (titles, compose/title-lines.ts)
//   and for the columns whose values must never be cut mid-word (dates,
//   units, posts, deadlines, statuses: layout/table-widths.ts makes such a
//   column wide enough that the reader's wrap falls between words).
//   Intl.Segmenter('zh', {granularity: 'word'}) gives the dictionary's words,
//   with rules on top: a number keeps its 年/月/日/个/户/%/号, a place name its
//   省/市/县/区/镇/乡/村, the plan's own names (units, posts) stay whole, and the
//   避头尾 marks stay with their neighbours.
//
// Both renderers and the column-width estimate use these, so the Word table,
// the Excel sheet and the estimate agree on where lines wrap. The wrap counts
// the autospace Word and LibreOffice add where Latin letters or digits meet
// Chinese (AUTOSPACE_EM; Excel adds none, so there the estimate is a little
// generous): without it a deadline of exactly a column's width, 10月底前完成,
// wrapped as 10月底前完/成.

import { AUTOSPACE_EM } from './gbt9704.js';

/** Half-width characters (ASCII letters, digits, spaces, Latin punctuation) take about half an em. */
export const HALF_WIDTH_EM = 0.5;
export const FULL_WIDTH_EM = 1;

/** Printable ASCII and the half-width forms block render half-width; everything else (CJK, full-width punctuation) full-width. */
function isHalfWidth(codePoint: number): boolean {
  return (codePoint >= 0x20 && codePoint <= 0x7e) || (codePoint >= 0xff61 && codePoint <= 0xffdc);
}

export function charWidthEm(ch: string): number {
  return isHalfWidth(ch.codePointAt(0)!) ? HALF_WIDTH_EM : FULL_WIDTH_EM;
}

/**
 * 1 when the character at UTF-16 offset `i` is a printed full-width one
 * (not a space, a newline, ASCII or a half-width form), else 0: where an
 * ASCII run meets it, Word and LibreOffice add their autospace.
 */
function fullWidthAt(text: string, i: number): number {
  if (i < 0 || i >= text.length) return 0;
  const code = text.codePointAt(i)!;
  if (code >= 0xdc00 && code <= 0xdfff) return 1; // the low half of a pair: a character outside the BMP
  return code > 0x7e && !isHalfWidth(code) && code !== 0x3000 ? 1 : 0;
}

/**
 * Printed width of one line of text (no newlines considered), with the
 * autospace readers add where ASCII meets full-width characters
 * (AUTOSPACE_EM): what a table cell needs to hold it on one line.
 */
export function printedWidthEm(text: string): number {
  const m = measuredOf(text);
  let width = 0;
  for (const w of m.atomWidth) width += w;
  return width;
}

/** Width of one line of text (no newlines considered). */
export function textWidthEm(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidthEm(ch);
  return width;
}

// --- 避头尾: the marks a line may not start or end with ---------------------------

/** 避头: closing marks, pauses and postfixes that may not start a line (GB/T 15834 and the readers' defaults). */
export const NO_LINE_START = new Set([...'。，、；：？！）」』》〉】〕〗〙’”…‥·—–～％‰℃!),.:;?]}%']);
/** 避尾: opening marks that may not end a line. */
export const NO_LINE_END = new Set([...'（「『《〈【〔〖〘‘“([{']);
/** 避头尾 by code point, for measureText's inner loop (a table lookup, not a Set's hash): bit 1 no line start, bit 2 no line end. */
const GLUE_FLAGS = new Uint8Array(0x10000);
const NO_START_FLAG = 1;
const NO_END_FLAG = 2;
for (const c of NO_LINE_START) GLUE_FLAGS[c.codePointAt(0)!] = GLUE_FLAGS[c.codePointAt(0)!]! | NO_START_FLAG;
for (const c of NO_LINE_END) GLUE_FLAGS[c.codePointAt(0)!] = GLUE_FLAGS[c.codePointAt(0)!]! | NO_END_FLAG;
const glueFlags = (codePoint: number) => (codePoint < 0x10000 ? GLUE_FLAGS[codePoint]! : 0);

// --- the reader's wrap ---------------------------------------------------------------

const EPSILON = 1e-9;

/**
 * A text cut into what a reader breaks between. An atom is one character, or
 * a run of printable ASCII other than space (a number, a Latin word, a file
 * name), which a reader keeps whole when it fits a line. A cluster is atoms
 * that 避头尾 glues together (六。 or （七), kept on one line when they fit.
 * Offsets are UTF-16 indices into `text`.
 */
export interface MeasuredText {
  readonly text: string;
  /**
   * Per atom: width in em (an ASCII run with the readers' autospace on each
   * side that meets a full-width character, AUTOSPACE_EM), its length in
   * UTF-16 units, start offset, and whether it is an ASCII run (breakable
   * per character in an emergency).
   */
  readonly atomWidth: Float64Array;
  readonly atomChars: Int32Array;
  readonly atomStart: Int32Array;
  readonly atomRun: Uint8Array;
  /** Per cluster: its first atom and its width. Cluster k's atoms are clusterAtom[k] .. clusterAtom[k+1]-1. */
  readonly clusterAtom: Int32Array;
  readonly clusterWidth: Float64Array;
  /** Clusters that start a paragraph (after a newline, or the first). */
  readonly paragraphStart: Uint8Array;
  /** Offsets of each paragraph's end (its newline, or the text's end), in order. */
  readonly paragraphEnds: readonly number[];
  /** The printed width of the widest paragraph (printedWidthEm of that paragraph alone): what a cell needs to hold every line unbroken. */
  readonly widestParagraphEm: number;
  /**
   * The same as the wrap adds it (cluster by cluster, in order): at any line
   * width of at least this the wrap breaks nowhere and gives one line a
   * paragraph (measuredLineCount's fast path).
   */
  readonly unbrokenEm: number;
  /**
   * Where the clusters end, in tenths of an em, counted from the text's start
   * (cluster k spans clusterEndTenths[k-1] .. clusterEndTenths[k]): every width
   * here is a whole number of tenths (1, 0.5 and the 0.2 autospace), so a
   * line's width is one subtraction, exact (measuredLineCount's jump).
   */
  readonly clusterEndTenths: Int32Array;
  /** The widest cluster, in tenths of an em: at a line narrower than this the wrap breaks inside a cluster. */
  readonly widestClusterTenths: number;
}

/**
 * The text measured once, for wrapping at any width. The per-atom and
 * per-cluster arrays are filled in reused working arrays (scratchFor) and
 * copied out at their counts: a task table measures every cell, and plain
 * arrays, then fresh typed arrays a cell, were a tenth of its time in the
 * garbage collector (issue 14).
 */
export function measureText(text: string): MeasuredText {
  const n = text.length;
  const scratch = scratchFor(n);
  const { widths, chars, starts, runs, firstChar, lastChar, paragraphOfAtom } = scratch;
  const paragraphEnds: number[] = [];
  let atoms = 0;
  let paragraph = 0;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code === 0x0a) {
      paragraphEnds.push(i);
      paragraph += 1;
      i += 1;
      continue;
    }
    if (code >= 0x21 && code <= 0x7e) {
      let end = i + 1;
      while (end < n) {
        const next = text.charCodeAt(end);
        if (next < 0x21 || next > 0x7e) break;
        end += 1;
      }
      widths[atoms] = (end - i) * HALF_WIDTH_EM + AUTOSPACE_EM * (fullWidthAt(text, i - 1) + fullWidthAt(text, end));
      chars[atoms] = end - i;
      starts[atoms] = i;
      runs[atoms] = end - i > 1 ? 1 : 0;
      firstChar[atoms] = code;
      lastChar[atoms] = text.charCodeAt(end - 1);
      paragraphOfAtom[atoms] = paragraph;
      atoms += 1;
      i = end;
      continue;
    }
    const codePoint = text.codePointAt(i)!;
    widths[atoms] = isHalfWidth(codePoint) ? HALF_WIDTH_EM : FULL_WIDTH_EM;
    chars[atoms] = 1;
    starts[atoms] = i;
    runs[atoms] = 0;
    firstChar[atoms] = codePoint;
    lastChar[atoms] = codePoint;
    paragraphOfAtom[atoms] = paragraph;
    atoms += 1;
    i += codePoint > 0xffff ? 2 : 1;
  }
  paragraphEnds.push(n);
  const { clusterAtom, clusterWidth, paragraphStart } = scratch;
  let clusters = 0;
  let lastParagraph = -1;
  for (let a = 0; a < atoms; a += 1) {
    const newParagraph = paragraphOfAtom[a] !== lastParagraph;
    const glued = !newParagraph && a > 0 && ((glueFlags(firstChar[a]!) & NO_START_FLAG) !== 0 || (glueFlags(lastChar[a - 1]!) & NO_END_FLAG) !== 0);
    if (glued) {
      clusterWidth[clusters - 1] = clusterWidth[clusters - 1]! + widths[a]!;
    } else {
      clusterAtom[clusters] = a;
      clusterWidth[clusters] = widths[a]!;
      paragraphStart[clusters] = newParagraph ? 1 : 0;
      clusters += 1;
    }
    lastParagraph = paragraphOfAtom[a]!;
  }
  clusterAtom[clusters] = atoms;
  const out = packedArrays(atoms, clusters);
  const clusterEndTenths = out.clusterEndTenths;
  let widestClusterTenths = 0;
  for (let k = 0, end = 0; k < clusters; k += 1) {
    const tenths = Math.round(clusterWidth[k]! * 10);
    end += tenths;
    clusterEndTenths[k] = end;
    if (tenths > widestClusterTenths) widestClusterTenths = tenths;
  }
  let unbrokenEm = 0;
  let paragraphEm = 0;
  for (let k = 0; k < clusters; k += 1) {
    if (paragraphStart[k]) paragraphEm = 0;
    paragraphEm += clusterWidth[k]!;
    if (paragraphEm > unbrokenEm) unbrokenEm = paragraphEm;
  }
  // Atom by atom, as printedWidthEm adds a paragraph measured alone (a paragraph's edges see a newline, as its own text's edges see nothing).
  let widestParagraphEm = 0;
  paragraphEm = 0;
  for (let a = 0; a < atoms; a += 1) {
    if (a > 0 && paragraphOfAtom[a] !== paragraphOfAtom[a - 1]) paragraphEm = 0;
    paragraphEm += widths[a]!;
    if (paragraphEm > widestParagraphEm) widestParagraphEm = paragraphEm;
  }
  // Copied out of the scratch (reused by the next text) into one buffer at their counts.
  out.atomWidth.set(widths.subarray(0, atoms));
  out.atomChars.set(chars.subarray(0, atoms));
  out.atomStart.set(starts.subarray(0, atoms));
  out.atomRun.set(runs.subarray(0, atoms));
  out.clusterAtom.set(clusterAtom.subarray(0, clusters + 1));
  out.clusterWidth.set(clusterWidth.subarray(0, clusters));
  out.paragraphStart.set(paragraphStart.subarray(0, clusters));
  return {
    text,
    ...out,
    paragraphEnds,
    widestParagraphEm,
    unbrokenEm,
    widestClusterTenths,
  };
}

/**
 * A measured text's arrays as views of one buffer: the garbage collector
 * tracks each buffer outside the heap, and eight a cell were a fifth of a
 * 5,000-row table's time in it (issue 14). Doubles first, then 32-bit
 * integers, then bytes, so every view is aligned.
 */
function packedArrays(atoms: number, clusters: number) {
  const doubles = atoms + clusters;
  const ints = 2 * atoms + 2 * clusters + 1;
  const buffer = new ArrayBuffer(8 * doubles + 4 * ints + atoms + clusters);
  let at = 0;
  const f64 = (n: number) => new Float64Array(buffer, (at += 8 * n) - 8 * n, n);
  const i32 = (n: number) => new Int32Array(buffer, (at += 4 * n) - 4 * n, n);
  const u8 = (n: number) => new Uint8Array(buffer, (at += n) - n, n);
  return {
    atomWidth: f64(atoms),
    clusterWidth: f64(clusters),
    atomChars: i32(atoms),
    atomStart: i32(atoms),
    clusterAtom: i32(clusters + 1),
    clusterEndTenths: i32(clusters),
    atomRun: u8(atoms),
    paragraphStart: u8(clusters),
  };
}

/** measureText's working arrays, sized by a text's length (an upper bound of its atoms and clusters). */
interface MeasureScratch {
  readonly size: number;
  readonly widths: Float64Array;
  readonly chars: Int32Array;
  readonly starts: Int32Array;
  readonly runs: Uint8Array;
  readonly firstChar: Int32Array;
  readonly lastChar: Int32Array;
  readonly paragraphOfAtom: Int32Array;
  readonly clusterAtom: Int32Array;
  readonly clusterWidth: Float64Array;
  readonly paragraphStart: Uint8Array;
}

let scratch: MeasureScratch | undefined;

/**
 * The working arrays for a text of `n` UTF-16 units, reused from text to
 * text: a task table measures every cell, and ten fresh typed arrays a cell
 * were a tenth of its time in allocation and the garbage collector (issue 14).
 * Grown to the next power of two; every slot measureText reads it writes first.
 */
function scratchFor(n: number): MeasureScratch {
  if (scratch !== undefined && scratch.size >= n + 1) return scratch;
  let size = 256;
  while (size < n + 1) size *= 2;
  scratch = {
    size,
    widths: new Float64Array(size),
    chars: new Int32Array(size),
    starts: new Int32Array(size),
    runs: new Uint8Array(size),
    firstChar: new Int32Array(size),
    lastChar: new Int32Array(size),
    paragraphOfAtom: new Int32Array(size),
    clusterAtom: new Int32Array(size),
    clusterWidth: new Float64Array(size),
    paragraphStart: new Uint8Array(size),
  };
  return scratch;
}

/**
 * The greedy wrap at `lineWidthEm`: how many lines, and (when `starts` is
 * given) the offset each line after a paragraph's first starts at. A cluster
 * wider than a line is broken between its atoms, and an ASCII run wider than a
 * line between its characters, as readers do.
 */
function wrapMeasured(m: MeasuredText, lineWidthEm: number, starts?: number[]): number {
  if (!(lineWidthEm > 0)) throw new RangeError('wrapLines: line width must be positive');
  const limit = lineWidthEm + EPSILON;
  // Empty paragraphs (two newlines in a row, or a text that is only newlines) still take a line each.
  let lines = m.paragraphEnds.length;
  let used = 0;
  let empty = true;
  const place = (w: number, offset: number) => {
    if (!empty && used + w > limit) {
      lines += 1;
      used = 0;
      starts?.push(offset);
    }
    used += w;
    empty = false;
  };
  const clusters = m.clusterWidth.length;
  for (let k = 0; k < clusters; k += 1) {
    if (m.paragraphStart[k]) {
      used = 0;
      empty = true;
    }
    const w = m.clusterWidth[k]!;
    const first = m.clusterAtom[k]!;
    if (w <= limit) {
      place(w, m.atomStart[first]!);
      continue;
    }
    for (let a = first; a < m.clusterAtom[k + 1]!; a += 1) {
      const aw = m.atomWidth[a]!;
      if (aw <= limit || !m.atomRun[a]) place(aw, m.atomStart[a]!);
      else for (let c = 0; c < m.atomChars[a]!; c += 1) place(aw / m.atomChars[a]!, m.atomStart[a]! + c);
    }
  }
  return lines;
}

/**
 * Lines the measured text wraps into at `lineWidthEm`: wrapMeasured's count
 * without its break offsets, written out without the closure (the width
 * estimate asks this for every cell at every width it tries — most of a large
 * table's time; test/compose/text-width.test.ts holds wrappedLineCount, which
 * is this, to the lines wrapLines builds).
 */
export function measuredLineCount(m: MeasuredText, lineWidthEm: number): number {
  if (!(lineWidthEm > 0)) throw new RangeError('wrapLines: line width must be positive');
  const limit = lineWidthEm + EPSILON;
  // Most cells of a table fit their column: no need to walk them.
  if (m.unbrokenEm <= limit) return m.paragraphEnds.length;
  // Every width is whole tenths of an em added in floating point, within 1e-12 of the exact tenths: "fits within limit" is "tenths ≤ this".
  const limitTenths = Math.floor(limit * 10);
  return m.widestClusterTenths <= limitTenths ? jumpedLineCount(m, limitTenths) : walkedLineCount(m, limit);
}

/**
 * The greedy wrap's line count when every cluster fits a line: each line is
 * found by jumping to the last cluster that still fits (the ends are exact
 * whole tenths), not by adding its clusters one by one — a long text at many
 * widths is most of a large table's width estimate (issue 14). The same lines
 * as walkedLineCount (test/compose/text-width.test.ts compares both with
 * wrapLines for any text and width).
 */
function jumpedLineCount(m: MeasuredText, limitTenths: number): number {
  const { clusterEndTenths: ends, paragraphStart } = m;
  const clusters = ends.length;
  // Empty paragraphs take a line each: one line a paragraph, plus one a break.
  let lines = m.paragraphEnds.length;
  let k = 0;
  while (k < clusters) {
    // A paragraph's clusters: k .. last - 1.
    let last = k + 1;
    while (last < clusters && !paragraphStart[last]) last += 1;
    let from = k;
    for (;;) {
      const base = from === 0 ? 0 : ends[from - 1]!;
      if (ends[last - 1]! - base <= limitTenths) break;
      // The last cluster j (from ≤ j < last - 1) with ends[j] - base ≤ limit, j ≥ from as every cluster fits:
      // guessed as if every cluster were one em (most are), then stepped to.
      let j = Math.max(from, Math.min(last - 2, from + Math.floor(limitTenths / 10) - 1));
      while (j > from && ends[j]! - base > limitTenths) j -= 1;
      while (ends[j + 1]! - base <= limitTenths) j += 1;
      lines += 1;
      from = j + 1;
    }
    k = last;
  }
  return lines;
}

/**
 * The greedy wrap's line count, cluster by cluster: wrapMeasured's count
 * without its break offsets, written out without the closure, for a text
 * with a cluster wider than the line (broken between its atoms, an ASCII run
 * between its characters).
 */
function walkedLineCount(m: MeasuredText, limit: number): number {
  const { clusterWidth, clusterAtom, paragraphStart, atomWidth, atomRun, atomChars } = m;
  let lines = m.paragraphEnds.length;
  let used = 0;
  let empty = true;
  const clusters = clusterWidth.length;
  for (let k = 0; k < clusters; k += 1) {
    if (paragraphStart[k]) {
      used = 0;
      empty = true;
    }
    const w = clusterWidth[k]!;
    if (w <= limit) {
      if (!empty && used + w > limit) {
        lines += 1;
        used = 0;
      }
      used += w;
      empty = false;
      continue;
    }
    for (let a = clusterAtom[k]!; a < clusterAtom[k + 1]!; a += 1) {
      const aw = atomWidth[a]!;
      const pieces = aw <= limit || !atomRun[a] ? 1 : atomChars[a]!;
      const pw = aw / pieces;
      for (let c = 0; c < pieces; c += 1) {
        if (!empty && used + pw > limit) {
          lines += 1;
          used = 0;
        }
        used += pw;
        empty = false;
      }
    }
  }
  return lines;
}


/** Offsets where the reader starts a line inside a paragraph (soft breaks) at `lineWidthEm`. */
export function softBreaks(m: MeasuredText, lineWidthEm: number): number[] {
  const starts: number[] = [];
  wrapMeasured(m, lineWidthEm, starts);
  return starts;
}

/**
 * The text wrapped as a reader wraps it at `lineWidthEm`, one string a line.
 * Explicit newlines start new lines; joining the lines gives the text back
 * without its newlines.
 */
export function wrapLines(text: string, lineWidthEm: number): string[] {
  const m = measureText(text);
  const soft = softBreaks(m, lineWidthEm);
  const cuts = [...soft.map((at) => ({ at, skip: 0 })), ...m.paragraphEnds.slice(0, -1).map((at) => ({ at, skip: 1 }))].sort((a, b) => a.at - b.at);
  const lines: string[] = [];
  let from = 0;
  for (const cut of cuts) {
    lines.push(text.slice(from, cut.at));
    from = cut.at + cut.skip;
  }
  lines.push(text.slice(from));
  return lines;
}

/** Measured texts of recent calls: the width estimate asks for the same cells at many widths. */
const measuredCache = new Map<string, MeasuredText>();
const MEASURED_CACHE_LIMIT = 20_000;

function measuredOf(text: string): MeasuredText {
  let m = measuredCache.get(text);
  if (m === undefined) {
    if (measuredCache.size >= MEASURED_CACHE_LIMIT) measuredCache.clear();
    m = measureText(text);
    measuredCache.set(text, m);
  }
  return m;
}

/**
 * Empty the caches of measured texts, dictionary words and word starts. They
 * only save time: a document's width estimate fills them again with its own
 * texts. Called between the documents of one run (documents/files.ts, the
 * packet), where a 5,000-problem plan's caches held about 55 MB that the next
 * document would not ask for (issue 14, peak memory).
 */
export function clearTextWidthCaches(): void {
  measuredCache.clear();
  dictionaryCache.clear();
  wordStartsCache.clear();
}

/** The text measured, from a cache of recent texts (the width estimate asks for the same cells again and again). */
export function measuredText(text: string): MeasuredText {
  return measuredOf(text);
}

/** How many lines wrapLines gives, without building them. */
export function wrappedLineCount(text: string, lineWidthEm: number): number {
  return measuredLineCount(measuredOf(text), lineWidthEm);
}

/** The widest piece the reader keeps together (an ASCII run, or a character with its 避头尾 neighbours). */
export function longestTokenEm(text: string): number {
  const m = measuredOf(text);
  let widest = 0;
  for (const w of m.clusterWidth) widest = Math.max(widest, w);
  return widest;
}

// --- words ---------------------------------------------------------------------------

/**
 * How bad a break before a character is, from best to worst: between words;
 * between two one-character dictionary words that are probably one word the
 * dictionary lacks (整|改, 脱|贫); inside a dictionary word; inside a word the
 * rules make (a number with its unit, a place with its suffix, a name the
 * plan gives); and against 避头尾 or inside a run of ASCII.
 */
export const BREAK = { free: 0, weak: 1, word: 2, rule: 3, forbidden: 4 } as const;
export type BreakClass = (typeof BREAK)[keyof typeof BREAK];

/** Characters that are words of their own (particles, conjunctions, determiners): a break beside them is a break between words. */
const FUNCTION_CHARS = new Set([...'的和与及并或对在于将了是为把被从向以因其之而且也都已各每该本此等个前后中上下内外']);
/** A number keeps the unit or counter that follows it (2023年, 11月, 30日, 12个, 2户, 50%, 27号). */
const NUMBER_UNITS = new Set([...'年月日号时分秒个户人次项条名家元万亿岁天周期批届%％‰']);
/** A place name keeps its suffix (河口镇, 巫山县, 龙湾村). */
const PLACE_SUFFIXES = new Set([...'省市县区镇乡村']);
/** A suffix followed by one of these starts a word of its own (市级, 县委, 镇长) instead of ending a name. */
const SUFFIX_WORD_STARTS = new Set([...'级委长直属']);
const DIGIT = /^[0-9０-９]$/;
const CHINESE_NUMERAL = /^[〇零一二三四五六七八九十百千两]$/;
const IDEOGRAPH = /^\p{Script=Han}$/u;
const ASCII_PRINTABLE = /^[\x21-\x7e]$/;

let segmenter: Intl.Segmenter | undefined;

interface DictionaryWord {
  readonly start: number;
  readonly length: number;
}

/**
 * The dictionary's words of recent texts. ICU's segmenter is the slowest step
 * of the words model (a 1,000-row task table: a tenth of its time), and the
 * same paragraphs come back again and again: a unit's name in every list it
 * is in, each value asked for with and without the plan's names kept whole.
 */
const dictionaryCache = new Map<string, readonly DictionaryWord[]>();
const DICTIONARY_CACHE_LIMIT = 20_000;

/** Code-point indices at which the dictionary starts a word, with each word's length. */
function dictionaryWords(chars: readonly string[]): readonly DictionaryWord[] {
  const text = chars.join('');
  const known = dictionaryCache.get(text);
  if (known !== undefined) return known;
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const words: DictionaryWord[] = [];
  let index = 0;
  for (const { segment } of segmenter.segment(text)) {
    const length = Array.from(segment).length;
    words.push({ start: index, length });
    index += length;
  }
  if (dictionaryCache.size >= DICTIONARY_CACHE_LIMIT) dictionaryCache.clear();
  dictionaryCache.set(text, words);
  return words;
}

/**
 * classes[i]: how bad a break before chars[i] is (BREAK; classes[0] unused).
 * `keep` lists names that stay whole wherever they occur (the plan's units,
 * posts, statuses).
 */
export function breakClasses(chars: readonly string[], keep: readonly string[] = []): Uint8Array {
  const n = chars.length;
  // A run of printable ASCII (a problem's number, a year) is one piece whatever the dictionary says: every break in it is forbidden below.
  if (chars.every((ch) => ASCII_PRINTABLE.test(ch))) return new Uint8Array(n).fill(BREAK.forbidden);
  const classes = new Uint8Array(n).fill(BREAK.word);
  const words = dictionaryWords(chars);
  const single = (w: { length: number } | undefined, at: number) => w !== undefined && w.length === 1 && IDEOGRAPH.test(chars[at]!) && !FUNCTION_CHARS.has(chars[at]!);
  const raise = (i: number, to: BreakClass) => {
    if (i > 0 && i < n && classes[i]! < to) classes[i] = to;
  };
  words.forEach((w, k) => {
    if (w.start === 0) return;
    const before = words[k - 1]!;
    classes[w.start] = single(before, before.start) && single(w, w.start) ? BREAK.weak : BREAK.free;
  });
  for (let i = 1; i < n; i += 1) {
    const prev = chars[i - 1]!;
    const next = chars[i]!;
    // A number with its unit (2023年, 11月), 第 with its number, a Chinese numeral with its month or day.
    if ((DIGIT.test(prev) && NUMBER_UNITS.has(next)) || (prev === '第' && DIGIT.test(next))) raise(i, BREAK.rule);
    if (CHINESE_NUMERAL.test(prev) && (next === '月' || next === '日')) raise(i, BREAK.rule);
  }
  // A place suffix standing alone after a name joins it, with the name's one-character pieces (官|阳|镇).
  words.forEach((w, k) => {
    const at = w.start;
    if (w.length !== 1 || at === 0 || !PLACE_SUFFIXES.has(chars[at]!) || SUFFIX_WORD_STARTS.has(chars[at + 1] ?? '')) return;
    const before = words[k - 1]!;
    if (!IDEOGRAPH.test(chars[at - 1]!) || FUNCTION_CHARS.has(chars[at - 1]!) || (before.length === 1 && PLACE_SUFFIXES.has(chars[before.start]!))) return;
    raise(at, BREAK.rule);
    const namePiece = (j: number) => single(words[j], words[j]!.start) && !PLACE_SUFFIXES.has(chars[words[j]!.start]!);
    for (let j = k - 1; j > 0 && j >= k - 3 && namePiece(j) && namePiece(j - 1); j -= 1) raise(words[j]!.start, BREAK.rule);
  });
  const text = chars.join('');
  for (const name of keep) {
    const nameChars = Array.from(name);
    if (nameChars.length < 2) continue;
    for (let from = text.indexOf(name); from >= 0; from = text.indexOf(name, from + 1)) {
      const start = Array.from(text.slice(0, from)).length;
      for (let i = start + 1; i < start + nameChars.length; i += 1) raise(i, BREAK.rule);
    }
  }
  for (let i = 1; i < n; i += 1) {
    const prev = chars[i - 1]!;
    const next = chars[i]!;
    if (NO_LINE_START.has(next) || NO_LINE_END.has(prev)) raise(i, BREAK.forbidden);
    if (ASCII_PRINTABLE.test(prev) && ASCII_PRINTABLE.test(next)) raise(i, BREAK.forbidden);
  }
  return classes;
}

/**
 * The text cut where a break is no worse than `worst` (BREAK.free by default:
 * only between words). The pieces joined give the text back.
 */
export function words(text: string, keep: readonly string[] = [], worst: BreakClass = BREAK.free): string[] {
  const chars = Array.from(text);
  if (chars.length === 0) return [];
  const classes = breakClasses(chars, keep);
  const pieces: string[] = [];
  let from = 0;
  for (let i = 1; i < chars.length; i += 1) {
    if (classes[i]! <= worst) {
      pieces.push(chars.slice(from, i).join(''));
      from = i;
    }
  }
  pieces.push(chars.slice(from).join(''));
  return pieces;
}

const wordStartsCache = new Map<string, ReadonlySet<number>>();
const WORD_STARTS_CACHE_LIMIT = 50_000;

/**
 * UTF-16 offsets where a word starts (breaks no worse than `worst`),
 * paragraph starts included. Cached: the dictionary is slow, and the width
 * estimate asks for the same values at every size it tries.
 */
export function wordStartOffsets(text: string, keep: readonly string[] = [], worst: BreakClass = BREAK.free): ReadonlySet<number> {
  const key = `${worst}\u0000${text}\u0000${keep.join('\u0001')}`;
  let starts = wordStartsCache.get(key);
  if (starts === undefined) {
    if (wordStartsCache.size >= WORD_STARTS_CACHE_LIMIT) wordStartsCache.clear();
    starts = computeWordStarts(text, keep, worst);
    wordStartsCache.set(key, starts);
  }
  return starts;
}

function computeWordStarts(text: string, keep: readonly string[], worst: BreakClass): Set<number> {
  const offsets = new Set<number>([0]);
  let offset = 0;
  for (const paragraph of text.split('\n')) {
    let at = offset;
    for (const word of words(paragraph, keep, worst)) {
      offsets.add(at);
      at += word.length;
    }
    offset += paragraph.length + 1;
  }
  return offsets;
}
