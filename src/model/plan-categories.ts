// Whether a plan sorts its problems into categories (docs/domain.md#categories).
// A plan may have none — a flat list, as a short audit or 巡察 feedback is —
// and then no document prints a category column, heading, label or breakdown.
import type { Category, Plan, Problem } from './plan-schema.js';

/** True when the plan lists categories; a plan without any is a flat list of problems. */
export function hasCategories(plan: Pick<Plan, 'categories'>): boolean {
  return plan.categories.length > 0;
}

/** The category a problem is in; undefined for a problem of a flat plan (or an id the plan lacks, which `check` reports). */
export function categoryOf(plan: Pick<Plan, 'categories'>, problem: Pick<Problem, 'category'>): Category | undefined {
  return problem.category === undefined ? undefined : plan.categories.find((c) => c.id === problem.category);
}
