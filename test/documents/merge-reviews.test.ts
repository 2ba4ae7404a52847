import { describe, expect, it } from 'vitest';
import { mergeProgress } from '../../src/documents/import/merge.js';
import { planSchema } from '../../src/model/plan-schema.js';
import { basePlan } from '../helpers/fixture-folder.js';

describe('import keeps the office’s 回头看 records', () => {
  it('carries an entry’s reviews over to the imported entry that replaces it, and the recorded supervision numbers', () => {
    const reviews = [{ date: '2024-06-20', checkedBy: '乡纪委', finding: '巩固' }];
    const existing = {
      period: '2024-06',
      asOf: '2024-06-30',
      supervision: { date: '2024-06-30', numbers: [{ unit: '农办', number: 4 }] },
      problems: [{ number: 3, status: '已完成并长期坚持', completedOn: '2024-03-20', reviews }],
    };
    const imported = { number: 3, status: '已完成并长期坚持', completedOn: '2024-03-20', progress: '常态化巡查。', evidence: [] };
    const entry = { number: 3, unit: '各村', entry: imported } as unknown as Parameters<typeof mergeProgress>[0]['entries'][number];
    const merged = mergeProgress({ plan: planSchema.parse(basePlan()), period: '2024-06', asOf: '2024-06-30', existing, entries: [entry] });
    const json = JSON.parse(merged.text) as typeof existing & { problems: Array<Record<string, unknown>> };
    expect(json.problems[0]).toEqual({ ...imported, reviews });
    expect(json.supervision).toEqual(existing.supervision);
    expect(merged.indexOf.get(entry)).toBe(0);
  });
});
