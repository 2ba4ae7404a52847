import { describe, expect, it } from 'vitest';
import { excelCellLimit } from '../../../src/check/rules/excel-cell-limit.js';
import { runRule, withPlan } from '../../helpers/fixture-folder.js';

describe('excel-cell-limit', () => {
  it('passes text of exactly 32767 characters', () => {
    const plan = withPlan((p) => {
      p.problems[0]!.summary = '字'.repeat(32_767);
    });
    expect(runRule(excelCellLimit, { plan })).toEqual([]);
  });
  it('reports one character more, and measures that only overflow together', () => {
    const plan = withPlan((p) => {
      p.problems[0]!.summary = '字'.repeat(32_768);
      p.problems[1]!.measures = ['措'.repeat(20_000), '施'.repeat(20_000)];
    });
    const found = runRule(excelCellLimit, { plan });
    expect(found.map((d) => d.path)).toEqual(['problems[0].summary', 'problems[1].measures']);
    expect(found[0]!.message).toContain('超过 Excel 单元格上限 32767');
  });
});
