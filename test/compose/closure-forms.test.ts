import { beforeAll, describe, expect, it } from 'vitest';
import { composeClosureForms } from '../../src/compose/closure-forms.js';
import { derivePeriod, type PeriodView } from '../../src/derive/period.js';
import { loadPlanFolder, type PlanFolder } from '../../src/load/plan-folder.js';

let folder: PlanFolder;
const history = () => folder.progress.map((p) => p.data);
function view(index: number): PeriodView {
  const result = derivePeriod(folder.plan, history()[index]!, history()[index - 1]);
  if (!result.ok) throw new Error(result.message);
  return result.view;
}

beforeAll(async () => {
  folder = (await loadPlanFolder('data/guanyang-2022')).folder!;
});

describe('composeClosureForms on the sample data', () => {
  it('2023-10: a blank form for each completed problem not yet closed, a filled one for each closed this month', () => {
    // Hand count from progress/2023-10.json: completed and open = 2, 14, 15, 16 (已完成) and
    // 1, 4, 5, 6, 9, 18 (已完成并长期坚持); closed in October = 3, 17, 21.
    const forms = composeClosureForms(folder.plan, view(1), history());
    expect(forms.filter((f) => f.kind === 'blank').map((f) => f.number)).toEqual([1, 2, 4, 5, 6, 9, 14, 15, 16, 18]);
    expect(forms.filter((f) => f.kind === 'filled').map((f) => f.number)).toEqual([3, 17, 21]);
  });
  it('2023-11: problems closed in earlier months get no form again', () => {
    const forms = composeClosureForms(folder.plan, view(2), history());
    expect(forms.filter((f) => f.kind === 'filled').map((f) => f.number)).toEqual([2, 14, 15]);
    expect(forms.filter((f) => f.kind === 'blank').map((f) => f.number)).toEqual([1, 4, 5, 6, 7, 9, 16, 18]);
  });
  it('a filled form carries the closure and the evidence of every month so far', () => {
    const form = composeClosureForms(folder.plan, view(2), history()).find((f) => f.number === 2)!;
    expect(form.closure).toMatchObject({ date: '2023-11-10' });
    expect(form.evidence.map((e) => e.period)).toEqual(['2023-10', '2023-11']);
    expect(form.source).toBe('交叉检查发现问题');
    expect(form.measures).toBe(folder.plan.problems[1]!.measures[0]);
  });
  it('a first period with no previous file counts closures dated in the period', () => {
    const first = derivePeriod(folder.plan, history()[1]!);
    if (!first.ok) throw new Error(first.message);
    expect(composeClosureForms(folder.plan, first.view, history()).filter((f) => f.kind === 'filled').map((f) => f.number)).toEqual([3, 17, 21]);
  });
  it('the progress text and the acceptance opinion end as sentences, whatever the data typed', () => {
    const history2 = history().map((p) =>
      p.period !== '2023-11'
        ? p
        : { ...p, problems: p.problems.map((e) => (e.number === 2 ? { ...e, progress: '2户旧房已拆除', closure: { ...e.closure!, opinion: '同意销号' } } : e)) },
    );
    const changed = derivePeriod(folder.plan, history2[2]!, history2[1]);
    if (!changed.ok) throw new Error(changed.message);
    const form = composeClosureForms(folder.plan, changed.view, history2).find((f) => f.number === 2)!;
    expect(form.done).toBe('2户旧房已拆除。');
    expect(form.closure?.opinion).toBe('同意销号。');
  });
});
