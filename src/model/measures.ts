// Measures (整改措施) as one cell or paragraph of text: docs/domain.md#measures — several
// measures read 一是…二是…三是…; the text ends as a sentence does (endSentence).

import { endSentence } from './prose.js';

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/**
 * Chinese numeral for 1..99 as used in running text: 一 … 十, 十一 … 十九,
 * 二十, 二十一 … 九十九. (Never 一十一: the leading 一 of the tens is dropped
 * below twenty, as in ordinary writing.)
 */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`chineseNumeral: ${n} is outside 1..99`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return DIGITS[ones]!;
  const tensText = tens === 1 ? '十' : `${DIGITS[tens]}十`;
  return tensText + DIGITS[ones]!;
}

/** The ordinal lead-in for the i-th measure (0-based): 一是, 二是, … 十一是. */
export function measureOrdinal(index: number): string {
  return `${chineseNumeral(index + 1)}是`;
}

/**
 * Measures as one text. Each measure is printed after its ordinal with the
 * data's own punctuation; a measure followed by another that ends without a
 * mark gets a 。 to keep the next 二是 from running on (its ；stays), and the
 * last measure — a single one too — ends the text as a sentence ends
 * (endSentence: 。 added, or a trailing ；，、： made 。).
 */
export function measuresText(measures: readonly string[]): string {
  if (measures.length === 1) return endSentence(measures[0]!);
  return measures.map((m, i) => measureOrdinal(i) + (i < measures.length - 1 ? withStop(m) : endSentence(m.trim()))).join('');
}

/** A measure followed by another may end with a semicolon (一是……；二是……); otherwise it ends as a sentence. */
const SEMICOLON = /[；;]$/u;

function withStop(text: string): string {
  const trimmed = text.trim();
  return SEMICOLON.test(trimmed) ? trimmed : endSentence(trimmed);
}
