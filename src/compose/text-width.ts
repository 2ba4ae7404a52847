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
 * Lines the text takes when wrapped greedily at `lineWidthEm`. Explicit
 * newlines start new lines; CJK breaks between any two characters, and a run
 * of half-width characters (a number, a Latin word) is kept whole when it fits
 * a line, as Word and LibreOffice do.
 */
export function wrappedLineCount(text: string, lineWidthEm: number): number {
  if (lineWidthEm <= 0) throw new RangeError('wrappedLineCount: line width must be positive');
  let lines = 0;
  for (const paragraph of text.split('\n')) lines += paragraphLines(paragraph, lineWidthEm);
  return lines;
}

function paragraphLines(paragraph: string, lineWidthEm: number): number {
  let lines = 1;
  let used = 0;
  for (const token of tokens(paragraph)) {
    const w = textWidthEm(token);
    if (used + w <= lineWidthEm + 1e-9) {
      used += w;
      continue;
    }
    if (w <= lineWidthEm) {
      lines += 1;
      used = w;
      continue;
    }
    // A token longer than a line (a long URL) breaks anywhere.
    for (const ch of token) {
      const cw = charWidthEm(ch);
      if (used + cw > lineWidthEm + 1e-9) {
        lines += 1;
        used = 0;
      }
      used += cw;
    }
  }
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
