// How a plan numbers its problems (docs/domain.md#problem-numbers): plan-wide
// 1..N (the default), or restarting at 1 in each category, as many plans and
// their task tables do. Whatever the office writes, the tool keys every
// problem by a plan-wide internal key (`number` after parsing: the number
// as written for a plan-wide plan, the problem's place in plan order for a
// category-numbered one), which every Map, progress link and form digest
// uses; the office sees only the numbers it wrote. This module is the one
// place that decides which number a document shows.
//
// Structural types only: model/plan-schema.ts applies `numberProblems` while
// parsing, and importing its types here would make an import cycle.

import { chineseNumeral } from './measures.js';

/** Plan-wide (today's rule, the default) or restarting in each category. */
export const NUMBERING_SCOPES = ['plan', 'category'] as const;
export type NumberingScope = (typeof NUMBERING_SCOPES)[number];

/** The placeholders of `numbering.shownAs`. */
export const SHOWN_AS_CATEGORY = '{category}';
export const SHOWN_AS_NUMBER = '{number}';
/** The default pattern for a category-numbered plan: 二-3. */
export const DEFAULT_SHOWN_AS = `${SHOWN_AS_CATEGORY}-${SHOWN_AS_NUMBER}`;

export interface Numbering {
  readonly scope: NumberingScope;
  /** How a number is shown where its category is not beside it, e.g. “{category}-{number}” → 二-3. */
  readonly shownAs: string;
}

/** The numbering a plan without `numbering` has: plan-wide, as before the field existed. */
export const PLAN_WIDE: Numbering = { scope: 'plan', shownAs: DEFAULT_SHOWN_AS };

/** What parsing adds to each problem (model/plan-schema.ts). */
export interface ProblemNumbers {
  /** Plan-wide internal key: every Map, progress link and form digest uses it; never printed for a category-numbered plan. */
  readonly number: number;
  /** The number as the plan wrote it: within its category for a category-numbered plan, else the plan-wide number. */
  readonly numberInCategory: number;
  /** The number documents print where the category is not beside it: 二-3, （二）3; the plan-wide number as text for a plan-wide plan. */
  readonly shownNumber: string;
}

interface WrittenProblem {
  number: number;
  category?: string | undefined;
}

interface NumberedCategory {
  id: string;
  keepWhenEmpty: boolean;
}

/**
 * The ordinal (1-based) of each category as the plan body numbers its
 * headings: categories without problems are left out unless kept
 * (compose/plan-context.ts printedCategories), so 二 in 二-3 is the same 二
 * as the heading the problem stands under.
 */
export function categoryOrdinals(categories: readonly NumberedCategory[], problems: readonly WrittenProblem[]): Map<string, number> {
  const used = new Set(problems.map((p) => p.category));
  const ordinals = new Map<string, number>();
  for (const c of categories) if (used.has(c.id) || c.keepWhenEmpty) ordinals.set(c.id, ordinals.size + 1);
  return ordinals;
}

/** The shown form of a category's ordinal and an in-category number: shownAs “{category}-{number}”, 2, 3 → 二-3. */
export function formatShownNumber(shownAs: string, categoryOrdinal: number | undefined, number: number): string {
  const category = categoryOrdinal === undefined ? '' : categoryOrdinal <= 99 ? chineseNumeral(categoryOrdinal) : String(categoryOrdinal);
  return shownAs.split(SHOWN_AS_CATEGORY).join(category).split(SHOWN_AS_NUMBER).join(String(number));
}

/**
 * Each problem with its internal key, its number as written and its shown
 * number. A plan-wide plan keeps its numbers as keys (existing progress files
 * and forms keep working); a category-numbered plan is keyed by plan order.
 * A problem without a known category (which `check` reports) shows its
 * number alone. Pure; the problems come back in the same order.
 */
export function numberProblems<P extends WrittenProblem>(
  numbering: Numbering,
  categories: readonly NumberedCategory[],
  problems: readonly P[],
): Array<Omit<P, keyof ProblemNumbers> & ProblemNumbers> {
  if (numbering.scope === 'plan') {
    return problems.map((p) => ({ ...p, numberInCategory: p.number, shownNumber: String(p.number) }));
  }
  const ordinals = categoryOrdinals(categories, problems);
  return problems.map((p, index) => {
    const ordinal = p.category === undefined ? undefined : ordinals.get(p.category);
    const shownNumber = ordinal === undefined ? String(p.number) : formatShownNumber(numbering.shownAs, ordinal, p.number);
    return { ...p, number: index + 1, numberInCategory: p.number, shownNumber };
  });
}

/**
 * THE number to show for a problem where its category is not beside it:
 * report prose (问题二-3), packet folders, closure forms, unit forms, the
 * ledger, the progress table, check and import messages. Every print site
 * calls this (or `shownNumberOf` with a key) rather than reading `number`.
 */
export function shownNumber(problem: Pick<ProblemNumbers, 'shownNumber'>): string {
  return problem.shownNumber;
}

/**
 * The number to show beside the problem's category (a task-table row under
 * its category cell, the plan body under its category heading): the number
 * within the category for a category-numbered plan, the plan-wide number
 * otherwise.
 */
export function numberBesideCategory(problem: Pick<ProblemNumbers, 'numberInCategory'>): string {
  return String(problem.numberInCategory);
}

const KEYS = new WeakMap<readonly ProblemNumbers[], Map<number, ProblemNumbers>>();

function byKey(problems: readonly ProblemNumbers[]): Map<number, ProblemNumbers> {
  let map = KEYS.get(problems);
  if (!map) {
    map = new Map();
    for (const p of problems) if (!map.has(p.number)) map.set(p.number, p);
    KEYS.set(problems, map);
  }
  return map;
}

/**
 * The shown number of the problem with internal key `key` (a progress
 * entry's `number`, a state's, a change list's); the key itself as text when
 * no problem has it (a progress entry `check` reports as unknown).
 */
export function shownNumberOf(plan: { readonly problems: readonly ProblemNumbers[] }, key: number): string {
  const problem = byKey(plan.problems).get(key);
  return problem ? shownNumber(problem) : String(key);
}

/**
 * The internal key of the problem a progress file or a form names by its
 * shown number (“二-3”, compared without spaces, full-width forms as half-width:
 * 二－3 is 二-3); undefined when none has it.
 */
export function keyOfShownNumber(plan: { readonly problems: readonly ProblemNumbers[] }, shown: string): number | undefined {
  return byShown(plan.problems).get(withoutSpaces(shown));
}

/**
 * A shown number as compared: without spaces, and full-width forms as their
 * half-width ones (NFKC) — a clerk who types 二－3 or （二）３ for 二-3 or
 * （二）3 means the same problem, and on screen the two cannot be told apart.
 */
const withoutSpaces = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '');

const SHOWN = new WeakMap<readonly ProblemNumbers[], Map<string, number>>();

/** Keys by shown number, made once a plan (a progress file of 5,000 entries looks up 5,000 times). */
function byShown(problems: readonly ProblemNumbers[]): Map<string, number> {
  let map = SHOWN.get(problems);
  if (!map) {
    map = new Map();
    for (const p of problems) if (!map.has(withoutSpaces(p.shownNumber))) map.set(withoutSpaces(p.shownNumber), p.number);
    SHOWN.set(problems, map);
  }
  return map;
}

/** True when the plan numbers its problems within each category; its progress files and forms name problems by shown number. */
export function numbersByCategory(plan: { readonly numbering?: Numbering | undefined }): boolean {
  return plan.numbering?.scope === 'category';
}

/**
 * How a data file names a problem (progress/<YYYY-MM>.json `number`, check's
 * JSON output): the integer for a plan-wide plan, so existing files keep
 * their form; the shown number (“二-3”) for a plan numbered per category.
 */
export function writtenNumber(plan: { readonly numbering?: Numbering | undefined }, problem: ProblemNumbers): number | string {
  return numbersByCategory(plan) ? problem.shownNumber : problem.number;
}

/**
 * The internal key of the problem a data file names (writtenNumber's
 * inverse): an integer for a plan-wide plan, a shown number for one numbered
 * per category; undefined for anything else.
 */
export function keyOfWrittenNumber(
  plan: { readonly numbering?: Numbering | undefined; readonly problems: readonly ProblemNumbers[] },
  written: unknown,
): number | undefined {
  if (numbersByCategory(plan)) return typeof written === 'string' ? keyOfShownNumber(plan, written) : undefined;
  return typeof written === 'number' ? written : undefined;
}
