// The packet's evidence folders sort in the plan's order in any file list
// that compares names character by character (a zip's listing, the
// manifest, a file manager without numeric sorting): 二-10 came before 二-2
// in a plan numbered per category, and 100 before 99 in a plan of more than
// 99 problems (a number padded to two digits).
import { describe, expect, it } from 'vitest';
import { layoutPacket } from '../../src/compose/packet.js';
import type { EvidenceItem } from '../../src/model/evidence-item.js';
import type { Plan } from '../../src/model/plan-schema.js';
import { categoryNumberedPlan, syntheticPlan } from '../helpers/synthetic-plan.js';

/** Every problem with one evidence file. */
function folders(plan: Plan): string[] {
  const evidence = new Map<number, EvidenceItem[]>(plan.problems.map((p) => [p.number, [{ path: `${p.number}/照片.jpg`, period: '2023-10' }]]));
  const layout = layoutPacket([], plan.problems, evidence);
  return layout.evidence.map((copy) => copy.to.split('/')[1]!);
}

const byCodeUnits = (names: readonly string[]) => [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

describe('evidence folders sort in plan order', () => {
  it('a plan of 120 problems: numbers padded to three digits (001 … 099, 100 … 120)', () => {
    const names = folders(syntheticPlan(120));
    expect(names[0]!.startsWith('001-')).toBe(true);
    expect(names[98]!.startsWith('099-')).toBe(true);
    expect(names[119]!.startsWith('120-')).toBe(true);
    expect(byCodeUnits(names)).toEqual(names);
  });

  it('a plan of 12 problems keeps two digits (01 … 12)', () => {
    const names = folders(syntheticPlan(12));
    expect(names.map((n) => n.slice(0, 3))).toEqual(['01-', '02-', '03-', '04-', '05-', '06-', '07-', '08-', '09-', '10-', '11-', '12-']);
  });

  it('a plan numbered per category: the plan-wide order first, then the shown number (二-2 before 二-10)', () => {
    const plan = categoryNumberedPlan(40);
    const names = folders(plan);
    expect(byCodeUnits(names)).toEqual(names);
    // Each folder names the problem as the county knows it, after its place in the plan.
    plan.problems.forEach((_, i) => expect(names[i]!.startsWith(`${String(i + 1).padStart(2, '0')}-`)).toBe(true));
    const secondCategory = names.filter((n) => /^\d\d-二-/.test(n));
    expect(secondCategory.length).toBeGreaterThanOrEqual(10);
    expect(secondCategory.map((n) => n.split('-')[2])).toEqual(secondCategory.map((_, k) => String(k + 1)));
  });
});
