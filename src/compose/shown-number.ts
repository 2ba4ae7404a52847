// The number a problem is printed under in the documents this module's
// callers compose (the supervision notices, the ledger's 回头看 sheet). One
// function, so that how problems are numbered on paper (docs/domain.md#problems)
// changes in one place for all of them.
import type { Problem } from '../model/plan-schema.js';

/** The problem's number as printed: its plan-wide number (docs/domain.md#problems). */
export function shownProblemNumber(problem: Problem): number {
  return problem.number;
}
