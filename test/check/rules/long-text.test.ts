import { describe, expect, it } from 'vitest';
import { longText } from '../../../src/check/rules/long-text.js';
import { baseProgress, runRule } from '../../helpers/fixture-folder.js';

describe('long-text', () => {
  it('passes the fixture period and a progress text of exactly 1,000 characters (emoji counted as one)', () => {
    const progress = baseProgress();
    progress.problems[0]!.progress = `${'进'.repeat(999)}😀`;
    expect(runRule(longText, { progress: { '2024-06': progress } })).toEqual([]);
  });

  it('warns at each of a unit’s free texts over 1,000 characters, naming the problem, the field and the length', () => {
    const progress = baseProgress();
    Object.assign(progress.problems[0]!, { progress: '进'.repeat(1001), note: '备'.repeat(20_016) });
    Object.assign(progress.problems[1]!, { reason: '因'.repeat(1500), extension: { deadline: '12月底前完成', reason: '调'.repeat(1002), approvedOn: '2024-06-01' } });
    const found = runRule(longText, { progress: { '2024-06': progress } });
    expect(found.map((d) => [d.severity, d.path, d.message])).toEqual([
      ['warning', ['problems', 0, 'progress'], '第 1 号问题的整改进展共 1001 字，超过 1000 字：报告表格中这一格将超过一页，请核对是否误粘贴'],
      ['warning', ['problems', 0, 'note'], '第 1 号问题的备注共 20016 字，超过 1000 字：报告表格中这一格将超过一页，请核对是否误粘贴'],
      ['warning', ['problems', 1, 'reason'], '第 2 号问题的未完成原因共 1500 字，超过 1000 字：报告表格中这一格将超过一页，请核对是否误粘贴'],
      ['warning', ['problems', 1, 'extension', 'reason'], '第 2 号问题的调整原因共 1002 字，超过 1000 字：报告表格中这一格将超过一页，请核对是否误粘贴'],
    ]);
  });
});
