// A progress file names its problems as the office numbers them: a plan
// numbered per category by the shown number (“二-3”), a plan-wide plan by its
// integer (docs/domain.md#problem-numbers). Before the progress schema reads
// the file, each shown number is replaced by the problem's internal key
// (model/numbering.ts), so everything after load sees one kind of number.

import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Plan } from '../model/plan-schema.js';
import { keyOfShownNumber, numbersByCategory } from '../model/numbering.js';
import { locate, type JsonSource } from './json-source.js';

export interface ResolvedProgress {
  /** The file's value with each entry's number as an internal key (a copy; the source is left as read). */
  value: unknown;
  diagnostics: Diagnostic[];
}

function entriesOf(value: unknown): unknown[] | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const problems = (value as { problems?: unknown }).problems;
  return Array.isArray(problems) ? problems : undefined;
}

function examples(plan: Plan): string {
  return plan.problems
    .slice(0, 2)
    .map((p) => `“${p.shownNumber}”`)
    .join('、');
}

/**
 * Why an entry's shown number no longer names the problem it was written
 * for, or undefined when it does: the entry records the category it was
 * written under (import writes it), and the plan now gives the number to a
 * problem of another category — the categories' ordinals moved (a category
 * that was empty got problems, keepWhenEmpty changed, categories were
 * reordered). Resolving it anyway would put one problem's progress and
 * closure on another.
 */
function movedNumber(plan: Plan, key: number, recorded: string): string | undefined {
  const problem = plan.problems.find((p) => p.number === key);
  if (problem === undefined || problem.category === recorded) return undefined;
  const label = (id: string | undefined) => plan.categories.find((c) => c.id === id)?.label ?? id ?? '';
  const now = plan.problems.find((p) => p.category === recorded && p.numberInCategory === problem.numberInCategory);
  const hint = now === undefined ? `类别“${label(recorded)}”中已没有第 ${problem.numberInCategory} 号问题` : `它现在的编号是“${now.shownNumber}”`;
  return `编号“${problem.shownNumber}”写的是类别“${label(recorded)}”的问题，但方案现在把这个编号给了类别“${label(problem.category)}”的问题（方案修改后各类别的序号变了）：${hint}，请按方案现在的编号改写本文件的 number，以免把进展记到别的问题上`;
}

/**
 * One diagnostic for a file whose every number is written another way than
 * the plan's — each an integer (a file written before the plan switched to
 * numbering per category), or each a text naming no problem (written before
 * the plan's shownAs changed, 二-3 now （二）3) — at the first entry's number,
 * instead of one a problem; undefined when any entry is written the plan's
 * way (then each wrong one is its own error).
 */
function otherSchemeThroughout(source: JsonSource, plan: Plan, entries: readonly unknown[]): Diagnostic | undefined {
  const written = entries.map((entry) => (entry !== null && typeof entry === 'object' ? (entry as { number?: unknown }).number : undefined));
  if (written.length < 2) return undefined;
  const at = (message: string): Diagnostic => {
    const path = ['problems', 0, 'number'];
    return { file: source.file, ...locate(source, path), path, ruleId: 'problem-number', severity: 'error', message };
  };
  if (written.every((n) => typeof n === 'number')) {
    return at(
      `本方案各类别分别编号（numbering.scope 为 category），number 应按编号写法写成文本，如 ${examples(plan)}；本文件 ${written.length} 个问题的 number 都写成了整数（第一个读到 ${JSON.stringify(written[0])}）：这个文件可能写于方案改为各类别分别编号之前，请按方案现在的编号逐一改写`,
    );
  }
  if (written.every((n) => typeof n === 'string' && keyOfShownNumber(plan, n) === undefined)) {
    const shownAs = plan.numbering?.shownAs ?? '';
    return at(
      `本文件 ${written.length} 个问题的编号都不是方案现在的写法（编号写法 numbering.shownAs 为“${shownAs}”，应写作如 ${examples(plan)}；第一个读到“${String(written[0])}”）：若改过方案的编号写法，请按现在的写法改写本文件的 number，或把 shownAs 改回`,
    );
  }
  return undefined;
}

/**
 * The progress value with shown numbers resolved, or diagnostics naming the
 * file and JSON path (problems[i].number) of each number that names no
 * problem or is written the other scheme's way. A plan-wide plan's file is
 * returned as it is: its integers are the keys, and the schema reads them.
 */
export function resolveProgressNumbers(source: JsonSource, plan: Plan): ResolvedProgress {
  const entries = entriesOf(source.value);
  // A plan numbered per category without categories is the plan's one error (check: problem-numbers); its problems are keyed by
  // their numbers as written, so the file is read as a plan-wide one's rather than refused entry by entry for the plan's mistake.
  if (!numbersByCategory(plan) || plan.categories.length === 0 || !entries) return { value: source.value, diagnostics: [] };
  const wholeFile = otherSchemeThroughout(source, plan, entries);
  if (wholeFile !== undefined) return { value: source.value, diagnostics: [wholeFile] };
  const diagnostics: Diagnostic[] = [];
  const resolved = entries.map((entry, index) => {
    const written = entry !== null && typeof entry === 'object' ? (entry as { number?: unknown }).number : undefined;
    if (written === undefined) return entry; // the schema names a missing number
    const path = ['problems', index, 'number'];
    const fail = (message: string) => {
      diagnostics.push({ file: source.file, ...locate(source, path), path, ruleId: 'problem-number', severity: 'error', message });
      return entry;
    };
    if (typeof written !== 'string') {
      return fail(`本方案各类别分别编号（numbering.scope 为 category），number 应按编号写法写成文本，如 ${examples(plan)}；读到 ${JSON.stringify(written)}`);
    }
    const key = keyOfShownNumber(plan, written);
    if (key === undefined) return fail(`方案中没有编号为“${written}”的问题（本方案各类别分别编号，应写作如 ${examples(plan)}）`);
    const recorded = (entry as { category?: unknown }).category;
    const moved = typeof recorded === 'string' ? movedNumber(plan, key, recorded) : undefined;
    if (moved !== undefined) {
      const categoryPath = ['problems', index, 'category'];
      diagnostics.push({ file: source.file, ...locate(source, categoryPath), path: categoryPath, ruleId: 'problem-number', severity: 'error', message: moved });
      return entry;
    }
    return { ...(entry as object), number: key };
  });
  return { value: { ...(source.value as object), problems: resolved }, diagnostics };
}
