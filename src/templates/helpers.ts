// The helpers a template may call. Each is a pure function of its arguments:
// none can reach the file system, the clock or the environment, so a
// template from an office's own folder can only arrange text.

import { chineseDate, isValidIsoDate } from '../model/dates.js';
import { measuresText } from '../model/measures.js';
import { endSentence, numberList, problemItem } from '../model/prose.js';
import { unitsText } from '../derive/units.js';

/** Thrown for a bad argument; the engine adds the template's file and line. */
export class HelperArgumentError extends Error {}

function textList(value: unknown, helper: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new HelperArgumentError(`${helper} 的参数应为文字列表`);
  }
  return value;
}

function count(value: unknown): number {
  if (!Array.isArray(value)) throw new HelperArgumentError('count 的参数应为列表');
  return value.length;
}

function isoDateText(value: unknown): string {
  if (typeof value !== 'string' || !isValidIsoDate(value)) {
    throw new HelperArgumentError(`chineseDate 的参数应为 YYYY-MM-DD 日期，实为“${String(value)}”`);
  }
  return chineseDate(value);
}

/** 2023-10 → 2023年10月: a reporting period as running text. */
function chineseMonth(value: unknown): string {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})$/.exec(value) : null;
  const month = match ? Number(match[2]) : 0;
  if (!match || month < 1 || month > 12) throw new HelperArgumentError(`chineseMonth 的参数应为 YYYY-MM 月份，实为“${String(value)}”`);
  return `${match[1]}年${month}月`;
}

/** Texts or numbers joined with 、, as they are (a note in a workbook cell: 问题13、21). */
function join(value: unknown): string {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' || typeof v === 'number')) {
    throw new HelperArgumentError('join 的参数应为文字或数字的列表');
  }
  return unitsText(value.map(String));
}

/** The text without a given ending, or unchanged when it does not end so: lets a template reword a title. */
function withoutSuffix(text: unknown, suffix: unknown): string {
  if (typeof text !== 'string' || typeof suffix !== 'string') throw new HelperArgumentError('withoutSuffix 的参数应为两段文字（原文、要去掉的结尾）');
  return suffix !== '' && text.endsWith(suffix) ? text.slice(0, -suffix.length) : text;
}

function measures(value: unknown): string {
  const list = textList(value, 'measures');
  if (list.length === 0) throw new HelperArgumentError('measures 的参数为空列表');
  return measuresText(list);
}

/** A text of the data that ends a sentence, with its closing 。 (model/prose.ts endSentence). */
function sentence(value: unknown): string {
  if (typeof value !== 'string') throw new HelperArgumentError(`sentence 的参数应为一段文字，实为“${String(value)}”`);
  return endSentence(value);
}

/** A problem's number before its text, in the one form every document uses (model/prose.ts problemItem): 2．2个村… */
function item(number: unknown, text: unknown): string {
  const isNumber = (typeof number === 'number' && Number.isInteger(number)) || (typeof number === 'string' && number.trim() !== '');
  if (!isNumber || typeof text !== 'string') {
    throw new HelperArgumentError('item 的参数应为问题序号和一段文字');
  }
  return problemItem(number, text);
}

/**
 * Problem numbers in a sentence of a Word document, from a list of numbers
 * or of problems, joined with 、 and free to wrap after each (numberList):
 * 问题{{numbers changes.newlyClosed}}, 问题{{numbers longTermProblems}} → 问题1、4、5.
 */
function numbers(value: unknown): string {
  // A number is an integer or, for a plan numbered per category, its shown text (二-3; model/numbering.ts).
  const valid = (v: unknown): v is number | string => (typeof v === 'number' && Number.isInteger(v)) || (typeof v === 'string' && v.trim() !== '');
  const numberOf = (v: unknown): number | string | undefined => {
    if (valid(v)) return v;
    if (v !== null && typeof v === 'object' && valid((v as { number?: unknown }).number)) return (v as { number: number | string }).number;
    return undefined;
  };
  const list = Array.isArray(value) ? value.map(numberOf) : [undefined];
  if (!list.every((n): n is number | string => n !== undefined)) throw new HelperArgumentError('numbers 的参数应为问题序号或问题的列表');
  return numberList(list);
}

function units(value: unknown): string {
  return unitsText(textList(value, 'units'));
}

/** Shown for a rate whose denominator is zero (no tasks due yet): no number is honest there. */
export const NO_RATE = '—';

/**
 * part ÷ whole as a percentage with at most one decimal, rounded half up in
 * integer arithmetic so 2/3 is 66.7% on every platform: 18/21 → 85.7%, 21/21 → 100%.
 */
function percent(part: unknown, whole: unknown): string {
  if (typeof part !== 'number' || typeof whole !== 'number' || part < 0 || whole < 0) {
    throw new HelperArgumentError('percent 的参数应为两个非负数（分子、分母）');
  }
  if (whole === 0) return NO_RATE;
  const tenths = Math.round((part * 1000) / whole);
  return `${tenths % 10 === 0 ? tenths / 10 : (tenths / 10).toFixed(1)}%`;
}

export interface TemplateHelper {
  /** Number of arguments, checked when the template is compiled. */
  readonly arity: number;
  readonly fn: (...args: unknown[]) => string | number;
}

/**
 * The public helpers, by name; templates/README.md documents each. A Map, not
 * an object, so a name like “constructor” can never find something inherited.
 */
export const TEMPLATE_HELPERS: ReadonlyMap<string, TemplateHelper> = new Map<string, TemplateHelper>([
  ['chineseDate', { arity: 1, fn: isoDateText }],
  ['measures', { arity: 1, fn: measures }],
  ['units', { arity: 1, fn: units }],
  ['count', { arity: 1, fn: count }],
  ['percent', { arity: 2, fn: (part, whole) => percent(part, whole) }],
  ['chineseMonth', { arity: 1, fn: chineseMonth }],
  ['join', { arity: 1, fn: join }],
  ['withoutSuffix', { arity: 2, fn: (text, suffix) => withoutSuffix(text, suffix) }],
  ['sentence', { arity: 1, fn: sentence }],
  ['item', { arity: 2, fn: (number, text) => item(number, text) }],
  ['numbers', { arity: 1, fn: numbers }],
]);

/** Block helpers a template may open with {{#…}}: handlebars' own, which only repeat or select template text. */
export const BLOCK_HELPERS: ReadonlySet<string> = new Set(['each', 'if', 'unless', 'with']);
