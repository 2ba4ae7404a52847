// Measures (整改措施) as one cell or paragraph of text: docs/domain.md#measures — several
// measures read 一是…二是…三是…; a single one is printed as it is.

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
 * Measures as one text. Each measure is printed verbatim after its ordinal;
 * the data's own punctuation is kept, so a measure that ends without a mark
 * gets a 。 only to keep the next 二是 from running on.
 */
export function measuresText(measures: readonly string[]): string {
  if (measures.length === 1) return measures[0]!;
  return measures.map((m, i) => measureOrdinal(i) + withStop(m, i < measures.length - 1)).join('');
}

const CLOSING = /[。；;！？!?]$/u;

function withStop(text: string, followed: boolean): string {
  const trimmed = text.trim();
  return followed && !CLOSING.test(trimmed) ? `${trimmed}。` : trimmed;
}
