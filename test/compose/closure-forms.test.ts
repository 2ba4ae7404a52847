import { beforeAll, describe, expect, it } from 'vitest';
import { composeClosureForms } from '../../src/compose/closure-forms.js';
import { derivePeriod, type PeriodView } from '../../src/derive/period.js';
import { loadPlanFolder, type PlanFolder } from '../../src/load/plan-folder.js';
import type { ClosureForm } from '../../src/model/document/closure-form.js';
import type { Progress } from '../../src/model/progress-schema.js';

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
  it('2023-09, the first file: nothing is closed yet, so no filled form', () => {
    const forms = composeClosureForms(folder.plan, view(0), history().slice(0, 1));
    expect(forms.filter((f) => f.kind === 'filled')).toEqual([]);
  });

  it('each closure of the sample gets exactly one filled form over the three months', () => {
    // Closed by 2023-11 (progress/2023-11.json, status 已销号): 2, 3, 14, 15, 17, 21.
    const filled = [0, 1, 2].flatMap((i) => composeClosureForms(folder.plan, view(i), history().slice(0, i + 1)).filter((f) => f.kind === 'filled').map((f) => f.number));
    expect(filled.sort((a, b) => a - b)).toEqual([2, 3, 14, 15, 17, 21]);
  });
});

describe('composeClosureForms: closures made before the first progress file on record', () => {
  /** The sample's files from `from` on, as if the office had kept none before. */
  const onFile = (from: number) => history().slice(from);
  const firstView = (progress: Progress) => {
    const result = derivePeriod(folder.plan, progress);
    if (!result.ok) throw new Error(result.message);
    return result.view;
  };
  const filledOf = (forms: ClosureForm[]) => forms.filter((f) => f.kind === 'filled').map((f) => f.number);

  it('with 2023-10 first: its three closures, all dated in October (3, 17, 21)', () => {
    expect(filledOf(composeClosureForms(folder.plan, firstView(onFile(1)[0]!), onFile(1)))).toEqual([3, 17, 21]);
  });

  it('with 2023-11 first: every closure it records, those dated in October too', () => {
    // progress/2023-11.json: 2 closed 2023-11-10, 3 on 2023-10-16, 14 on 2023-11-10, 15 on 2023-11-17,
    // 17 on 2023-10-27 (21, closed 2023-10-16, is reopened there by a 反弹: no closure in that file).
    // A rule by closure date gave 2, 14, 15 only.
    expect(filledOf(composeClosureForms(folder.plan, firstView(onFile(2)[0]!), onFile(2)))).toEqual([2, 3, 14, 15, 17]);
  });

  it('problem 2, closed on 2023-11-10, gets its filled form when the first file on record is December’s', () => {
    // The 2023-11 file as the office's first, kept for December: every closure in it is dated before
    // the period's start, and none had a form.
    const december: Progress = { ...onFile(2)[0]!, period: '2023-12', asOf: '2023-12-31' };
    const forms = composeClosureForms(folder.plan, firstView(december), [december]);
    expect(filledOf(forms)).toEqual([2, 3, 14, 15, 17]);
    expect(forms.find((f) => f.number === 2)!.closure).toMatchObject({ date: '2023-11-10', approver: '汪石' });
  });

  it('a closure recorded a month late gets its form in the month that records it', () => {
    // 2023-11 as on file, but problem 3's closure (dated 2023-10-16) left out of 2023-10.
    const [september, october, november] = history() as [Progress, Progress, Progress];
    const late: Progress = { ...october, problems: october.problems.map((e) => (e.number === 3 ? { ...e, status: '已完成', closure: undefined } : e)) };
    const view = derivePeriod(folder.plan, november, late);
    if (!view.ok) throw new Error(view.message);
    expect(filledOf(composeClosureForms(folder.plan, view.view, [september, late, november]))).toEqual([2, 3, 14, 15]);
  });

  it('a problem reopened and closed again gets a form for its new closure, not for the old one', () => {
    const [september, october, november] = history() as [Progress, Progress, Progress];
    // problem 3: closed 2023-10-16 in October, reopened in November, closed again on 2023-12-05
    const reopened: Progress = { ...november, problems: november.problems.map((e) => (e.number === 3 ? { ...e, status: '已完成', closure: undefined } : e)) };
    const closure = { date: '2023-12-05', approver: '汪石', opinion: '复查合格，同意销号。' };
    const december: Progress = { ...november, period: '2023-12', asOf: '2023-12-31', problems: november.problems.map((e) => (e.number === 3 ? { ...e, closure } : e)) };
    const view = derivePeriod(folder.plan, december, reopened);
    if (!view.ok) throw new Error(view.message);
    const history4 = [september, october, reopened, december];
    expect(filledOf(composeClosureForms(folder.plan, view.view, history4))).toEqual([3]);
    // and without the reopening, the same closure in every month gets no second form
    const steady = derivePeriod(folder.plan, { ...november, period: '2023-12', asOf: '2023-12-31' }, november);
    if (!steady.ok) throw new Error(steady.message);
    expect(filledOf(composeClosureForms(folder.plan, steady.view, [september, october, november, { ...november, period: '2023-12', asOf: '2023-12-31' }]))).toEqual([]);
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
