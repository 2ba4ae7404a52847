// Measures back from one cell of text: the inverse of model/measures.ts's
// measuresText. "一是…。二是…。" splits at each ordinal in sequence that
// follows the end of a sentence (measuresText guarantees one there), so an
// ordinal inside a measure's own words (统一是…) is not taken for one.
// Tables from elsewhere that number their measures one a line (1. 2. or
// （1）（2）) split at those lines.
import { measureOrdinal } from '../model/measures.js';

const SENTENCE_END = /[。；;！？!?….]\s*$/u;

export function splitMeasures(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  return splitByOrdinals(trimmed) ?? splitNumberedLines(trimmed) ?? [trimmed];
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

const NUMBERED_LINE = /^\s*(?:(\d{1,2})\s*[.．、]|[（(](\d{1,2})[）)])\s*/u;

/** Lines numbered 1, 2, 3…; an unnumbered line continues the item above it. */
function splitNumberedLines(text: string): string[] | undefined {
  const items: string[] = [];
  for (const line of text.split('\n')) {
    const m = NUMBERED_LINE.exec(line);
    const n = m ? Number(m[1] ?? m[2]) : undefined;
    if (n === items.length + 1) items.push(line.slice(m![0].length).trim());
    else if (items.length > 0) items[items.length - 1] += `\n${line.trim()}`;
    else return undefined;
  }
  return items.length >= 2 ? items : undefined;
}
