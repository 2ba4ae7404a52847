// Closure forms (整改销号审批表), docs/domain.md#closure: "谁销号、谁签字、谁负责".
// A completed problem not yet closed gets a blank form to be signed; a problem
// closed in the period gets the form filled with the closure recorded.
import type { IsoDate } from '../model/dates.js';
import { cumulativeEvidenceByProblem } from '../derive/evidence.js';
import { type EvidenceItem } from '../model/evidence-item.js';
import { measuresText } from '../model/measures.js';
import type { PeriodRow, PeriodView } from '../derive/period.js';
import { unitsText } from '../derive/units.js';
import type { Plan } from '../model/plan-schema.js';
import type { Closure, Progress } from '../model/progress-schema.js';
import { type ClosureForm } from '../model/document/closure-form.js';

/** Closed in this period: closed now and not in the previous file; with no previous file, closed on a date in the period. */
function closedInPeriod(row: PeriodRow, view: PeriodView, period: string): boolean {
  if (!row.state.closed) return false;
  if (view.changes.since !== null) return view.changes.newlyClosed.includes(row.problem.number);
  return row.progress.closure?.date.startsWith(`${period}-`) ?? false;
}

export function composeClosureForms(plan: Plan, view: PeriodView, progressHistory: readonly Progress[]): ClosureForm[] {
  const evidence = cumulativeEvidenceByProblem(progressHistory, view.period);
  const headings = new Map(plan.categories.map((c) => [c.id, c.heading]));
  const forms: ClosureForm[] = [];
  for (const row of view.rows) {
    const blank = row.state.completed && !row.state.closed;
    const filled = closedInPeriod(row, view, view.period);
    if (!blank && !filled) continue;
    forms.push({
      kind: filled ? 'filled' : 'blank',
      number: row.problem.number,
      source: headings.get(row.problem.category) ?? row.problem.category,
      summary: row.problem.summary,
      measures: measuresText(row.problem.measures),
      done: row.progress.progress ?? '',
      completedOn: row.progress.completedOn,
      leadUnits: unitsText(row.problem.leadUnits),
      evidence: evidence.get(row.problem.number) ?? [],
      closure: filled ? row.progress.closure : undefined,
    });
  }
  return forms;
}
