import { describe, expect, it } from 'vitest';
import { supervisionNumbers } from '../../../src/check/rules/supervision-numbers.js';
import { baseProgress, runRule } from '../../helpers/fixture-folder.js';

/** May and June of the 河口乡 fixture, each with the 督办 numbers given. */
function months(may: Array<[string, number]>, june: Array<[string, number]>, juneDate = '2024-06-30') {
  const record = (date: string, numbers: Array<[string, number]>) => ({ date, numbers: numbers.map(([unit, number]) => ({ unit, number })) });
  return {
    '2024-05': { ...baseProgress('2024-05', '2024-05-31'), supervision: record('2024-05-31', may) },
    '2024-06': { ...baseProgress(), supervision: record(juneDate, june) },
  };
}

describe('supervision-numbers', () => {
  it('passes numbers running on across the periods of a year, and a new year starting again', () => {
    expect(runRule(supervisionNumbers, { progress: months([['农办', 1], ['林业站', 2]], [['农办', 3]]) })).toEqual([]);
    expect(runRule(supervisionNumbers, { progress: months([['农办', 1]], [['农办', 1]], '2025-01-02') })).toEqual([]);
  });

  it('reports a number given twice in a year, at the later one, naming the first', () => {
    const found = runRule(supervisionNumbers, { progress: months([['农办', 1], ['林业站', 2]], [['各村', 2]]) });
    expect(found).toHaveLength(1);
    expect(found[0]!.file).toContain('2024-06.json');
    expect(found[0]!.path).toEqual(['supervision', 'numbers', 0, 'number']);
    expect(found[0]!.message).toBe('督办〔2024〕2号已用于 2024-05 的林业站，同一年内编号不能重复');
  });

  it('reports a unit twice in one period; a unit not in the plan is supervision-unit-renamed’s warning, not an error here', () => {
    const found = runRule(supervisionNumbers, { progress: months([['水务站', 1], ['农办', 2], ['农办', 3]], []) });
    expect(found.map((d) => d.message)).toEqual(['2024-05 的督办文书编号中“农办”出现了两次：每期每个单位只有一份督办文书']);
  });
});
