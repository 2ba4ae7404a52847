// Rules for printing the data inside the documents' own sentences, each
// defined once and used by every composer and template (docs/domain.md#prose):
//
// - endSentence: a sentence of the data that ends a printed sentence (the last
//   measure, a progress text, an overdue problem's reason, an extension's
//   reason, a closure opinion) ends with a full stop, whether or not the
//   office typed one;
// - problemItem: a problem's number printed before its text is followed by a
//   full-width full stop (“2．2个村…”), so a text that starts with a digit
//   never reads as a decimal (2.2个村, 11.1个光伏电站);
// - numberList: problem numbers in a sentence (问题1、4、5) may wrap after
//   any 、.

/** Marks a sentence may end with: full stop, question and exclamation marks, ellipsis. */
const SENTENCE_END = /[。！？!?….]$/u;

/** Closing quotes and brackets that may follow a sentence's own end mark: “……。” */
const CLOSERS = '”’」』）)》〉】〕';

/** Marks that pause a sentence without ending it; at the very end they become a full stop. */
const PAUSE_END = /[，,、；;：:]$/u;

/**
 * The text as the end of a printed sentence: unchanged when it already ends
 * with 。！？… (also inside closing quotes or brackets, as in “……。”);
 * a trailing pause (，、；：) becomes 。; otherwise 。 is added, after any
 * closing quotes or brackets (…“清单制”。). Trailing white space is dropped;
 * an empty text stays empty.
 */
export function endSentence(text: string): string {
  // Loops, not /\s+$/-style patterns: those backtrack quadratically on a long run inside a long text.
  const trimmed = text.trimEnd();
  if (trimmed === '') return trimmed;
  let bodyEnd = trimmed.length;
  while (bodyEnd > 0 && CLOSERS.includes(trimmed[bodyEnd - 1]!)) bodyEnd -= 1;
  const closers = trimmed.slice(bodyEnd);
  const body = trimmed.slice(0, bodyEnd);
  if (SENTENCE_END.test(body)) return trimmed;
  if (closers === '' && PAUSE_END.test(body)) return `${body.slice(0, -1)}。`;
  return `${trimmed}。`;
}

const OPENING_MARKS = '“‘「『（(《〈【〔';
const CLOSING_MARKS = '”’」』）)》〉】〕';
const FULL_STOPS = '。！？!?';

/**
 * The text's first sentence, ended as a sentence (endSentence): up to and
 * including the first 。！？ that stands outside quotes and brackets — the
 * short form of a problem's summary the report's body names it by
 * (“监测对象纳入不及时。某村农户……” → 监测对象纳入不及时。). A text of one
 * sentence is the whole text.
 */
export function firstSentence(text: string): string {
  let depth = 0;
  const chars = [...text];
  for (let i = 0; i < chars.length; i += 1) {
    const c = chars[i]!;
    if (OPENING_MARKS.includes(c)) depth += 1;
    else if (CLOSING_MARKS.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && FULL_STOPS.includes(c)) return endSentence(chars.slice(0, i + 1).join(''));
  }
  return endSentence(text);
}

/**
 * The mark between a problem's number and its text: the full-width full stop
 * (U+FF0E), the §7.3.3 “1.” ordinal's full stop as Chinese text sets it. It
 * is one character wide, so “2．2个村” keeps the number apart from the text.
 */
export const PROBLEM_NUMBER_MARK = '．';

/**
 * A problem's number before its text: 2．2个村… (one form everywhere a number
 * leads its text). A shown number that is not a plain number (二-3, （二）3: a
 * plan numbered per category, docs/domain.md#problem-numbers) is led by 问题:
 * “（二）3．某村…” at a paragraph's start reads as a §7.3.3 second-level
 * heading, “问题（二）3．某村…” cannot.
 */
export function problemItem(number: number | string, text: string): string {
  const shown = String(number);
  return `${/^\d+$/.test(shown) ? '' : '问题'}${shown}${PROBLEM_NUMBER_MARK}${text}`;
}

/**
 * A break opportunity that prints nothing (U+200B ZERO WIDTH SPACE). LibreOffice
 * (ICU line breaking) takes digits joined by 、 or ， for one number and never
 * breaks inside 1、4、5、6、7、9、13、18、20, so a justified line before such a
 * list was stretched across the page (measured in LibreOffice 7.4's PDF);
 * after each 、 of a number list the line may now break. Word breaks there
 * anyway and shows nothing for it.
 */
export const LIST_BREAK = '\u200B';

/** Numbers in running text, joined with 、 and free to wrap after each (the template helper `numbers`): 问题1、4、5. */
export function numberList(numbers: readonly (number | string)[]): string {
  return numbers.map(String).join(`、${LIST_BREAK}`);
}
