// What every rule may ask of a plan folder, computed once.
import { problemDeadline, type ProblemDeadlineResult } from '../derive/problem-deadline.js';
import type { LoadedProgress, PlanFolder } from '../load/plan-folder.js';
import type { Problem } from '../model/plan-schema.js';
import type { ProblemProgress } from '../model/progress-schema.js';

export interface CheckContext {
  folder: PlanFolder;
  problemsByNumber: ReadonlyMap<number, Problem>;
  /** Deadline of each problem (dueDate / longTerm, else the phrase as read), by its index in plan.problems. */
  deadlines: readonly ProblemDeadlineResult[];
  /** Each progress entry with the entry of the same problem in the period before, if any. */
  progressEntries(): Iterable<{ file: LoadedProgress; index: number; entry: ProblemProgress; problem?: Problem }>;
}

export function createContext(folder: PlanFolder): CheckContext {
  const problemsByNumber = new Map<number, Problem>();
  for (const p of folder.plan.problems) if (!problemsByNumber.has(p.number)) problemsByNumber.set(p.number, p);
  const deadlines = folder.plan.problems.map((p) => problemDeadline(p, folder.plan.notice.date));
  return {
    folder,
    problemsByNumber,
    deadlines,
    *progressEntries() {
      for (const file of folder.progress) {
        for (const [index, entry] of file.data.problems.entries()) {
          yield { file, index, entry, problem: problemsByNumber.get(entry.number) };
        }
      }
    },
  };
}
