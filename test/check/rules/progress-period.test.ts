import { describe, expect, it } from 'vitest';
import { progressPeriod } from '../../../src/check/rules/progress-period.js';
import { baseProgress, runRule } from '../../helpers/fixture-folder.js';

describe('progress-period', () => {
  it('passes a consistent file', () => {
    expect(runRule(progressPeriod, { progress: { '2024-06': baseProgress() } })).toEqual([]);
  });
  it('reports a file name, as-of date and report date that disagree', () => {
    const progress = baseProgress('2024-06', '2024-07-02');
    progress.report.date = '2024-07-01';
    const found = runRule(progressPeriod, { progress: { '2024-05': progress } });
    expect(found.map((d) => d.message)).toEqual([
      '期次 2024-06 与文件名 2024-05.json 不一致',
      '截止日期 2024-07-02 不在期次 2024-06 内',
      '报告日期 2024-07-01 早于统计截止日期 2024-07-02',
    ]);
  });
});
