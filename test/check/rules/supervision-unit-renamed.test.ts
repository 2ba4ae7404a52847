import { describe, expect, it } from 'vitest';
import { supervisionUnitRenamed } from '../../../src/check/rules/supervision-unit-renamed.js';
import { runRules } from '../../../src/check/run.js';
import { baseProgress, fixtureFolder, runRule } from '../../helpers/fixture-folder.js';

/** May of the 河口乡 fixture with the 督办 numbers given. */
function may(numbers: Array<[string, number]>) {
  return { '2024-05': { ...baseProgress('2024-05', '2024-05-31'), supervision: { date: '2024-05-31', numbers: numbers.map(([unit, number]) => ({ unit, number })) } } };
}

describe('supervision-unit-renamed', () => {
  it('passes records naming the plan’s units', () => {
    expect(runRule(supervisionUnitRenamed, { progress: may([['农办', 1], ['林业站', 2]]) })).toEqual([]);
  });

  it('warns at a recorded unit the plan no longer lists, keeping its number taken; the data has no error for it (every command runs)', () => {
    const found = runRule(supervisionUnitRenamed, { progress: may([['水务站', 1], ['农办', 2]]) });
    expect(found.map((d) => [d.severity, d.file, d.path, d.message])).toEqual([
      [
        'warning',
        'progress/2024-05.json',
        ['supervision', 'numbers', 0, 'unit'],
        '2024-05 的督办文书编号记录中的单位“水务站”不在 plan.json 的单位名录（units）中：若单位改过名称或已撤并，这条记录照旧保留（督办〔2024〕1号不再使用）；若是笔误，请改为单位名录中的名称',
      ],
    ]);
    const { folder } = fixtureFolder({ progress: may([['水务站', 1], ['农办', 2]]) });
    expect(runRules(folder!).filter((d) => d.severity === 'error')).toEqual([]);
  });
});
