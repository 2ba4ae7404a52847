import { describe, expect, it } from 'vitest';
import { missingEvidence } from '../../../src/check/rules/missing-evidence.js';
import { runRule, withProgress } from '../../helpers/fixture-folder.js';

describe('missing-evidence', () => {
  it('passes files that exist', () => {
    expect(runRule(missingEvidence, { progress: withProgress(() => {}) })).toEqual([]);
  });
  it('reports a missing file and a path leaving evidence/', () => {
    const progress = withProgress((p) => {
      p.problems[1]!.evidence = ['2/照片.png', '../plan.json'];
    });
    const found = runRule(missingEvidence, { progress });
    expect(found.map((d) => d.message)).toEqual([
      '第 2 号问题的佐证材料不存在：evidence/2/照片.png',
      '第 2 号问题的佐证材料路径“../plan.json”不能指向 evidence/ 之外',
    ]);
  });
  it('checks a 回头看 record’s evidence too, at its own path', () => {
    const progress = withProgress((p) => {
      Object.assign(p.problems[2]!, { reviews: [{ date: '2024-06-20', checkedBy: '乡纪委', finding: '巩固', evidence: ['1/清河记录.txt', '3/巡查照片.png'] }] });
    });
    const found = runRule(missingEvidence, { progress });
    expect(found.map((d) => [d.path, d.message])).toEqual([[['problems', 2, 'reviews', 0, 'evidence', 1], '第 3 号问题的佐证材料不存在：evidence/3/巡查照片.png']]);
  });
  it('reports a reference that matches several files which look alike, saying how each differs', () => {
    const progress = withProgress((p) => {
      p.problems[0]!.evidence = ['./1/Lǚ村.txt'];
    });
    const found = runRule(missingEvidence, { progress, evidence: ['1/L\u01DA村.txt', '1/Lu\u0308\u030C村.txt'] });
    expect(found).toHaveLength(1);
    expect(found[0]!.path).toEqual(['problems', 0, 'evidence', 0]);
    expect(found[0]!.message).toContain('2 个写法相近的文件');
    expect(found[0]!.message).toContain('多了表示当前文件夹的“./”）');
    expect(found[0]!.message).toContain('Unicode 规范化形式不同');
  });
  it('a ".." spelt with spaces or a full-width slash still leaves evidence/', () => {
    const progress = withProgress((p) => {
      p.problems[1]!.evidence = [' .. /plan.json', '..／plan.json'];
    });
    expect(runRule(missingEvidence, { progress }).map((d) => d.message)).toEqual([
      '第 2 号问题的佐证材料路径“.. /plan.json”不能指向 evidence/ 之外',
      '第 2 号问题的佐证材料路径“..／plan.json”不能指向 evidence/ 之外',
    ]);
  });
  it('offers a file the clerk may have meant: other letter case, another folder, or the name without its extension', () => {
    const progress = withProgress((p) => {
      p.problems[0]!.evidence = ['1/清河记录.TXT', '2/清河记录.txt', '清河记录', '3/清河记录.PDF'];
    });
    const found = runRule(missingEvidence, { progress, evidence: ['1/清河记录.txt'] });
    const note = '（evidence/ 中有名称相近的文件：“1/清河记录.txt”，请核对大小写、扩展名和文件夹）';
    expect(found.map((d) => d.message)).toEqual([
      `第 1 号问题的佐证材料不存在：evidence/1/清河记录.TXT${note}`,
      `第 1 号问题的佐证材料不存在：evidence/2/清河记录.txt${note}`,
      // Windows Explorer hides the extension: the unit typed the name it saw.
      `第 1 号问题的佐证材料不存在：evidence/清河记录${note}`,
      '第 1 号问题的佐证材料不存在：evidence/3/清河记录.PDF',
    ]);
  });
});
