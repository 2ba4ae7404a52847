// Ordinals as tables write them: a problem's 序号 (1, 1., １, （1）, ①, or
// 一 when Word counts in Chinese) and the section headings that stand for
// categories (一、… （一）… 第一部分 …). Full-width and enclosed digits are read
// through NFKC; Chinese numerals up to 9999.

const CHINESE_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CHINESE_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** A Chinese numeral (一, 十二, 二十, 一百零五, 一〇五) as a number; undefined if it is not one. */
export function chineseNumeral(text: string): number | undefined {
  if (text === '' || !/^[〇零一二两三四五六七八九十百千]+$/.test(text)) return undefined;
  if (!/[十百千]/.test(text)) {
    // 一〇五: digit by digit (Word's ideographDigital).
    const value = text.length === 1 ? CHINESE_DIGIT[text] : /[〇零]/.test(text.slice(1)) ? Number([...text].map((c) => CHINESE_DIGIT[c]).join('')) : undefined;
    return value !== undefined && value > 0 ? value : undefined;
  }
  let total = 0;
  let digit: number | undefined;
  let lastUnit = Infinity;
  for (const c of text) {
    if (c in CHINESE_DIGIT) {
      if (digit !== undefined && digit !== 0 && CHINESE_DIGIT[c] !== 0) return undefined;
      digit = CHINESE_DIGIT[c];
    } else {
      const unit = CHINESE_UNIT[c]!;
      if (unit >= lastUnit) return undefined;
      total += (digit ?? (unit === 10 && total === 0 ? 1 : NaN)) * unit;
      lastUnit = unit;
      digit = undefined;
    }
  }
  total += digit ?? 0;
  return Number.isFinite(total) && total > 0 ? total : undefined;
}

/**
 * A problem's number from its 序号 cell, as the clerk sees it: digits (also
 * full-width or enclosed), optionally bracketed or followed by . 、, or a
 * Chinese numeral; undefined for anything else (empty, 1-1, 1.2, text).
 */
export function parseSerial(text: string): number | undefined {
  let core = text.normalize('NFKC').replace(/\s+/g, '').replace(/[.、,:;]$/u, '');
  core = /^\((.+)\)$/u.exec(core)?.[1] ?? core;
  if (/^\d{1,6}$/.test(core)) return Number(core) > 0 ? Number(core) : undefined;
  return chineseNumeral(core);
}

/** A section heading's ordinal: level 1 for 一、 and 第一部分, level 2 for （一）. */
export interface SectionOrdinal {
  readonly level: 1 | 2;
  /** The heading after the ordinal. */
  readonly rest: string;
}

const NUMERAL = '[〇零一二两三四五六七八九十百]+';
const LEVEL_ONE = new RegExp(`^(?:${NUMERAL}\\s*[、.．，,:：]|${NUMERAL}\\s+(?=\\S)|第${NUMERAL}\\s*(?:部分|类|方面|项|批)\\s*[、.．，,:：]?)\\s*`, 'u');
const LEVEL_TWO = new RegExp(`^[（(]\\s*${NUMERAL}\\s*[)）]\\s*[、.．]?\\s*`, 'u');
/** An ordinal alone in a cell (the 序号 cell of a section row). */
const ORDINAL_ONLY = new RegExp(`^(?:[（(]\\s*${NUMERAL}\\s*[)）]|${NUMERAL})\\s*[、.．]?$`, 'u');

/** The ordinal a section heading starts with, or undefined. */
export function sectionOrdinal(text: string): SectionOrdinal | undefined {
  const trimmed = text.trim();
  const two = LEVEL_TWO.exec(trimmed);
  if (two) return { level: 2, rest: trimmed.slice(two[0].length) };
  const one = LEVEL_ONE.exec(trimmed);
  if (one) return { level: 1, rest: trimmed.slice(one[0].length) };
  return undefined;
}

/** The ordinal of a cell that holds nothing else (一, 一、, （一）), or undefined. */
export function ordinalOnly(text: string): SectionOrdinal | undefined {
  const trimmed = text.trim();
  if (!ORDINAL_ONLY.test(trimmed)) return undefined;
  return { level: /^[（(]/.test(trimmed) ? 2 : 1, rest: '' };
}

/**
 * The category a section heading names: without its ordinal, a closing colon
 * or a count in brackets (（共5个）, (3项)), on one line.
 */
export function sectionTitle(text: string): string {
  return text
    .replace(/\s*\n\s*/g, '')
    .replace(/[（(]\s*共?\s*\d+\s*[个项条处]\s*(?:问题)?\s*[)）]\s*$/u, '')
    .replace(/[：:]\s*$/u, '')
    .trim();
}
