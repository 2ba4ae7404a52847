// Measures back from one cell of text: the inverse of model/measures.ts's
// measuresText. "一是…。二是…。" splits at each ordinal in sequence that
// follows the end of a sentence (measuresText guarantees one there), so an
// ordinal inside a measure's own words (统一是…) is not taken for one.
// Tables from elsewhere number their measures 1. 2. / 1、 / （1） / 1） / ① /
// 一、 / （一） / 第一，: one a line, or run on after a sentence's end; they
// split at those ordinals, in sequence from the first, the same way. A Word
// cell whose paragraphs Word numbers itself splits at its numbered
// paragraphs (splitMeasureLines), whatever the numbers look like.
import { measureOrdinal } from '../model/measures.js';
import type { CellLine } from './table-import-grid.js';

const SENTENCE_END = /[。；;！？!?….]\s*$/u;

export function splitMeasures(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  return splitByOrdinals(trimmed) ?? splitByMarkers(trimmed) ?? [trimmed];
}

function splitByOrdinals(text: string): string[] | undefined {
  let ordinal = measureOrdinal(0);
  if (!text.startsWith(ordinal)) return undefined;
  const parts: string[] = [];
  let start = ordinal.length;
  for (let i = 1; ; i += 1) {
    ordinal = measureOrdinal(i);
    const at = nextOrdinal(text, ordinal, start);
    if (at < 0) break;
    parts.push(text.slice(start, at).trim());
    start = at + ordinal.length;
  }
  parts.push(text.slice(start).trim());
  return parts.length >= 2 ? parts : undefined;
}

/** Where `ordinal` next stands after a sentence's end, from `from` on; -1 if nowhere. */
function nextOrdinal(text: string, ordinal: string, from: number): number {
  for (let at = text.indexOf(ordinal, from); at >= 0; at = text.indexOf(ordinal, at + 1)) {
    if (SENTENCE_END.test(text.slice(from, at))) return at;
  }
  return -1;
}

// --- numbered items -------------------------------------------------------------------------

const FULL_WIDTH = '０１２３４５６７８９';
const CHINESE = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function chinese(n: number): string {
  if (n <= 10) return CHINESE[n]!;
  if (n < 20) return `十${CHINESE[n - 10]}`;
  return `${CHINESE[Math.floor(n / 10)]}十${CHINESE[n % 10]}`;
}

function digits(n: number): string {
  const ascii = String(n);
  const full = ascii.replace(/\d/g, (d) => FULL_WIDTH[Number(d)]!);
  return `(?:${ascii}|${full})`;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function enclosedChar(n: number, first: number): string {
  return n >= 1 && n <= 20 ? escape(String.fromCodePoint(first + n - 1)) : '(?!)';
}

/**
 * Families of item markers: the pattern of the n-th marker (1-based). A digit
 * marker may not run into another digit (1.5% is no item 1).
 */
const FAMILIES: ReadonlyArray<(n: number) => string> = [
  (n) => `${digits(n)}\\s*[.．、](?![0-9０-９])`,
  (n) => `${digits(n)}\\s*[)）]`,
  (n) => `[（(]\\s*${digits(n)}\\s*[)）]`,
  (n) => enclosedChar(n, 0x2460), // ①
  (n) => enclosedChar(n, 0x2474), // ⑴
  (n) => enclosedChar(n, 0x2488), // ⒈
  (n) => `${chinese(n)}\\s*[、.．]`,
  (n) => `[（(]\\s*${chinese(n)}\\s*[)）]`,
  (n) => `第${chinese(n)}\\s*[，,、：:]`,
];

/**
 * Items numbered 1, 2, 3… in one family, the first at the start and each
 * next one at a line's start or after a sentence's end; at least two.
 */
function splitByMarkers(text: string): string[] | undefined {
  for (const family of FAMILIES) {
    const first = new RegExp(`^${family(1)}\\s*`, 'u').exec(text);
    if (!first) continue;
    const items: string[] = [];
    let start = first[0].length;
    for (let n = 2; ; n += 1) {
      const marker = new RegExp(`(^|\\n|[。；;！？!?])([ \\t\\u3000]*)(${family(n)})\\s*`, 'gu');
      marker.lastIndex = start;
      const m = marker.exec(text);
      if (!m) break;
      const at = m.index + m[1]!.length;
      items.push(text.slice(start, at));
      start = m.index + m[0].length;
    }
    items.push(text.slice(start));
    if (items.length >= 2) return items.map(tidy);
  }
  return undefined;
}

/** An item's lines trimmed (a cell's wrapped continuation lines are indented by hand). */
function tidy(item: string): string {
  return item
    .split('\n')
    .map((l) => l.trim())
    .filter((l, i, all) => l !== '' || (i > 0 && i < all.length - 1))
    .join('\n')
    .trim();
}

/**
 * Measures from a Word cell's paragraphs when Word numbers them: each
 * paragraph numbered at the list's top level in the cell (a number or a
 * bullet) starts a measure; a paragraph without a number, or one numbered at
 * a deeper level (1. with （1）（2） under it), continues the one above, the
 * deeper number kept as its text shows. The top numbers are not part of the
 * measures. Undefined when the cell does not start with a numbered paragraph.
 */
export function splitMeasureLines(lines: readonly CellLine[]): string[] | undefined {
  let first = 0;
  while (first < lines.length && lines[first]!.label === undefined && lines[first]!.text.trim() === '') first += 1;
  if (first >= lines.length || lines[first]!.label === undefined) return undefined;
  const top = Math.min(...lines.filter((l) => l.label !== undefined).map((l) => l.level ?? 0));
  const items: string[] = [];
  for (const line of lines.slice(first)) {
    if (line.label !== undefined && ((line.level ?? 0) === top || items.length === 0)) items.push(line.text.trim());
    else {
      const shown = line.label !== undefined && !line.bullet ? `${line.label}${line.suffix === 'nothing' ? '' : ' '}${line.text.trim()}` : line.text.trim();
      items[items.length - 1] += `\n${shown}`;
    }
  }
  return items.map((i) => i.trim()).filter(Boolean);
}
