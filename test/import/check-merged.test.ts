// A finding of `zhenggai check` about an imported entry moves to the form cell
// the clerk types the fix into: the column follows the finding's path.
import { describe, expect, it } from 'vitest';
import { checkMerged } from '../../src/documents/import/check-merged.js';
import type { ImportedEntry, ProgressEntryJson } from '../../src/documents/import/validate-form.js';
import { baseProgress, fixtureFolder } from '../helpers/fixture-folder.js';
import { FORM_LAYOUT_V1 } from '../../src/model/document/unit-form-layout.js';

describe('checkMerged', () => {
  it('puts each finding about an imported entry at the column of the field its path names', () => {
    const { folder } = fixtureFolder();
    const progress = baseProgress();
    progress.problems = [
      { number: 1, status: '已完成', completedOn: '2024-07-02', progress: '已清理。', evidence: ['1/不存在.txt'] },
      { number: 2, status: '推进中', onSchedule: false, progress: '管网完成 60%。', extension: { deadline: '尽快', reason: '汛期施工受阻', approvedOn: '2024-07-03' } },
      { number: 3, status: '已完成并长期坚持', completedOn: '2024-03-20', progress: '常态化巡查。' },
    ];
    const file = 'progress/2024-06.json';
    const indexOf = new Map<ImportedEntry, number>(
      progress.problems.map((entry, index) => [{ number: entry.number, unit: '农办', entry: entry as ProgressEntryJson, file: '农办.xlsx', sheet: '进展填报', row: 5 + index, layout: FORM_LAYOUT_V1, pictures: [] }, index]),
    );
    const { atForms } = checkMerged(folder!, { file, text: JSON.stringify(progress, null, 2), indexOf });
    expect(atForms.map((d) => [d.cell, d.ruleId])).toEqual([
      ['J5', 'date-after-as-of'], // problems[0].completedOn
      ['K5', 'missing-evidence'], // problems[0].evidence[0]
      ['M6', 'deadline-phrase'], // problems[1].extension.deadline
      ['O6', 'date-after-as-of'], // problems[1].extension.approvedOn
    ]);
    expect(atForms.every((d) => d.file === '农办.xlsx' && d.sheet === '进展填报' && d.path === undefined)).toBe(true);
  });
});
