import { describe, expect, it } from 'vitest';
import { subjectMissing } from '../../../src/check/rules/subject-missing.js';
import { runRule, withPlan } from '../../helpers/fixture-folder.js';

describe('subject-missing', () => {
  it('passes a plan that states its subject', () => {
    const plan = withPlan((p) => {
      p.plan.subject = '环保督察反馈问题整改';
    });
    expect(runRule(subjectMissing, { plan })).toEqual([]);
  });

  it('warns at plan when the subject is missing, showing the titles the task table’s title gives', () => {
    // The fixture's table is titled …整改任务清单: the old derivation keeps 清单 in every title.
    const found = runRule(subjectMissing);
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('warning');
    expect(found[0]!.path).toEqual(['plan']);
    expect(found[0]!.message).toContain('“环保督察反馈问题整改任务清单”');
    expect(found[0]!.message).toContain('关于环保督察反馈问题整改任务清单进展情况的报告');
  });

  it('shows the cut title for a table named …任务分解和责任分工表', () => {
    const plan = withPlan((p) => {
      p.plan.attachmentTitle = '环保督察反馈问题整改任务分解和责任分工表';
    });
    expect(runRule(subjectMissing, { plan })[0]!.message).toContain('“环保督察反馈问题整改”');
  });
});
