// The one deadline of a problem: dueDate / longTerm win over the phrase
// (docs/domain.md#explicit-due-date), and every state reads it from there.
import { describe, expect, it } from 'vitest';
import { problemDeadline, readExtensionDeadline } from '../../src/derive/problem-deadline.js';
import { problemState } from '../../src/derive/problem-state.js';
import { problemSchema, type Problem } from '../../src/model/plan-schema.js';
import { problemProgressSchema } from '../../src/model/progress-schema.js';

const NOTICE = '2024-03-15';

function problem(fields: { deadline: string; dueDate?: string; longTerm?: boolean }): Problem {
  return problemSchema.parse({ number: 6, category: 'water', summary: '渠道淤塞。', measures: ['清淤。'], leadUnits: ['水利站'], ...fields });
}

describe('problemDeadline', () => {
  it('reads the phrase when the problem gives no dueDate or longTerm', () => {
    expect(problemDeadline(problem({ deadline: '5月中旬前' }), NOTICE)).toEqual({
      ok: true,
      deadline: { phrase: '5月中旬前', due: '2024-05-20', immediate: false, longTerm: false, source: 'phrase' },
    });
  });
  it('takes dueDate over the phrase, readable or not, and does not read the phrase at all', () => {
    for (const deadline of ['5月底前完成并长期坚持', '汛期前完成', '立行立改']) {
      expect(problemDeadline(problem({ deadline, dueDate: '2024-06-15' }), NOTICE)).toEqual({
        ok: true,
        deadline: { phrase: deadline, due: '2024-06-15', immediate: false, longTerm: false, source: 'explicit' },
      });
    }
  });
  it('takes longTerm with dueDate, and longTerm: true alone as long-term without a date', () => {
    expect(problemDeadline(problem({ deadline: '汛期前完成并长期坚持', dueDate: '2024-06-15', longTerm: true }), NOTICE)).toMatchObject({
      ok: true,
      deadline: { due: '2024-06-15', longTerm: true, source: 'explicit' },
    });
    expect(problemDeadline(problem({ deadline: '久久为功', longTerm: true }), NOTICE)).toMatchObject({ ok: true, deadline: { due: null, longTerm: true, source: 'explicit' } });
  });
  it('refuses longTerm: false without dueDate, at longTerm', () => {
    const result = problemDeadline(problem({ deadline: '5月底前', longTerm: false }), NOTICE);
    expect(result).toMatchObject({ ok: false, field: 'longTerm' });
  });
  it('gives an unreadable phrase’s message, at deadline', () => {
    expect(problemDeadline(problem({ deadline: '汛期前完成' }), NOTICE)).toMatchObject({ ok: false, field: 'deadline', message: expect.stringContaining('“汛期前完成”') });
  });
  it('refuses a dueDate that is not a YYYY-MM-DD day in the schema', () => {
    for (const dueDate of ['2024-6-15', '2024-02-30', '6月15日']) {
      expect(problemSchema.safeParse({ number: 1, category: 'c', summary: 's', measures: ['m'], leadUnits: ['u'], deadline: 'x', dueDate }).success, dueDate).toBe(false);
    }
  });
});

describe('states use the explicit due date', () => {
  const entry = problemProgressSchema.parse({ number: 6, status: '推进中', onSchedule: true });
  it('is overdue after dueDate though the phrase cannot be read', () => {
    const s = problemState(problem({ deadline: '汛期前完成', dueDate: '2024-06-15' }), entry, '2024-06-16', NOTICE);
    expect([s.deadline?.due, s.overdue, s.colour]).toEqual(['2024-06-15', true, 'red']);
  });
  it('is long-term from longTerm, not from the phrase', () => {
    expect(problemState(problem({ deadline: '5月底前完成并长期坚持', dueDate: '2024-05-31' }), entry, '2024-05-01', NOTICE).longTerm).toBe(false);
    expect(problemState(problem({ deadline: '常年开展', longTerm: true }), entry, '2024-05-01', NOTICE).longTerm).toBe(true);
  });
});

describe('readExtensionDeadline', () => {
  it('reads the new phrases against the approval date, and gives the message when it cannot', () => {
    expect(readExtensionDeadline({ deadline: '中期（3个月内）', approvedOn: '2024-05-20' })).toMatchObject({ ok: true, deadline: { due: '2024-08-20' } });
    expect(readExtensionDeadline({ deadline: '春节前', approvedOn: '2024-12-20' })).toMatchObject({ ok: true, deadline: { due: '2025-01-28' } });
    expect(readExtensionDeadline({ deadline: '汛期后', approvedOn: '2024-05-20' })).toMatchObject({ ok: false });
  });
});
