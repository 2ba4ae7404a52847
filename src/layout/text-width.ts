// How wide text is, in em (one full-width character = 1). Both renderers and
// the column-width estimate use this one measure, so the Word table, the
// Excel sheet and the estimate agree on where lines wrap.

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

/** Width of one line of text (no newlines considered). */
export function textWidthEm(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidthEm(ch);
  return width;
}

/**
 * The text wrapped greedily at `lineWidthEm`, one string a line. Explicit
 * newlines start new lines; CJK breaks between any two characters, and a run
 * of half-width characters (a number, a Latin word) is kept whole when it fits
 * a line, as Word and LibreOffice do. Joining the lines gives the text back
 * without its newlines.
 */
export function wrapLines(text: string, lineWidthEm: number): string[] {
  if (lineWidthEm <= 0) throw new RangeError('wrapLines: line width must be positive');
  return text.split('\n').flatMap((paragraph) => wrapParagraph(paragraph, lineWidthEm));
}

const EPSILON = 1e-9;

/**
 * How many lines wrapLines gives, counted without building them: the same
 * greedy wrap over the same tokens (newlines, runs of printable ASCII other
 * than space, single code points), with the same sums of widths compared the
 * same way. The column-width estimate calls this once per cell for every em it
 * hands out (compose/task-table.ts), so it allocates nothing.
 */
export function wrappedLineCount(text: string, lineWidthEm: number): number {
  if (lineWidthEm <= 0) throw new RangeError('wrapLines: line width must be positive');
  const limit = lineWidthEm + EPSILON;
  const n = text.length;
  let lines = 1;
  let used = 0;
  let empty = true;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code === 0x0a) {
      lines += 1;
      used = 0;
      empty = true;
      i += 1;
    } else if (code >= 0x21 && code <= 0x7e) {
      let end = i + 1;
      while (end < n) {
        const next = text.charCodeAt(end);
        if (next < 0x21 || next > 0x7e) break;
        end += 1;
      }
      const w = (end - i) * HALF_WIDTH_EM;
      if (w <= limit) {
        if (used + w > limit && !empty) {
          lines += 1;
          used = 0;
        }
        used += w;
        empty = false;
      } else {
        // A word longer than a line breaks anywhere: its characters one by one.
        for (let k = i; k < end; k += 1) {
          if (used + HALF_WIDTH_EM > limit && !empty) {
            lines += 1;
            used = 0;
          }
          used += HALF_WIDTH_EM;
          empty = false;
        }
      }
      i = end;
    } else {
      const codePoint = text.codePointAt(i)!;
      const w = isHalfWidth(codePoint) ? HALF_WIDTH_EM : FULL_WIDTH_EM;
      if (used + w > limit && !empty) {
        lines += 1;
        used = 0;
      }
      used += w;
      empty = false;
      i += codePoint > 0xffff ? 2 : 1;
    }
  }
  return lines;
}

function wrapParagraph(paragraph: string, lineWidthEm: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  const push = (piece: string, w: number) => {
    if (used + w > lineWidthEm + EPSILON && line !== '') {
      lines.push(line);
      line = '';
      used = 0;
    }
    line += piece;
    used += w;
  };
  for (const token of tokens(paragraph)) {
    const w = textWidthEm(token);
    if (w <= lineWidthEm + EPSILON) push(token, w);
    // A token longer than a line (a long URL) breaks anywhere.
    else for (const ch of token) push(ch, charWidthEm(ch));
  }
  lines.push(line);
  return lines;
}

/** Full-width characters one by one; runs of half-width non-space characters as words. */
function tokens(text: string): string[] {
  return text.match(/[\x21-\x7e]+|[\s\S]/gu) ?? [];
}

/** The widest unbreakable piece of the text: a line can be no narrower without breaking a word. */
export function longestTokenEm(text: string): number {
  let widest = 0;
  for (const token of tokens(text)) widest = Math.max(widest, textWidthEm(token));
  return widest;
}
