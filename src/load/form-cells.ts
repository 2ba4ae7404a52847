// One cell of a unit's form as the unit sees it, turned into a progress
// file's value — or a message saying, in Chinese, what the cell holds and
// what is expected. Nothing the cell does not show may come out: a number is
// taken as text only when Excel shows it as written, a date in a text cell
// only in a plain date format, and an error value (#N/A) or a logical value
// in a text cell is refused. Dates must be plausible for the plan: not
// before 1 January of the year before the notice's year, not after the
// period's as-of date.
import { isoDateFromExcelSerial } from '../formats/xlsx/cells.js';
import type { SheetCell } from '../formats/xlsx/cell-reader.js';
import { dateText, generalText, isDateFormat, isPlainNumberFormat } from '../formats/xlsx/number-format.js';
import { isValidIsoDate, type IsoDate } from '../model/dates.js';
import { FIELD_LABELS, NO, YES } from '../model/vocabulary.js';
import { DATE_FORMS, readDateText } from './date-spellings.js';

/** A value, or why there is none; `note` is a remark to print at the cell (a date read from an everyday spelling). */
export type CellReading<T> = { ok: true; value: T | undefined; note?: string } | { ok: false; message: string; ruleId?: string };

/** Days from Excel's 1900 day 0 (1899-12-30) to its 1904 day 0 (1904-01-01). */
const DAYS_1904 = 1462;

/** The day an Excel date serial stands for, in the workbook's date system. */
export function serialDate(serial: number, date1904: boolean): IsoDate | undefined {
  return isoDateFromExcelSerial(date1904 ? serial + DAYS_1904 : serial);
}

/**
 * The day Excel shows for serials 1–59 of the 1900 system (1900-01-01 to
 * 1900-02-28), which isoDateFromExcelSerial leaves out because of Excel's
 * phantom 1900-02-29: what typing 12.5 into a date cell shows (1900-01-12).
 */
function earlyExcelDate(serial: number, date1904: boolean): IsoDate | undefined {
  if (date1904 || serial < 1 || serial >= 60) return undefined;
  return new Date(Date.UTC(1899, 11, 31) + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

/** Line ends made LF, the ends trimmed; empty is undefined. */
function tidy(text: string): string | undefined {
  const t = text.replace(/\r\n?/g, '\n').trim();
  return t === '' ? undefined : t;
}

function numberShown(value: number, format: string, date1904: boolean): string | undefined {
  if (isDateFormat(format)) {
    if (!Number.isInteger(value)) return undefined; // a time of day: not a plain date
    const iso = serialDate(value, date1904);
    return iso === undefined ? undefined : dateText(iso, format);
  }
  return isPlainNumberFormat(format) ? generalText(value) : undefined;
}

/**
 * What a cell shows, as text: text (shared, inline, rich, from a formula) as
 * written; a number or date only when it shows as written. Empty: undefined.
 */
export function shownText(cell: SheetCell, date1904: boolean): CellReading<string> {
  const data = cell.data;
  if (data === undefined) return { ok: true, value: undefined };
  switch (data.type) {
    case 'text':
      return { ok: true, value: tidy(data.text) };
    case 'number': {
      const text = numberShown(data.number, cell.numberFormat, date1904);
      if (text !== undefined) return { ok: true, value: text };
      return { ok: false, message: `单元格中是数字 ${data.number}（格式“${cell.numberFormat}”），显示的内容无法确定：请改为直接输入文字` };
    }
    case 'date': {
      const day = data.iso.slice(0, 10);
      const text = isValidIsoDate(day) && /^\d{4}-\d{2}-\d{2}(T00:00(:00(\.0+)?)?Z?)?$/.test(data.iso) ? dateText(day, cell.numberFormat === 'General' ? 'yyyy-mm-dd' : cell.numberFormat) : undefined;
      if (text !== undefined) return { ok: true, value: text };
      return { ok: false, message: `单元格中是日期时间 ${data.iso}，显示的内容无法确定：请改为直接输入文字` };
    }
    case 'boolean':
      return { ok: false, message: `单元格中是逻辑值 ${data.value ? 'TRUE' : 'FALSE'}，不是文字：请改为直接输入文字` };
    case 'error':
      return { ok: false, message: `单元格显示错误值 ${data.error}：请改为直接输入文字` };
  }
}

/** The plausible dates of a plan's period. */
export interface DateWindow {
  /** 1 January of the year before the notice's year. */
  readonly min: IsoDate;
  /** The period's as-of date. */
  readonly max: IsoDate;
  readonly date1904: boolean;
}

/**
 * A date cell: an Excel date (a number in a date format, or t="d"), an
 * eight-digit number 20231205, or text in an everyday spelling
 * (date-spellings.ts). A bare number in another format (12.5, 45265) is
 * refused: the unit does not see a date there. The day must lie in the window.
 */
export function formDate(cell: SheetCell, label: string, window: DateWindow): CellReading<IsoDate> {
  const data = cell.data;
  if (data === undefined) return { ok: true, value: undefined };
  let read: { ok: true; date: IsoDate; note?: string; what: string } | { ok: false; message: string };
  switch (data.type) {
    case 'text': {
      if (tidy(data.text) === undefined) return { ok: true, value: undefined };
      const r = readDateText(data.text, window.max);
      read = r.ok ? { ...r, what: `“${data.text.trim()}”` } : r;
      break;
    }
    case 'number':
      read = numberDate(data.number, cell.numberFormat, window.date1904);
      break;
    case 'date': {
      const day = data.iso.slice(0, 10);
      read = isValidIsoDate(day) ? { ok: true, date: day, what: `日期 ${data.iso}` } : { ok: false, message: `“${data.iso}”不是存在的日期` };
      break;
    }
    case 'boolean':
      read = { ok: false, message: `单元格中是逻辑值 ${data.value ? 'TRUE' : 'FALSE'}，不是日期，应写作 ${DATE_FORMS}` };
      break;
    case 'error':
      read = { ok: false, message: `单元格显示错误值 ${data.error}，不是日期，应写作 ${DATE_FORMS}` };
      break;
  }
  if (!read.ok) return read;
  const { date, note, what } = read;
  const plain = what === `“${date}”` || what.startsWith('日期');
  const found = plain ? `${label}为 ${date}` : what.startsWith('“') ? `${label}${what}读作 ${date}` : `${label}是${what}`;
  if (date < window.min) {
    return {
      ok: false,
      ruleId: 'form-date-implausible',
      message: `${found}，早于本方案可能的最早日期 ${window.min}（通知印发前一年的 1 月 1 日）：请填写实际日期，应写作 ${DATE_FORMS}`,
    };
  }
  if (date > window.max) return { ok: false, ruleId: 'form-date-after-as-of', message: `${label} ${date} 晚于本期统计截止日期 ${window.max}${plain ? '' : `（${found}）`}` };
  return note === undefined ? { ok: true, value: date } : { ok: true, value: date, note };
}

function numberDate(value: number, format: string, date1904: boolean): { ok: true; date: IsoDate; note?: string; what: string } | { ok: false; message: string } {
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(Number.isInteger(value) ? String(value) : '');
  if (compact) {
    const date = `${compact[1]}-${compact[2]}-${compact[3]}`;
    if (!isValidIsoDate(date)) return { ok: false, message: `“${value}”不是存在的日期` };
    return { ok: true, date, note: `“${value}”读作 ${date}（8 位数字按“年月日”读）`, what: `数字 ${value}` };
  }
  if (!isDateFormat(format)) return { ok: false, message: `单元格中是数字 ${value}，不是日期，应写作 ${DATE_FORMS}` };
  const date = serialDate(value, date1904) ?? earlyExcelDate(value, date1904);
  if (date === undefined) return { ok: false, message: `单元格中是数字 ${value}，不是 Excel 能表示的日期，应写作 ${DATE_FORMS}` };
  // A whole serial is a date as Excel shows it; a fraction is what typing 12.5 into the cell leaves.
  const what = Number.isInteger(value) ? `日期 ${date}` : `数字 ${value}（Excel 显示为 ${date}）`;
  return { ok: true, date, what };
}

/** One of the allowed values, exactly as shown (after trimming); the message lists them. */
export function formChoice<T extends string>(cell: SheetCell, allowed: readonly T[], what: string, date1904: boolean): CellReading<T> {
  const shown = shownText(cell, date1904);
  if (!shown.ok) return { ok: false, message: `${what}：${shown.message.replace(/：请改为直接输入文字$/, '')}，应为：${allowed.join('、')}` };
  const text = shown.value;
  if (text === undefined) return { ok: true, value: undefined };
  if ((allowed as readonly string[]).includes(text)) return { ok: true, value: text as T };
  return { ok: false, message: `${what}“${text}”不在可选值中，应为：${allowed.join('、')}` };
}

/** 达到序时进度: 是/否, or an Excel TRUE/FALSE. */
export function formYesNo(cell: SheetCell, date1904: boolean): CellReading<boolean> {
  if (cell.data?.type === 'boolean') return { ok: true, value: cell.data.value };
  const choice = formChoice(cell, [YES, NO], FIELD_LABELS.onSchedule, date1904);
  return choice.ok ? { ok: true, value: choice.value === undefined ? undefined : choice.value === YES } : choice;
}

/**
 * A problem number as a cell holds it, as text without spaces: 3 (a number
 * or the text 3), or 二-3 (model/numbering.ts shownNumber); undefined for an
 * empty cell or a number that is not whole.
 */
export function formNumberText(cell: SheetCell): string | undefined {
  const data = cell.data;
  if (data?.type === 'number') return Number.isInteger(data.number) ? String(data.number) : undefined;
  const text = data?.type === 'text' ? tidy(data.text)?.replace(/\s+/g, '') : undefined;
  return text === '' ? undefined : text;
}

/** Whether the cell holds anything at all: a value (even empty text counts as nothing), a formula or a picture. */
export function hasContent(cell: SheetCell): boolean {
  if (cell.formula !== undefined || cell.picture !== undefined) return true;
  const data = cell.data;
  if (data === undefined) return false;
  return data.type !== 'text' || tidy(data.text) !== undefined;
}

/** Text for messages and keys (header, hidden sheet): what shows, or a short description. */
export function looseText(cell: SheetCell, date1904: boolean): string | undefined {
  const shown = shownText(cell, date1904);
  if (shown.ok) return shown.value;
  const data = cell.data!;
  return data.type === 'number' ? String(data.number) : data.type === 'error' ? data.error : data.type === 'boolean' ? String(data.value).toUpperCase() : data.type === 'date' ? data.iso : undefined;
}
