// The helpers a template may call. Each is a pure function of its arguments:
// none can reach the file system, the clock or the environment, so a
// template from an office's own folder can only arrange text.

import { chineseDate, isValidIsoDate } from '../derive/dates.js';
import { measuresText } from '../derive/measures.js';
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

function measures(value: unknown): string {
  const list = textList(value, 'measures');
  if (list.length === 0) throw new HelperArgumentError('measures 的参数为空列表');
  return measuresText(list);
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
]);

/** Block helpers a template may open with {{#…}}: handlebars' own, which only repeat or select template text. */
export const BLOCK_HELPERS: ReadonlySet<string> = new Set(['each', 'if', 'unless', 'with']);
