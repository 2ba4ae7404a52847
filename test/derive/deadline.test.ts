import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../src/derive/deadline.js';

const NOTICE = '2023-09-07';

function due(phrase: string, noticeDate = NOTICE) {
  const result = parseDeadline(phrase, noticeDate);
  if (!result.ok) throw new Error(result.message);
  return result.deadline;
}

describe('parseDeadline', () => {
  it('takes the notice year for a phrase without one', () => {
    expect(due('7月底前完成')).toEqual({ phrase: '7月底前完成', due: '2023-07-31', immediate: false, longTerm: false });
    expect(due('2月底前完成', '2024-01-10').due).toBe('2024-02-29');
    expect(due('2月底前完成', '2023-01-10').due).toBe('2023-02-28');
  });
  it('keeps the date and the long-term flag of 并长期坚持', () => {
    expect(due('10月底前完成并长期坚持')).toMatchObject({ due: '2023-10-31', longTerm: true, immediate: false });
  });
  it('understands a day, an explicit year and a year end', () => {
    expect(due('12月10日前完成').due).toBe('2023-12-10');
    expect(due('2023年10月底前').due).toBe('2023-10-31');
    expect(due('2024年6月底前完成').due).toBe('2024-06-30');
    expect(due('2023年底前').due).toBe('2023-12-31');
    expect(due('年底前完成').due).toBe('2023-12-31');
  });
  it('makes 立行立改 due on the notice date', () => {
    expect(due('立行立改')).toEqual({ phrase: '立行立改', due: NOTICE, immediate: true, longTerm: false });
    expect(due('立行立改、长期坚持')).toMatchObject({ due: NOTICE, immediate: true, longTerm: true });
  });
  it('gives 长期坚持 alone no due date', () => {
    expect(due('长期坚持')).toEqual({ phrase: '长期坚持', due: null, immediate: false, longTerm: true });
  });
  it('rejects phrases it cannot understand, naming the phrase', () => {
    for (const phrase of ['尽快', '13月底前完成', '2月30日前完成', '下个月']) {
      const result = parseDeadline(phrase, NOTICE);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toContain(phrase);
    }
  });
});
