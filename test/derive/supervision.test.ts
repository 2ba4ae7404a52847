// 督办 on the 河口乡 fixture (test/helpers/fixture-folder.ts), expected units,
// kinds and numbers worked out by hand from the fixture's dates.
import { describe, expect, it } from 'vitest';
import { derivePeriod } from '../../src/derive/period.js';
import { addWorkingDays, assignSupervisionNumbers, supervisedUnits } from '../../src/derive/supervision.js';
import { planSchema } from '../../src/model/plan-schema.js';
import { progressSchema, type Progress } from '../../src/model/progress-schema.js';
import { basePlan, baseProgress } from '../helpers/fixture-folder.js';

const plan = planSchema.parse(basePlan());

/**
 * 2024-05-31: problem 1 (农办, due 5月底前) 推进中 on schedule, due that day: blue;
 * problem 2 (林业站 and 农办, due 2024年底) behind schedule: yellow; 3 (各村) completed: green.
 */
function may(): Progress {
  const p = baseProgress('2024-05', '2024-05-31');
  p.problems[0] = { number: 1, status: '推进中', onSchedule: true, progress: '清河过半。' };
  Object.assign(p.problems[1]!, { onSchedule: false });
  return progressSchema.parse(p);
}

function viewOf(progress: Progress) {
  const result = derivePeriod(plan, progress);
  if (!result.ok) throw new Error(result.message);
  return result.view;
}

describe('supervisedUnits', () => {
  it('gives every lead unit of a coloured problem a notice, the kind by its worst colour, in plan.units order', () => {
    const units = supervisedUnits(plan, viewOf(may()));
    // 农办 leads 1 (blue) and 2 (yellow, jointly): 督办单. 林业站 leads 2 (yellow): 督办单. 各村: only green.
    expect(units.map((u) => [u.unit.name, u.kind, u.rows.map((r) => r.problem.number)])).toEqual([
      ['农办', '督办单', [1, 2]],
      ['林业站', '督办单', [2]],
    ]);
  });

  it('makes an overdue problem a 催办通知 and leaves a period with only green and uncoloured problems without any', () => {
    const june = progressSchema.parse(baseProgress('2024-06', '2024-06-30'));
    const late = { ...june, problems: june.problems.map((p) => (p.number === 1 ? { number: 1, status: '推进中' as const, onSchedule: true, evidence: [] } : p)) };
    // 1 is past 5月底 on 2024-06-30: red; 2 on schedule and due at year end: no colour.
    expect(supervisedUnits(plan, viewOf(late)).map((u) => [u.unit.name, u.kind])).toEqual([['农办', '催办通知']]);
    expect(supervisedUnits(plan, viewOf(june))).toEqual([]);
  });
});

describe('assignSupervisionNumbers', () => {
  const withRecord = (p: Progress, date: string, numbers: Array<[string, number]>): Progress => ({ ...p, supervision: { date, numbers: numbers.map(([unit, number]) => ({ unit, number })) } });

  it('numbers on from the highest of the year, in the order given, and says the record must be written', () => {
    const april = withRecord(progressSchema.parse(baseProgress('2024-04', '2024-04-30')), '2024-04-30', [['林业站', 3], ['各村', 4]]);
    const { record, changed } = assignSupervisionNumbers([april, may()], '2024-05', ['农办', '林业站'], '2024-05-31');
    expect(record).toEqual({ date: '2024-05-31', numbers: [{ unit: '农办', number: 5 }, { unit: '林业站', number: 6 }] });
    expect(changed).toBe(true);
  });

  it('keeps recorded numbers and date on a rerun, and starts again at 1 in a new year', () => {
    const recorded = withRecord(may(), '2024-06-03', [['农办', 5], ['林业站', 6]]);
    expect(assignSupervisionNumbers([recorded], '2024-05', ['农办', '林业站'], '2024-05-31')).toEqual({ record: recorded.supervision, changed: false });
    // A unit new to the period gets the next number; the others keep theirs.
    expect(assignSupervisionNumbers([recorded], '2024-05', ['农办', '各村', '林业站'], '2024-05-31').record.numbers).toEqual([
      { unit: '农办', number: 5 },
      { unit: '林业站', number: 6 },
      { unit: '各村', number: 7 },
    ]);
    const january = progressSchema.parse(baseProgress('2025-01', '2025-01-31'));
    expect(assignSupervisionNumbers([recorded, january], '2025-01', ['农办'], '2025-01-31').record.numbers).toEqual([{ unit: '农办', number: 1 }]);
  });
});

describe('addWorkingDays', () => {
  it('skips Saturdays and Sundays', () => {
    // 2024-05-31 is a Friday: 5 working days on is Friday 2024-06-07; 2023-11-30 (Thursday) → 2023-12-07.
    expect(addWorkingDays('2024-05-31', 5)).toBe('2024-06-07');
    expect(addWorkingDays('2023-11-30', 5)).toBe('2023-12-07');
    expect(addWorkingDays('2024-06-01', 1)).toBe('2024-06-03');
  });
});
