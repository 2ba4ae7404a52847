// Warning colours, overdue and the deadline in force, on made-up problems
// (not the sample's units or dates).
import { describe, expect, it } from 'vitest';
import { effectiveDeadline, extensionDeadline, isDue, problemState } from '../../src/derive/problem-state.js';
import { problemSchema, type Problem } from '../../src/model/plan-schema.js';
import { problemProgressSchema, type ProblemProgress } from '../../src/model/progress-schema.js';
import type { ProblemProgressInput } from './support.js';

const NOTICE = '2024-03-15';

function problem(deadline: string): Problem {
  return problemSchema.parse({ number: 4, category: 'road', summary: '道路破损。', measures: ['修补。'], deadline, leadUnits: ['交通站'] });
}

function entry(fields: Partial<ProblemProgressInput>): ProblemProgress {
  return problemProgressSchema.parse({ number: 4, status: '推进中', onSchedule: true, ...fields });
}

function state(deadline: string, fields: Partial<ProblemProgressInput>, asOf: string) {
  return problemState(problem(deadline), entry(fields), asOf, NOTICE);
}

describe('warning colours (first match wins)', () => {
  it('green for every completed status, even when the due date has passed', () => {
    for (const status of ['已完成', '已完成并长期坚持', '已销号'] as const) {
      const s = state('5月底前完成', { status, onSchedule: undefined, completedOn: '2024-05-02' }, '2024-08-31');
      expect([s.colour, s.overdue]).toEqual(['green', false]);
    }
  });
  it('red when overdue, before yellow', () => {
    const s = state('5月底前完成', { status: '推进中', onSchedule: false }, '2024-06-01');
    expect([s.overdue, s.daysToDue, s.colour]).toEqual([true, -1, 'red']);
  });
  it('red for 未启动 past its due date', () => {
    expect(state('5月底前完成', { status: '未启动', onSchedule: undefined }, '2024-06-30').colour).toBe('red');
  });
  it('yellow for 推进中 not on schedule, before blue', () => {
    expect(state('5月底前完成', { onSchedule: false }, '2024-05-28').colour).toBe('yellow');
  });
  it('blue from 7 days before the due date through the due day itself', () => {
    expect(state('5月底前完成', {}, '2024-05-23').colour).toBe(null); // 8 days
    expect(state('5月底前完成', {}, '2024-05-24').colour).toBe('blue'); // 7 days
    expect(state('5月底前完成', {}, '2024-05-31').colour).toBe('blue'); // due today: not overdue
    expect(state('5月底前完成', { status: '未启动', onSchedule: undefined }, '2024-05-30').colour).toBe('blue');
  });
  it('no colour for 长期坚持 alone, which has no due date and is never overdue', () => {
    const s = state('长期坚持', {}, '2030-01-01');
    expect([s.deadline?.due, s.daysToDue, s.overdue, s.colour, s.longTerm]).toEqual([null, null, false, null, true]);
  });
  it('no yellow for 推进中 without an on-schedule answer', () => {
    expect(state('5月底前完成', { onSchedule: undefined }, '2024-04-30').colour).toBe(null);
  });
});

describe('overdue is end-of-day', () => {
  it('is not overdue on the due day and is overdue the day after', () => {
    expect(state('12月10日前完成', {}, '2024-12-10').overdue).toBe(false);
    expect(state('12月10日前完成', {}, '2024-12-11').overdue).toBe(true);
  });
  it('立行立改 is due on the notice date', () => {
    expect(state('立行立改', {}, NOTICE).overdue).toBe(false);
    expect(state('立行立改', {}, '2024-03-16').overdue).toBe(true);
  });
});

describe('the deadline in force', () => {
  const extension = (deadline: string, approvedOn: string) => ({ deadline, reason: '雨季施工受阻', approvedOn });

  it('uses an approved extension in every computation, keeping the original phrase on the problem', () => {
    const s = state('5月底前完成', { extension: extension('8月底前完成', '2024-05-20') }, '2024-06-30');
    expect([s.extended, s.deadline?.phrase, s.deadline?.due, s.overdue, s.daysToDue]).toEqual([true, '8月底前完成', '2024-08-31', false, 62]);
  });
  it('reads a yearless extension in the year it was approved', () => {
    expect(extensionDeadline(extension('6月底前完成', '2025-02-10'))?.due).toBe('2025-06-30');
  });
  it('rolls a yearless extension that would fall before its approval into the next year', () => {
    expect(extensionDeadline(extension('3月底前完成', '2024-12-20'))?.due).toBe('2025-03-31');
  });
  it('keeps an explicit year as written', () => {
    expect(extensionDeadline(extension('2025年3月底前', '2024-12-20'))?.due).toBe('2025-03-31');
  });
  it('is null for an unparseable phrase (the checker reports it) and then never overdue', () => {
    expect(effectiveDeadline(problem('尽快'), undefined, NOTICE)).toBeNull();
    expect(state('尽快', { status: '未启动', onSchedule: undefined }, '2030-01-01').overdue).toBe(false);
  });
  it('stays long-term when an extension moves the date of a 并长期坚持 problem', () => {
    const s = state('5月底前完成并长期坚持', { extension: extension('8月底前完成', '2024-05-20') }, '2024-06-30');
    expect(s.longTerm).toBe(true);
  });
  it('counts as long-term when the status says 已完成并长期坚持', () => {
    expect(state('5月底前完成', { status: '已完成并长期坚持', onSchedule: undefined, completedOn: '2024-05-02' }, '2024-05-31').longTerm).toBe(true);
    expect(state('5月底前完成', {}, '2024-05-31').longTerm).toBe(false);
  });
});

describe('isDue', () => {
  it('is true from the due day on, false before and for 长期坚持 alone', () => {
    expect(isDue(state('5月底前完成', {}, '2024-05-30'))).toBe(false);
    expect(isDue(state('5月底前完成', {}, '2024-05-31'))).toBe(true);
    expect(isDue(state('5月底前完成', {}, '2024-07-01'))).toBe(true);
    expect(isDue(state('长期坚持', {}, '2030-01-01'))).toBe(false);
  });
});
