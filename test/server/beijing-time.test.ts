// Pages show times in Beijing time (UTC+8), the database keeps UTC.
import { expect, it } from 'vitest';
import { beijingDate, beijingTime } from '../../src/server/beijing-time.js';
import { describeWithTools } from '../helpers/tools.js';
import { signedIn, startHarness } from './harness.js';

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

describeWithTools(['better-sqlite3'], 'times on the pages', () => {
  it('shows the audit log in Beijing time, not as stored (UTC)', async () => {
    const harness = await startHarness();
    try {
      const office = await signedIn(harness.app, 'office');
      const page = await office.request('GET', '/audit');
      const rows = await harness.db.selectFrom('audit').select('at').execute();
      expect(rows.length).toBeGreaterThan(0);
      for (const { at } of rows) {
        // Stored 2026-11-30T08:27:05.123Z is shown 2026-11-30 16:27:05.
        const shifted = new Date(Date.parse(at) + 8 * 3600_000).toISOString();
        expect(page.body).toContain(`<td data-label="时间">${shifted.slice(0, 10)} ${shifted.slice(11, 19)}</td>`);
      }
      expect(page.body).toContain('时间为北京时间');
    } finally {
      await harness.close();
    }
  });
});
