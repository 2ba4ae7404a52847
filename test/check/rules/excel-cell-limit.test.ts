import { describe, expect, it } from 'vitest';
import { excelCellLimit } from '../../../src/check/rules/excel-cell-limit.js';
import { runRule, withPlan, withProgress } from '../../helpers/fixture-folder.js';

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
    expect(found.map((d) => d.path)).toEqual([['problems', 0, 'summary'], ['problems', 1, 'measures']]);
    expect(found[0]!.message).toContain('超过 Excel 单元格上限 32767');
  });
  it('reports lead or cooperating units that only overflow one cell together (property-test regression)', () => {
    // Found by test/property/limits.test.ts: 299 units of 120 characters as one
    // problem's 配合单位 passed the checker, and the ledger cut the cell short.
    const names = Array.from({ length: 300 }, (_, i) => `单位${i}`.padEnd(120, '测'));
    const plan = withPlan((p) => {
      p.units = [...p.units, ...names.map((name) => ({ name }))];
      p.problems[0]!.cooperatingUnits = names.slice(1);
      p.problems[1]!.cooperatingUnits = names.slice(1, 270); // 269 × 120 + 268 = 32,548: fits
    });
    const found = runRule(excelCellLimit, { plan });
    expect(found.map((d) => d.path)).toEqual([['problems', 0, 'cooperatingUnits']]);
    expect(found[0]!.message).toContain('配合单位合计 36178 字符');
  });
  it('reports cumulative evidence paths that overflow the ledger’s cell', () => {
    const files = Array.from({ length: 400 }, (_, i) => `1/${String(i).padStart(3, '0')}${'佐'.repeat(80)}.txt`);
    const progress = withProgress((p) => {
      p.problems[0]!.evidence = files;
    });
    const found = runRule(excelCellLimit, { progress, evidence: files });
    expect(found.map((d) => d.path)).toEqual([['problems', 0, 'evidence']]);
  });
});
