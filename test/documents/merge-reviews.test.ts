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

// wt-periods (issue 16): a form or an accepted answer that replaces an entry
// does not delete the evidence that entry listed (files already in evidence/);
// its own files follow them, each once. Expected lists written by hand.
describe('import keeps the evidence a replaced entry listed', () => {
  const plan = () => planSchema.parse(basePlan());
  const merge = (existingEntry: Record<string, unknown>, imported: Record<string, unknown>) => {
    const existing = { period: '2024-06', asOf: '2024-06-30', problems: [existingEntry] };
    const entry = { number: 3, unit: '各村', entry: imported } as unknown as Parameters<typeof mergeProgress>[0]['entries'][number];
    const merged = mergeProgress({ plan: plan(), period: '2024-06', asOf: '2024-06-30', existing, entries: [entry] });
    return { json: JSON.parse(merged.text) as { problems: Record<string, unknown>[] }, index: merged.indexOf.get(entry) };
  };

  it('keeps the listed evidence when the new entry lists none (a form without pictures, an answer without uploads)', () => {
    const { json, index } = merge(
      { number: 3, status: '已完成', completedOn: '2024-05-30', progress: '已公示。', evidence: ['03/公示台账.pdf'], note: '整改办备注' },
      { number: 3, status: '已完成', completedOn: '2024-05-30', progress: '公示期满无异议。', evidence: [] },
    );
    // The note is a field of the form: the unit's answer decides it (here: none).
    expect(json.problems).toEqual([{ number: 3, status: '已完成', completedOn: '2024-05-30', progress: '公示期满无异议。', evidence: ['03/公示台账.pdf'] }]);
    expect(index).toBe(0);
  });

  it('puts the new entry’s own files after the kept ones, a path listed by both once', () => {
    const { json } = merge(
      { number: 3, status: '推进中', onSchedule: true, progress: '公示中。', evidence: ['03/公示台账.pdf', '03/公示照片.png'] },
      { number: 3, status: '推进中', onSchedule: true, progress: '公示第二周。', evidence: ['03/公示照片.png', '03/各村-2024-06-1.png'] },
    );
    expect(json.problems[0]!.evidence).toEqual(['03/公示台账.pdf', '03/公示照片.png', '03/各村-2024-06-1.png']);
  });

  it('leaves a new entry as it is when the replaced entry listed no evidence', () => {
    const { json } = merge(
      { number: 3, status: '未启动' },
      { number: 3, status: '推进中', onSchedule: false, progress: '已启动。', reason: '人手不足。', evidence: ['03/照片.png'] },
    );
    expect(json.problems[0]).toEqual({ number: 3, status: '推进中', onSchedule: false, progress: '已启动。', reason: '人手不足。', evidence: ['03/照片.png'] });
  });
});
