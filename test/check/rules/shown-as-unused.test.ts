import { describe, expect, it } from 'vitest';
import { shownAsUnused } from '../../../src/check/rules/shown-as-unused.js';
import { runRule, withPlan } from '../../helpers/fixture-folder.js';

describe('shown-as-unused', () => {
  it('passes a plan without numbering, one numbered per category with its shownAs, and a plan-wide one without shownAs', () => {
    expect(runRule(shownAsUnused, {})).toEqual([]);
    const perCategory = withPlan((p) => {
      p.numbering = { scope: 'category', shownAs: '（{category}）{number}' };
      p.problems[2]!.number = 1;
    });
    expect(runRule(shownAsUnused, { plan: perCategory })).toEqual([]);
    expect(runRule(shownAsUnused, { plan: withPlan((p) => (p.numbering = { scope: 'plan' })) })).toEqual([]);
  });

  it('warns at numbering.shownAs written in a plan numbered plan-wide', () => {
    {
      const numbering = { scope: 'plan' as const, shownAs: '{category}-{number}' };
      const found = runRule(shownAsUnused, { plan: withPlan((p) => (p.numbering = numbering)) });
      expect(found.map((d) => [d.severity, d.file, d.path, d.message])).toEqual([
        [
          'warning',
          'plan.json',
          ['numbering', 'shownAs'],
          '全方案统一编号（numbering.scope 为 plan）时编号写法 shownAs 不起作用，各文件照印编号 1、2、3…；要印作“{category}-{number}”这样带类别序号的编号，请把 scope 改为 category，并把各类别的问题分别从 1 编起；不需要时请删去 shownAs',
        ],
      ]);
    }
  });

  it('a shownAs without {category} gets no advice to switch schemes', () => {
    const found = runRule(shownAsUnused, { plan: withPlan((p) => (p.numbering = { scope: 'plan', shownAs: '第{number}号' })) });
    expect(found.map((d) => d.message)).toEqual(['全方案统一编号（numbering.scope 为 plan）时编号写法 shownAs 不起作用，各文件照印编号 1、2、3…；不需要时请删去 shownAs']);
  });
});
