import { describe, expect, it } from 'vitest';
import { closureIncomplete } from '../../../src/check/rules/closure-incomplete.js';
import { runRule, withProgress } from '../../helpers/fixture-folder.js';

describe('closure-incomplete', () => {
  it('passes a closure after completion', () => {
    const progress = withProgress((p) => {
      Object.assign(p.problems[0]!, { status: '已销号', closure: { date: '2024-06-10', approver: '乡纪委书记', opinion: '同意销号。' } });
    });
    expect(runRule(closureIncomplete, { progress })).toEqual([]);
  });
  it('reports 已销号 without closure data, a closure before completion, and closure data on an open problem', () => {
    const progress = withProgress((p) => {
      p.problems[0]!.status = '已销号';
      Object.assign(p.problems[2]!, { status: '已销号', closure: { date: '2024-03-01', approver: '乡长', opinion: '同意。' } });
      p.problems[1]!.closure = { date: '2024-06-01', approver: '乡长', opinion: '同意。' };
    });
    const found = runRule(closureIncomplete, { progress });
    expect(found.map((d) => d.path)).toEqual([['problems', 0, 'status'], ['problems', 1, 'closure'], ['problems', 2, 'closure', 'date']]);
  });
});
