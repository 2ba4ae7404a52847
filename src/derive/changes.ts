// What changed since the previous period (docs/domain.md#period-changes): problems
// newly completed, newly closed and newly overdue, each state taken as of its
// own period's as-of date and with its own period's extension.
import type { ProblemState } from './problem-state.js';

export interface Changes {
  /** The period compared with; null for the first period, whose lists are empty. */
  since: string | null;
  /** Completed now (any completed status) and not completed before. */
  newlyCompleted: number[];
  /** 已销号 now and not before. */
  newlyClosed: number[];
  /** Overdue now and not overdue before. */
  newlyOverdue: number[];
}

/** The first period has nothing to compare with: it reports no changes rather than everything as new. */
export function noChanges(): Changes {
  return { since: null, newlyCompleted: [], newlyClosed: [], newlyOverdue: [] };
}

/**
 * Compare this period's states with the previous period's, by problem number,
 * in the order of `current`. A problem with no state before (missing from the
 * previous file) had nothing recorded, so anything it is now counts as new.
 */
export function compareStates(
  since: string,
  current: readonly ProblemState[],
  previous: ReadonlyMap<number, ProblemState>,
): Changes {
  const became = (test: (s: ProblemState) => boolean) =>
    current.filter((s) => test(s) && !(previous.has(s.number) && test(previous.get(s.number)!))).map((s) => s.number);
  return {
    since,
    newlyCompleted: became((s) => s.completed),
    newlyClosed: became((s) => s.closed),
    newlyOverdue: became((s) => s.overdue),
  };
}
