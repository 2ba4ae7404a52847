import { describe, expect, it } from 'vitest';
import { missingEvidence } from '../../../src/check/rules/missing-evidence.js';
import { runRule, withProgress } from '../../helpers/fixture-folder.js';

describe('missing-evidence', () => {
  it('passes files that exist', () => {
    expect(runRule(missingEvidence, { progress: withProgress(() => {}) })).toEqual([]);
  });
  it('reports a missing file and a path leaving evidence/', () => {
    const progress = withProgress((p) => {
      p.problems[1]!.evidence = ['2/照片.png', '../plan.json'];
    });
    const found = runRule(missingEvidence, { progress });
    expect(found.map((d) => d.message)).toEqual([
      '第 2 号问题的佐证材料不存在：evidence/2/照片.png',
      '第 2 号问题的佐证材料路径“../plan.json”不能指向 evidence/ 之外',
    ]);
  });
});
