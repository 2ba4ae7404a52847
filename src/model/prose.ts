// Rules for printing the data inside the documents' own sentences, each
// defined once and used by every composer and template (docs/domain.md#prose):
//
// - endSentence: a sentence of the data that ends a printed sentence (the last
//   measure, a progress text, an overdue problem's reason, an extension's
//   reason, a closure opinion) ends with a full stop, whether or not the
//   office typed one.

/** Marks a sentence may end with: full stop, question and exclamation marks, ellipsis. */
const SENTENCE_END = /[。！？!?….]$/u;

/** Closing quotes and brackets that may follow a sentence's own end mark: “……。” */
const CLOSERS = /[”’」』）)》〉】〕]+$/u;

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
  const trimmed = text.replace(/\s+$/u, '');
  if (trimmed === '') return trimmed;
  const closers = CLOSERS.exec(trimmed)?.[0] ?? '';
  const body = trimmed.slice(0, trimmed.length - closers.length);
  if (SENTENCE_END.test(body)) return trimmed;
  if (closers === '' && PAUSE_END.test(body)) return `${body.slice(0, -1)}。`;
  return `${trimmed}。`;
}
