// A date as a clerk types it into a form cell. The unambiguous everyday
// spellings are read — 2023-12-05, 2023/12/5, 2023.12.5 (or 2023.12.5.),
// 2023年12月5日 or 2023年12月5号, 20231205, 12月5日 or 12月5号, with full-width
// digits and spaces, with a weekday that matches (2023年12月5日星期二, Excel's
// long date) and with a time of day (2023-12-5 上午, 2023-12-05 14:30) dropped.
// Spellings that could mean two days are refused: a two-digit year (23.12.5),
// a day and month without words (5/12, 12.5, 12-5). When the reading took a
// decision the clerk did not write down (the year, 号 for 日, the time
// dropped) it comes back as a note, which the importer prints at the cell.
// A date in Chinese numerals, as an official date line writes it
// (二〇二三年十二月五日, 十二月五日), is read as the same date in digits.
import { daysInMonth, isoDate, isValidIsoDate, yearOf, type IsoDate } from '../model/dates.js';

/** The spellings accepted, for messages. */
export const DATE_FORMS = '2023-12-05、2023/12/5、2023.12.5、2023年12月5日（或5号）、20231205、12月5日（年份取不晚于本期截止日期的最近一年）';

export type DateReading = { ok: true; date: IsoDate; note?: string } | { ok: false; message: string };

/** A time of day after the date: 上午/下午…, 14:30, 14时30分, 9点, 00:00:00, AM/PM; also an ISO T. */
const TIME_OF_DAY = /^(?:T|\s+|(?=[上下中晚早凌]))(?:(?:上午|下午|中午|晚上|早上|凌晨)\s*)?(?:\d{1,2}\s*(?::|时|点)\s*(?:\d{1,2}\s*分?)?\s*(?::\s*\d{1,2}(?:\.\d+)?\s*)?(?:秒)?)?\s*(?:AM|PM)?$/i;

const FULL = /^(\d{4})\s*(?:(年)\s*(\d{1,2})\s*月\s*(\d{1,2})\s*([日号])?|([-./])\s*(\d{1,2})\s*\6\s*(\d{1,2}))/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?!\d)/;
const MONTH_DAY = /^(\d{1,2})\s*月\s*(\d{1,2})\s*([日号])?/;
const TWO_DIGIT_YEAR = /^\d{2}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}|[-./]\s*\d{1,2}\s*[-./]\s*\d{1,2})/;
const NUMBERS_ONLY = /^\d{1,2}\s*[-./]\s*\d{1,2}$/;
/** A weekday after the date, as Excel's and WPS's long date formats write it: 星期一, 周一, （星期日）, 礼拜天. */
const WEEKDAY = /^\s*[（(]?\s*(?:星期|周|礼拜)([日一二三四五六天])(?:\s*[）)])?/;
/** Weekday names by getUTCDay (0 = Sunday); 天 is Sunday too (index 7, taken mod 7). */
const WEEKDAY_NAMES = ['日', '一', '二', '三', '四', '五', '六', '天'];

const CHINESE_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** A year in Chinese digits, one a digit (二〇二三年). */
const CHINESE_YEAR = /([〇零一二三四五六七八九]{4})(?=\s*年)/g;
/** A month or day in Chinese numerals (十二月, 五日, 二十五号, 三十一日). */
const CHINESE_MONTH_DAY = /([一二三四五六七八九十]{1,3})(?=\s*[月日号])/g;

/** 1–39 written in Chinese numerals (五, 十, 十二, 二十, 二十五, 三十一); NaN for anything else. */
function chineseNumber(text: string): number {
  if (!text.includes('十')) return text.length === 1 ? (CHINESE_DIGITS[text] ?? NaN) : NaN;
  const match = /^([一二三])?十([一二三四五六七八九])?$/.exec(text);
  if (!match) return NaN;
  const [, tens, ones] = match;
  return (tens === undefined ? 1 : CHINESE_DIGITS[tens]!) * 10 + (ones === undefined ? 0 : CHINESE_DIGITS[ones]!);
}

/** The spelling with a year, month and day written in Chinese numerals turned into digits; unchanged when it has none. */
function withDigits(text: string): string {
  return text
    .replace(CHINESE_YEAR, (year) => [...year].map((c) => CHINESE_DIGITS[c]).join(''))
    .replace(CHINESE_MONTH_DAY, (n) => {
      const value = chineseNumber(n);
      return Number.isNaN(value) ? n : String(value);
    });
}

/**
 * Reads one date spelling; a date without a year takes the latest year that
 * puts it on or before `asOf`.
 */
export function readDateText(typed: string, asOf: IsoDate): DateReading {
  const halfWidth = typed.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const normalised = withDigits(halfWidth);
  const shown = typed.trim();
  const refuse = (why: string): DateReading => ({ ok: false, message: `“${shown}”${why}，应写作 ${DATE_FORMS}` });
  const notes: string[] = [];
  if (halfWidth !== typed.trim().replace(/\s+/g, ' ')) notes.push('全角字符按半角读');
  if (normalised !== halfWidth) notes.push('中文数字按阿拉伯数字读');

  let year: number | undefined;
  let month: number;
  let day: number;
  let rest: string;
  const full = FULL.exec(normalised);
  const compact = full ? null : COMPACT.exec(normalised);
  const monthDay = full || compact ? null : MONTH_DAY.exec(normalised);
  if (full) {
    year = Number(full[1]);
    month = Number(full[3] ?? full[7]);
    day = Number(full[4] ?? full[8]);
    if (full[5] === '号') notes.push('“号”按“日”读');
    if (full[2] === '年' && full[5] === undefined) notes.push('未写“日”');
    rest = normalised.slice(full[0].length);
  } else if (compact) {
    year = Number(compact[1]);
    month = Number(compact[2]);
    day = Number(compact[3]);
    notes.push('8 位数字按“年月日”读');
    rest = normalised.slice(compact[0].length);
  } else if (monthDay) {
    month = Number(monthDay[1]);
    day = Number(monthDay[2]);
    if (monthDay[3] === '号') notes.push('“号”按“日”读');
    rest = normalised.slice(monthDay[0].length);
  } else if (TWO_DIGIT_YEAR.test(normalised)) {
    return refuse('的年份只有两位，无法确定是哪一年');
  } else if (NUMBERS_ONLY.test(normalised)) {
    return refuse('只有两个数字，分不清是几月几日');
  } else {
    return refuse('不是日期');
  }
  const weekday = WEEKDAY.exec(rest);
  if (weekday) rest = rest.slice(weekday[0].length);
  if (full?.[6] !== undefined && /^[.。]\s*$/.test(rest)) rest = ''; // 2023.10.30. — a full stop after a dotted date
  if (rest !== '') {
    if (!TIME_OF_DAY.test(rest)) return refuse('不是日期');
    notes.push(`时间“${rest.trim()}”不导入`);
  }
  if (month < 1 || month > 12 || day < 1 || day > 31) return { ok: false, message: `“${shown}”不是存在的日期` };
  if (year === undefined) {
    const found = latestYear(month, day, asOf);
    if (found === undefined) return { ok: false, message: `“${shown}”不是存在的日期` };
    year = found;
    notes.unshift(`未写年份，取 ${year} 年`);
  }
  const date = isoDate(year, month, day);
  if (!isValidIsoDate(date)) return { ok: false, message: `“${shown}”不是存在的日期` };
  if (weekday) {
    // Excel's and WPS's long date (2023年10月30日星期一): the weekday must be the date's, else the clerk meant another day.
    const written = WEEKDAY_NAMES.indexOf(weekday[1]!) % 7;
    const actual = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (written !== actual) return { ok: false, message: `“${shown}”的星期与日期不符（${date} 是星期${WEEKDAY_NAMES[actual]}），无法确定是哪一天` };
    notes.push('星期不导入');
  }
  return notes.length > 0 ? { ok: true, date, note: `“${shown}”读作 ${date}（${notes.join('，')}）` } : { ok: true, date };
}

/** The latest year in which month/day exists and is not after asOf (29 February looks back to a leap year). */
function latestYear(month: number, day: number, asOf: IsoDate): number | undefined {
  for (let year = yearOf(asOf); year > yearOf(asOf) - 8; year -= 1) {
    if (day > daysInMonth(year, month)) continue;
    if (isoDate(year, month, day) <= asOf) return year;
  }
  return undefined;
}
