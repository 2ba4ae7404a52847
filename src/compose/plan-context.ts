// What templates see of a plan's problems and categories: shared by every
// document whose template lists problems (the notice's plan body, the progress
// report, and any later document such as a 回头看 report).

import { UserError } from '../diagnostics/user-error.js';
import type { Plan, Problem } from '../model/plan-schema.js';
import { firstSentence } from '../model/prose.js';
import { hasCategories } from '../model/plan-categories.js';
import { numberBesideCategory, shownNumber } from '../model/numbering.js';

/** A problem as templates see it. Optional fields are present as null, so a typo is still an error. */
export interface ProblemTemplateContext {
  /**
   * The problem's number as printed (model/numbering.ts): under its category
   * heading the number within the category, elsewhere the shown number
   * (二-3 for a plan numbered per category); text, so a template prints it as it is.
   */
  readonly number: string;
  readonly summary: string;
  /** The summary's first sentence (model/prose.ts firstSentence): how a sentence of the report names the problem. */
  readonly brief: string;
  readonly measures: readonly string[];
  readonly deadline: string;
  readonly leadUnits: readonly string[];
  readonly cooperatingUnits: readonly string[];
  readonly target: string | null;
  readonly responsibleLeader: string | null;
  readonly responsiblePerson: string | null;
  readonly completionStandard: string | null;
  readonly remarks: string | null;
}

export interface CategoryTemplateContext {
  readonly heading: string;
  readonly label: string;
  readonly problems: readonly ProblemTemplateContext[];
}

/** A problem for templates, with the number as shown where the category is not beside it (shownNumber) unless `number` is given. */
export function problemContext(problem: Problem, number: string = shownNumber(problem)): ProblemTemplateContext {
  return {
    number,
    summary: problem.summary,
    brief: firstSentence(problem.summary),
    measures: [...problem.measures],
    deadline: problem.deadline,
    leadUnits: [...problem.leadUnits],
    cooperatingUnits: [...problem.cooperatingUnits],
    target: problem.target ?? null,
    responsibleLeader: problem.responsibleLeader ?? null,
    responsiblePerson: problem.responsiblePerson ?? null,
    completionStandard: problem.completionStandard ?? null,
    remarks: problem.remarks ?? null,
  };
}

/**
 * Problems grouped under their categories, in the plan's category order and
 * the data's problem order. A category without problems is left out unless
 * the plan keeps it (docs/domain.md#categories); the renderer numbers what is left.
 * A plan without categories (a flat list) has none: its problems are listed
 * straight under the problems heading, from the context's `problems`.
 */
export function printedCategories(plan: Plan): CategoryTemplateContext[] {
  return printedCategoryGroups(plan).map(({ heading, label, problems }) => ({
    heading,
    label,
    problems: problems.map((p) => problemContext(p, numberBesideCategory(p))),
  }));
}

/** The categories the plan body prints, each with its problems (printedCategories, before they become template contexts). */
export function printedCategoryGroups(plan: Plan): Array<{ heading: string; label: string; problems: Problem[] }> {
  if (!hasCategories(plan)) return [];
  const known = new Set(plan.categories.map((c) => c.id));
  const stray = plan.problems.find((p) => p.category === undefined || !known.has(p.category));
  if (stray) {
    throw new UserError(
      stray.category === undefined
        ? `问题 ${shownNumber(stray)} 没有类别（category），而方案列了类别，无法排入方案正文`
        : `问题 ${shownNumber(stray)} 的类别“${stray.category}”不在 categories 中，无法排入方案正文`,
    );
  }
  return plan.categories
    .map((category) => ({
      heading: category.heading,
      label: category.label,
      keep: category.keepWhenEmpty,
      problems: plan.problems.filter((p) => p.category === category.id),
    }))
    .filter((c) => c.problems.length > 0 || c.keep)
    .map(({ heading, label, problems }) => ({ heading, label, problems }));
}
