// Pages show times in Beijing time (UTC+8), the database keeps UTC.
import { expect, it } from 'vitest';
import { beijingDate, beijingTime } from '../../src/server/beijing-time.js';

it('shows a stored UTC time as Beijing time, the date rolling over after 16:00 UTC', () => {
  expect(beijingTime('2026-11-30T08:27:00.000Z')).toBe('2026-11-30 16:27');
  expect(beijingTime('2026-11-30T16:05:09.000Z')).toBe('2026-12-01 00:05');
  expect(beijingTime('2026-11-30T16:05:09.000Z', { seconds: true })).toBe('2026-12-01 00:05:09');
  expect(beijingDate('2026-12-31T23:59:59Z')).toBe('2027-01-01');
  expect(beijingTime('2026-06-01T00:00:00Z')).toBe('2026-06-01 08:00'); // no summer time
});

it('refuses text that is not a time rather than printing “Invalid Date”', () => {
  expect(() => beijingTime('not a time')).toThrow(RangeError);
});
