// Deadline phrases as real plans write them (issue 19), with every due date
// worked out by hand here — not by the code under test — for notices of two
// different years. Rules: docs/domain.md#deadlines.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../src/derive/deadline.js';
import { isValidIsoDate } from '../../src/model/dates.js';

const NOTICE_2023 = '2023-09-07';
const NOTICE_2025 = '2025-11-20';
const LT = 'long-term';
const IMM = 'immediate';

// phrase, due with the 2023-09-07 notice, due with the 2025-11-20 notice, flags.
const TABLE: ReadonlyArray<[string, string | null, string | null, ...string[]]> = [
  // The forms understood before issue 19.
  ['7月底前完成', '2023-07-31', '2025-07-31'],
  ['10月底前完成并长期坚持', '2023-10-31', '2025-10-31', LT],
  ['12月10日前完成', '2023-12-10', '2025-12-10'],
  ['2023年底前', '2023-12-31', '2023-12-31'],
  ['年底前完成', '2023-12-31', '2025-12-31'],
  ['立行立改', '2023-09-07', '2025-11-20', IMM],
  ['立行立改、长期坚持', '2023-09-07', '2025-11-20', IMM, LT],
  ['长期坚持', null, null, LT],
  ['2024年6月底前完成并长期坚持', '2024-06-30', '2024-06-30', LT],
  // 上旬 / 中旬 / 下旬: the 10th, the 20th, the month's last day.
  ['12月上旬', '2023-12-10', '2025-12-10'],
  ['12月中旬前', '2023-12-20', '2025-12-20'],
  ['2月下旬前完成', '2023-02-28', '2025-02-28'],
  ['2024年2月下旬', '2024-02-29', '2024-02-29'],
  ['十一月下旬', '2023-11-30', '2025-11-30'],
  // Quarters: the quarter's last day.
  ['第一季度', '2023-03-31', '2025-03-31'],
  ['2024年第一季度', '2024-03-31', '2024-03-31'],
  ['一季度', '2023-03-31', '2025-03-31'],
  ['二季度末', '2023-06-30', '2025-06-30'],
  ['第三季度前完成', '2023-09-30', '2025-09-30'],
  ['2026年第四季度', '2026-12-31', '2026-12-31'],
  // Halves of the year.
  ['上半年', '2023-06-30', '2025-06-30'],
  ['2024年下半年', '2024-12-31', '2024-12-31'],
  ['下半年完成', '2023-12-31', '2025-12-31'],
  ['年中', '2023-06-30', '2025-06-30'],
  ['2024年上半年内完成', '2024-06-30', '2024-06-30'],
  // 春节前: the day before the Spring Festival (2023-01-22, 2024-02-10, 2025-01-29, 2026-02-17).
  ['春节前完成', '2023-01-21', '2025-01-28'],
  ['2024年春节前', '2024-02-09', '2024-02-09'],
  ['2026年春节前', '2026-02-16', '2026-02-16'],
  // 国庆前: 30 September.
  ['国庆前', '2023-09-30', '2025-09-30'],
  ['2024年国庆节前完成', '2024-09-30', '2024-09-30'],
  // Phases and spans from the notice date: a span wins; 短期 alone one month, 中期 three.
  ['短期（1个月内）', '2023-10-07', '2025-12-20'],
  ['中期（3个月内）', '2023-12-07', '2026-02-20'],
  ['中期（6个月内）', '2024-03-07', '2026-05-20'],
  ['短期', '2023-10-07', '2025-12-20'],
  ['中期', '2023-12-07', '2026-02-20'],
  ['长期（1年内）', '2024-09-07', '2026-11-20', LT],
  ['3个月内完成', '2023-12-07', '2026-02-20'],
  ['15天内', '2023-09-22', '2025-12-05'],
  ['两周内整改到位', '2023-09-21', '2025-12-04'],
  ['半年内', '2024-03-07', '2026-05-20'],
  // Long-term words without a date.
  ['长期', null, null, LT],
  ['持续推进', null, null, LT],
  ['常态化推进', null, null, LT],
  ['每月', null, null, LT],
  // Combinations: a date wins over a phase.
  ['短期整改，2023年10月底前见效', '2023-10-31', '2023-10-31'],
  ['短期整改、长期坚持', '2023-10-07', '2025-12-20', LT],
  ['12月中旬前完成并长期坚持', '2023-12-20', '2025-12-20', LT],
  ['2024年春节前完成，持续推进', '2024-02-09', '2024-02-09', LT],
];

function read(phrase: string, notice: string) {
  const result = parseDeadline(phrase, notice);
  if (!result.ok) throw new Error(result.message);
  const { due, longTerm, immediate } = result.deadline;
  return { due, longTerm, immediate };
}

describe('deadline phrases as plans write them', () => {
  it('holds at least 25 phrases', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(25);
  });
  for (const [phrase, due2023, due2025, ...flags] of TABLE) {
    const expected = { longTerm: flags.includes(LT), immediate: flags.includes(IMM) };
    it(`${phrase} → ${due2023} (notice ${NOTICE_2023}), ${due2025} (notice ${NOTICE_2025})`, () => {
      expect(read(phrase, NOTICE_2023)).toEqual({ due: due2023, ...expected });
      expect(read(phrase, NOTICE_2025)).toEqual({ due: due2025, ...expected });
    });
  }

  it('adds months to the notice date keeping its day, or the month’s last day when shorter', () => {
    expect(read('短期（1个月内）', '2024-01-31').due).toBe('2024-02-29');
    expect(read('中期（3个月内）', '2023-11-30').due).toBe('2024-02-29');
    expect(read('中期', '2025-10-31').due).toBe('2026-01-31');
  });

  it('reads full-width digits and half-width brackets alike', () => {
    expect(read('中期(3个月内)', NOTICE_2023).due).toBe('2023-12-07');
    expect(read('１２月中旬前', NOTICE_2023).due).toBe('2023-12-20');
  });

  it('refuses what it cannot read, naming the phrase', () => {
    const refused = ['尽快', '13月底前完成', '2月30日前完成', '下个月', '第五季度', '春节后', '中长期', '12月上中旬', '每月10日前报送', '0个月内', '1850年春节前'];
    for (const phrase of refused) {
      const result = parseDeadline(phrase, NOTICE_2023);
      expect(result, phrase).toMatchObject({ ok: false });
      if (!result.ok) expect(result.message).toContain(`“${phrase}”`);
    }
  });

  it('refuses two spans or phases, and 立行立改 with a span', () => {
    for (const phrase of ['短期、中期', '1个月内、3个月内', '立行立改（1个月内）', '立行立改，短期']) {
      expect(parseDeadline(phrase, NOTICE_2023), phrase).toMatchObject({ ok: false });
    }
  });

  it('points the office at dueDate when a phrase cannot be read', () => {
    const result = parseDeadline('节后一周', NOTICE_2023);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('dueDate');
  });

  it('never throws on phrases made of its own words, and any due date it gives exists', () => {
    const tokens = ['0', '1', '9', '12', '2024', '9999', '0001', '年', '月', '日', '号', '底', '末', '内', '份', '上旬', '中旬', '下旬', '第', '一', '二', '十', '两', '半',
      '季度', '上半年', '下半年', '年中', '春节', '国庆', '节', '前', '完成', '并', '、', '，', '（', '）', '个月', '周', '天', '短期', '中期', '长期', '长期坚持', '立行立改',
      '持续推进', '常态化', '每月', '见效', '整改', '-', '.'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...tokens), { maxLength: 8 }), fc.constantFrom(NOTICE_2023, NOTICE_2025, '2024-01-31'), (parts, notice) => {
        const result = parseDeadline(parts.join(''), notice);
        if (result.ok && result.deadline.due !== null) expect(isValidIsoDate(result.deadline.due)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
