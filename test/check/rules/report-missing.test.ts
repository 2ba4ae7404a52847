import { describe, expect, it } from 'vitest';
import { reportMissing } from '../../../src/check/rules/report-missing.js';
import { runRule, withProgress } from '../../helpers/fixture-folder.js';

describe('report-missing', () => {
  it('passes a period with its report block', () => {
    expect(runRule(reportMissing, { progress: withProgress(() => {}) })).toEqual([]);
  });
  it('warns about a period imported from forms before the report is written', () => {
    const progress = withProgress((p) => {
      delete p.report;
    });
    expect(runRule(reportMissing, { progress })).toMatchObject([{ severity: 'warning', path: ['period'], file: 'progress/2024-06.json' }]);
  });
});
