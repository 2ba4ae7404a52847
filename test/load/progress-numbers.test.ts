// A plan numbered per category: its progress files name problems by the shown
// number (“二-1”), resolved at load (load/progress-numbers.ts); a number that
// names no problem, or is written the other scheme's way, is an error at its
// JSON path (docs/domain.md#problem-numbers).
import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/check/run.js';
import { formatDiagnostic } from '../../src/diagnostics/format.js';
import type { PlanInput } from '../../src/model/plan-schema.js';
import { baseProgress, fixtureFolder, withPlan } from '../helpers/fixture-folder.js';

/** 水环境 1, 2 and 大气 1, shown 一-1, 一-2, 二-1. */
function perCategory(shownAs?: string): PlanInput {
  return withPlan((p) => {
    p.numbering = { scope: 'category', ...(shownAs ? { shownAs } : {}) };
    p.problems[2]!.number = 1;
  });
}

function progressWith(numbers: unknown[]) {
  const progress = baseProgress();
  progress.problems.forEach((entry, i) => ((entry as { number: unknown }).number = numbers[i]));
  return { '2024-06': progress };
}

describe('progress files of a plan numbered per category', () => {
  it('name problems by shown number; they load as the problems’ keys and the checks find nothing', () => {
    const { folder, diagnostics } = fixtureFolder({ plan: perCategory(), progress: progressWith(['一-1', '一-2', '二-1']) });
    expect(diagnostics).toEqual([]);
    expect(folder!.progress[0]!.data.problems.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(runRules(folder!).filter((d) => d.ruleId !== 'subject-missing')).toEqual([]); // the base plan leaves plan.subject out
  });

  it('a shown number the plan does not have is an error at its JSON path, with the file’s line and column', () => {
    const { folder, diagnostics } = fixtureFolder({ plan: perCategory(), progress: progressWith(['一-1', '一-2', '二-9']) });
    expect(diagnostics).toHaveLength(1);
    const [d] = diagnostics;
    expect(d).toMatchObject({ file: 'progress/2024-06.json', path: ['problems', 2, 'number'], severity: 'error', ruleId: 'problem-number' });
    expect(d!.message).toBe('方案中没有编号为“二-9”的问题（本方案各类别分别编号，应写作如 “一-1”、“一-2”）');
    expect(formatDiagnostic(d!)).toMatch(/^progress\/2024-06\.json:\d+:\d+ {2}error {2}方案中没有编号为“二-9”的问题.*\(problems\[2\]\.number\)/);
    // The file is not read on: no document is made from a period whose numbers do not resolve.
    expect(folder!.progress).toEqual([]);
  });

  it('an integer in a category-numbered plan’s progress file is an error that says how to write the number', () => {
    const { diagnostics } = fixtureFolder({ plan: perCategory(), progress: progressWith(['一-1', 2, '二-1']) });
    expect(diagnostics.map((d) => [d.path, d.message])).toEqual([[['problems', 1, 'number'], '本方案各类别分别编号（numbering.scope 为 category），number 应按编号写法写成文本，如 “一-1”、“一-2”；读到 2']]);
  });

  it('a file whose every number is an integer (written before the plan switched schemes) is one error, not one a problem', () => {
    const { diagnostics, folder } = fixtureFolder({ plan: perCategory(), progress: progressWith([1, 2, 3]) });
    expect(diagnostics.map((d) => [d.file, d.path, d.ruleId])).toEqual([['progress/2024-06.json', ['problems', 0, 'number'], 'problem-number']]);
    expect(diagnostics[0]!.message).toBe(
      '本方案各类别分别编号（numbering.scope 为 category），number 应按编号写法写成文本，如 “一-1”、“一-2”；本文件 3 个问题的 number 都写成了整数（第一个读到 1）：这个文件可能写于方案改为各类别分别编号之前，请按方案现在的编号逐一改写',
    );
    expect(folder!.progress).toEqual([]);
  });

  it('a file whose every number is written another way than the plan’s shownAs (the pattern changed) is one error naming the pattern', () => {
    const { diagnostics } = fixtureFolder({ plan: perCategory('（{category}）{number}'), progress: progressWith(['一-1', '一-2', '二-1']) });
    expect(diagnostics.map((d) => [d.path, d.message])).toEqual([
      [
        ['problems', 0, 'number'],
        '本文件 3 个问题的编号都不是方案现在的写法（编号写法 numbering.shownAs 为“（{category}）{number}”，应写作如 “（一）1”、“（一）2”；第一个读到“一-1”）：若改过方案的编号写法，请按现在的写法改写本文件的 number，或把 shownAs 改回',
      ],
    ]);
    // One number written the plan’s way: each other one is its own error, as before.
    const mixed = fixtureFolder({ plan: perCategory('（{category}）{number}'), progress: progressWith(['（一）1', '一-2', '二-1']) });
    expect(mixed.diagnostics.map((d) => d.path)).toEqual([
      ['problems', 1, 'number'],
      ['problems', 2, 'number'],
    ]);
  });

  it('a plan numbered per category without categories: the plan’s one error, no error a progress entry', () => {
    const plan = withPlan((p) => {
      p.numbering = { scope: 'category' };
      delete (p as { categories?: unknown }).categories;
      for (const q of p.problems) delete (q as { category?: unknown }).category;
    });
    const { folder, diagnostics } = fixtureFolder({ plan, progress: progressWith([1, 2, 3]) });
    expect(diagnostics).toEqual([]);
    const errors = runRules(folder!).filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.file, d.ruleId, d.path])).toEqual([['plan.json', 'problem-numbers', ['numbering', 'scope']]]);
  });

  it('reads a shown number typed with full-width forms or spaces as the same number (二－1, （一）２ look the same on screen)', () => {
    const { folder, diagnostics } = fixtureFolder({ plan: perCategory(), progress: progressWith(['一－1', ' 一 - ２ ', '二-1']) });
    expect(diagnostics).toEqual([]);
    expect(folder!.progress[0]!.data.problems.map((p) => p.number)).toEqual([1, 2, 3]);
  });

  it('follows the office’s pattern: （二）1', () => {
    const { folder, diagnostics } = fixtureFolder({ plan: perCategory('（{category}）{number}'), progress: progressWith(['（一）1', '（一）2', '（二）1']) });
    expect(diagnostics).toEqual([]);
    expect(folder!.progress[0]!.data.problems.map((p) => p.number)).toEqual([1, 2, 3]);
  });

  it('check messages about an entry name the problem by its shown number', () => {
    const progress = progressWith(['一-1', '一-2', '二-1']);
    delete (progress['2024-06'].problems[0] as { completedOn?: string }).completedOn;
    const { folder } = fixtureFolder({ plan: perCategory(), progress });
    const messages = runRules(folder!).map((d) => d.message);
    expect(messages).toContain('第 一-1 号问题状态为“已完成”，缺少完成日期 completedOn');
  });
});

describe('progress files of a plan numbered plan-wide (no numbering: no migration)', () => {
  it('keep their integers', () => {
    const { folder, diagnostics } = fixtureFolder({ progress: progressWith([1, 2, 3]) });
    expect(diagnostics).toEqual([]);
    expect(folder!.progress[0]!.data.problems.map((p) => p.number)).toEqual([1, 2, 3]);
  });

  it('refuse a shown number as text, at its JSON path', () => {
    const { diagnostics } = fixtureFolder({ progress: progressWith([1, '2', 3]) });
    expect(diagnostics.map((d) => [d.path, d.message])).toEqual([[['problems', 1, 'number'], '应为数字，实际为文本（带双引号）']]);
  });

  it('an entry written under another category than the plan now gives its number is an error, not progress put on another problem', () => {
    // Written when the plan had 水环境 1, 2 and 大气 1 (一-1, 一-2, 二-1), each entry with the category it was written under (as import writes it).
    const progress = progressWith(['一-1', '一-2', '二-1']);
    const categories = ['water', 'water', 'air'];
    progress['2024-06'].problems.forEach((entry, i) => ((entry as { category?: string }).category = categories[i]));
    expect(fixtureFolder({ plan: perCategory(), progress }).diagnostics).toEqual([]);
    // Then the plan is amended: a category that had no problems, placed first, gets one — every ordinal moves on by one.
    const amended = withPlan((p) => {
      p.numbering = { scope: 'category' };
      p.problems[2]!.number = 1;
      p.categories.unshift({ id: 'soil', heading: '土壤问题', label: '土壤' });
      p.problems.unshift({ ...p.problems[0]!, number: 1, category: 'soil', summary: '新增的土壤问题。' });
    });
    const { folder, diagnostics } = fixtureFolder({ plan: amended, progress });
    // 一-1 and 一-2 now name 土壤 1 and nothing; 二-1 names 水环境 1.
    expect(diagnostics.map((d) => [d.path, d.message])).toEqual([
      [['problems', 0, 'category'], '编号“一-1”写的是类别“水环境”的问题，但方案现在把这个编号给了类别“土壤”的问题（方案修改后各类别的序号变了）：它现在的编号是“二-1”，请按方案现在的编号改写本文件的 number，以免把进展记到别的问题上'],
      [['problems', 1, 'number'], '方案中没有编号为“一-2”的问题（本方案各类别分别编号，应写作如 “一-1”、“二-1”）'],
      [['problems', 2, 'category'], '编号“二-1”写的是类别“大气”的问题，但方案现在把这个编号给了类别“水环境”的问题（方案修改后各类别的序号变了）：它现在的编号是“三-1”，请按方案现在的编号改写本文件的 number，以免把进展记到别的问题上'],
    ]);
    expect(folder!.progress).toEqual([]);
  });
});
