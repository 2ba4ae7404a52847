// Excel number formats, as far as a reader needs them to know what a cell
// shows: whether a number is displayed as a date, and the text of the simple
// cases (General, a whole number, a date without a time). Anything else is
// left undefined, and the caller says so rather than guess.

/** Built-in formats (ECMA-376 Part 1, 18.8.30), and the CJK ones as a Chinese-language Excel or WPS shows them. */
const BUILTIN: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  // 14 follows the system's short date; in Chinese it shows 2023/12/5.
  14: 'yyyy/m/d',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'yyyy/m/d h:mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

export const GENERAL = 'General';

/** The format code of a numFmtId: the workbook's own (custom) codes first, then the built-in ones. */
export function formatCode(id: number, custom: ReadonlyMap<number, string>): string {
  return custom.get(id) ?? BUILTIN[id] ?? GENERAL;
}

/** The first section of a code with literals removed: quoted text, escaped characters, [colour]/[$-804] brackets (but not [h] [m] [s]). */
function tokensOf(code: string): string {
  const section = code.split(';')[0] ?? '';
  return section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/_./g, '')
    .replace(/\*./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '');
}

/** Whether a number in this format is shown as a date or time. */
export function isDateFormat(code: string): boolean {
  if (code === GENERAL || code === '@') return false;
  return /[ymdhs]/i.test(tokensOf(code)) || /上午\/下午|AM\/PM|A\/P/i.test(code);
}

/** Whether the format shows the number as it is (General, text, a plain 0). */
export function isPlainNumberFormat(code: string): boolean {
  return code === GENERAL || code === '@' || code === '0';
}

/**
 * The text Excel shows for a number in General format, when that is simply
 * the number: whole numbers below 10^11, and decimals of at most 11
 * characters. Longer ones Excel rounds to the column's width; undefined.
 */
export function generalText(value: number): string | undefined {
  if (!Number.isFinite(value)) return undefined;
  const text = Object.is(value, -0) ? '0' : String(value);
  if (Number.isInteger(value)) return Math.abs(value) < 1e11 ? text : undefined;
  return /^-?\d+\.\d+$/.test(text) && text.length <= 11 ? text : undefined;
}

/**
 * A day (YYYY-MM-DD) as a date-only code shows it: yyyy, yy, m, mm, d, dd
 * and literal text. A code with a time, a month or weekday name, or anything
 * else is not rendered (undefined).
 */
export function dateText(iso: string, code: string): string | undefined {
  const [y, m, d] = iso.split('-');
  if (y === undefined || m === undefined || d === undefined) return undefined;
  const section = (code.split(';')[0] ?? '').replace(/\[\$[^\]]*\]/g, '');
  let out = '';
  for (let i = 0; i < section.length; ) {
    const ch = section[i]!;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      if (end < 0) return undefined;
      out += section.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (ch === '\\') {
      out += section[i + 1] ?? '';
      i += 2;
      continue;
    }
    const run = /^(y+|m+|d+)/i.exec(section.slice(i))?.[0];
    if (run) {
      const token = run.toLowerCase();
      if (token === 'yyyy' || token === 'yyy') out += y;
      else if (token === 'yy' || token === 'y') out += y.slice(2);
      else if (token === 'mm') out += m;
      else if (token === 'm') out += String(Number(m));
      else if (token === 'dd') out += d;
      else if (token === 'd') out += String(Number(d));
      else return undefined;
      i += run.length;
      continue;
    }
    if (/[hsHSeEgGbB0#?@*_\[\]]/.test(ch) || /^(上午|下午|AM|PM)/i.test(section.slice(i))) return undefined;
    out += ch;
    i += 1;
  }
  return out;
}
