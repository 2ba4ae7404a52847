// Who reports a problem (docs/domain.md#several-lead-units): a problem with several lead
// units is reported by the first-listed one, so each problem is asked for once.
import type { Plan, Problem, Unit } from '../model/plan-schema.js';

export function reportingUnit(problem: Problem): string {
  // The schema guarantees at least one lead unit.
  return problem.leadUnits[0]!;
}

export interface ReportingGroup {
  unit: Unit;
  problems: Problem[];
}

/**
 * The problems each unit reports, units in plan.units order, only units that
 * report something. A reporting unit missing from plan.units (the checker's
 * unknown-unit error) is appended in first-seen order so no problem is dropped.
 */
export function reportingGroups(plan: Plan): ReportingGroup[] {
  const byName = new Map<string, Problem[]>();
  for (const problem of plan.problems) {
    const name = reportingUnit(problem);
    byName.set(name, [...(byName.get(name) ?? []), problem]);
  }
  return orderedUnits(plan, [...byName.keys()]).map((unit) => ({ unit, problems: byName.get(unit.name)! }));
}

/** The named units in plan.units order, then names unknown to the plan in the order given. */
export function orderedUnits(plan: Plan, names: readonly string[]): Unit[] {
  const wanted = new Set(names);
  const known = plan.units.filter((u) => wanted.has(u.name));
  const knownNames = new Set(known.map((u) => u.name));
  const unknown = [...wanted].filter((n) => !knownNames.has(n)).map((name) => ({ name }));
  return [...known, ...unknown];
}
