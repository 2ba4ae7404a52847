import { describe, expect, it } from 'vitest';
import { extensionDropped } from '../../../src/check/rules/extension-dropped.js';
import { baseProgress, runRule } from '../../helpers/fixture-folder.js';

const EXTENSION = { deadline: '9月底前完成', reason: '汛期无法施工。', approvedOn: '2024-06-15' };

/** June carries an extension on problem 2 (推进中); `edit` shapes July and August. */
function months(edit: (july: ReturnType<typeof baseProgress>, august: ReturnType<typeof baseProgress>) => void) {
  const june = baseProgress();
  Object.assign(june.problems[1]!, { extension: EXTENSION });
  const july = baseProgress('2024-07', '2024-07-31');
  const august = baseProgress('2024-08', '2024-08-31');
  for (const later of [july, august]) Object.assign(later.problems[1]!, { extension: EXTENSION });
  edit(july, august);
  return { '2024-06': june, '2024-07': july, '2024-08': august };
}

describe('extension-dropped', () => {
  it('passes an extension carried in every later file', () => {
    expect(runRule(extensionDropped, { progress: months(() => {}) })).toEqual([]);
  });

  it('warns at the later entry that leaves it out, while the problem is not completed', () => {
    const found = runRule(extensionDropped, {
      progress: months((july) => {
        delete july.problems[1]!.extension;
      }),
    });
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toBe(
      '第 2 号问题在 2024-06 已批准将整改时限调整为“9月底前完成”（2024-06-15 批准），本期未写 extension，将按方案原时限计算是否逾期；如调整仍有效，请照抄上期的 extension',
    );
    expect(found[0]!.file).toContain('2024-07.json');
  });

  it('remembers an extension over a file that does not list the problem', () => {
    const found = runRule(extensionDropped, {
      progress: months((july, august) => {
        july.problems.splice(1, 1);
        delete august.problems[1]!.extension;
      }),
    });
    expect(found.map((d) => d.file.endsWith('2024-08.json'))).toEqual([true]);
  });

  it('says nothing once the problem is completed, or when a new extension replaces the old', () => {
    const found = runRule(extensionDropped, {
      progress: months((july, august) => {
        july.problems[1]!.extension = { deadline: '11月底前完成', reason: '设备到货延迟。', approvedOn: '2024-07-20' };
        august.problems[1] = { number: 2, status: '已完成', completedOn: '2024-08-20', progress: '管网全部完工。' };
      }),
    });
    expect(found).toEqual([]);
  });
});
