// 督办 (docs/domain.md#督办): which lead units get a supervision notice in a
// period, of which kind, under which number, and by when they must reply.
// Pure; the colours are the ledger's (ProblemState.colour), never derived again.
import { isoDate, type IsoDate } from '../model/dates.js';
import type { Plan, Unit } from '../model/plan-schema.js';
import type { Progress, Supervision } from '../model/progress-schema.js';
import type { WarningColour } from '../model/warning-colour.js';
import type { PeriodRow, PeriodView } from './period.js';
import { orderedUnits } from './reporting-unit.js';

/** The three notices, mildest first: 提醒函 before a deadline, 督办单 when behind, 催办通知 when overdue. */
export const SUPERVISION_KINDS = ['提醒函', '督办单', '催办通知'] as const;
export type SupervisionKind = (typeof SUPERVISION_KINDS)[number];

/** The colour that calls for each kind (docs/domain.md#warning-colours): blue, yellow, red. */
const KIND_OF_COLOUR: Partial<Record<NonNullable<WarningColour>, SupervisionKind>> = { blue: '提醒函', yellow: '督办单', red: '催办通知' };

/** The kind a coloured problem calls for, or undefined (green, or no colour). */
export function supervisionKindOf(colour: WarningColour): SupervisionKind | undefined {
  return colour === null ? undefined : KIND_OF_COLOUR[colour];
}

/** One unit's notice: the kind by its worst problem (red > yellow > blue), and its blue, yellow and red problems in plan order. */
export interface UnitSupervision {
  unit: Unit;
  kind: SupervisionKind;
  rows: PeriodRow[];
}

/**
 * Every lead unit with a blue, yellow or red problem — each lead unit of such
 * a problem, not only the first — in plan.units order; none for a unit whose
 * problems are all green or uncoloured.
 */
export function supervisedUnits(plan: Plan, view: PeriodView): UnitSupervision[] {
  const coloured = view.rows.filter((r) => supervisionKindOf(r.state.colour) !== undefined);
  const names = coloured.flatMap((r) => r.problem.leadUnits);
  return orderedUnits(plan, names).map((unit) => {
    const rows = coloured.filter((r) => r.problem.leadUnits.includes(unit.name));
    const rank = Math.max(...rows.map((r) => SUPERVISION_KINDS.indexOf(supervisionKindOf(r.state.colour)!)));
    return { unit, kind: SUPERVISION_KINDS[rank]!, rows };
  });
}

/**
 * The period's record with a number for every unit in `units`: numbers
 * already recorded in the period's file are kept (a rerun never renumbers);
 * a unit without one gets the next number of the year — one more than the
 * highest recorded in any of `files` (every progress file of the folder,
 * later periods included) for a date in the same year. The date is the recorded one, else `date`. `changed` says
 * whether the record differs from what the file holds (it must be written).
 */
export function assignSupervisionNumbers(
  files: readonly Progress[],
  period: string,
  units: readonly string[],
  date: IsoDate,
): { record: Supervision; changed: boolean } {
  const own = files.find((p) => p.period === period)?.supervision;
  const recordDate = own?.date ?? date;
  const year = recordDate.slice(0, 4);
  const numbers = [...(own?.numbers ?? [])];
  let highest = Math.max(0, ...files.filter((p) => p.supervision?.date.startsWith(year)).flatMap((p) => p.supervision!.numbers.map((n) => n.number)));
  for (const unit of units) {
    if (numbers.some((n) => n.unit === unit)) continue;
    highest += 1;
    numbers.push({ unit, number: highest });
  }
  const changed = own === undefined || numbers.length !== own.numbers.length;
  return { record: { date: recordDate, numbers }, changed };
}

/** Days a unit has to reply, in working days (Monday to Friday), unless the template says otherwise. */
export const DEFAULT_REPLY_WORKING_DAYS = 5;

/**
 * The date `workingDays` working days after `date`: Saturdays and Sundays are
 * skipped; public holidays are not known (docs/domain.md#督办 says why).
 */
export function addWorkingDays(date: IsoDate, workingDays: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  for (let left = workingDays; left > 0; ) {
    day.setUTCDate(day.getUTCDate() + 1);
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return isoDate(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate());
}
