// The Spring Festival from Node's Chinese calendar, checked against dates
// stated by hand (the published 春节 dates), and 春节前 as the day before.
import { describe, expect, it } from 'vitest';
import { springFestival } from '../../src/derive/chinese-calendar.js';
import { parseDeadline } from '../../src/derive/deadline.js';

// year, Spring Festival, the day before (春节前).
const SPRING_FESTIVALS: ReadonlyArray<[number, string, string]> = [
  [2020, '2020-01-25', '2020-01-24'],
  [2021, '2021-02-12', '2021-02-11'],
  [2022, '2022-02-01', '2022-01-31'],
  [2023, '2023-01-22', '2023-01-21'],
  [2024, '2024-02-10', '2024-02-09'],
  [2025, '2025-01-29', '2025-01-28'],
  [2026, '2026-02-17', '2026-02-16'],
  [2027, '2027-02-06', '2027-02-05'],
  [2028, '2028-01-26', '2028-01-25'],
  [2029, '2029-02-13', '2029-02-12'],
  [2030, '2030-02-03', '2030-02-02'],
];

describe('springFestival', () => {
  for (const [year, festival, dayBefore] of SPRING_FESTIVALS) {
    it(`${year}: 春节 ${festival}, ${year}年春节前 due ${dayBefore}`, () => {
      expect(springFestival(year)).toBe(festival);
      const result = parseDeadline(`${year}年春节前`, '2023-09-07');
      expect(result.ok && result.deadline.due).toBe(dayBefore);
    });
  }
  it('gives the year of a phrase without one from the notice date', () => {
    const result = parseDeadline('春节前', '2027-03-01');
    expect(result.ok && result.deadline.due).toBe('2027-02-05');
  });
  it('moves ICU’s first day of the year by at most one day (the day of its new moon), 1950–2100', () => {
    const chinese = new Intl.DateTimeFormat('en-u-ca-chinese', { timeZone: 'UTC', month: 'numeric', day: 'numeric' });
    const icuNewYear = (year: number) => {
      for (let day = 21; day < 52; day += 1) {
        const date = new Date(Date.UTC(year, 0, day));
        if (chinese.format(date) === '1/1') return date.getTime();
      }
      throw new Error(`no new year in ${year}`);
    };
    for (let year = 1950; year <= 2100; year += 1) {
      const pinned = Date.parse(`${springFestival(year)}T00:00:00Z`);
      expect(Math.abs(pinned - icuNewYear(year)), String(year)).toBeLessThanOrEqual(86_400_000);
    }
  });
  it('does not depend on the machine’s time zone', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      expect(springFestival(2028)).toBe('2028-01-26');
      process.env.TZ = 'America/Los_Angeles';
      expect(springFestival(2028)).toBe('2028-01-26');
    } finally {
      process.env.TZ = saved;
    }
  });
});
