import { describe, expect, it } from 'vitest';
import { evidenceNameDiffers } from '../../../src/check/rules/evidence-name-differs.js';
import { missingEvidence } from '../../../src/check/rules/missing-evidence.js';
import { runRule, withProgress } from '../../helpers/fixture-folder.js';

const NFD = '1/Lu\u0308\u030C村记录.txt';
const NFC = '1/L\u01DA村记录.txt';

describe('evidence-name-differs', () => {
  it('says nothing when the names are the same', () => {
    expect(runRule(evidenceNameDiffers, { progress: withProgress(() => {}) })).toEqual([]);
  });
  it('warns, at the reference, when the file is found only after an invisible difference, and says which', () => {
    const progress = withProgress((p) => {
      p.problems[0]!.evidence = [NFC, './1/清河记录.txt', '2／图纸.pdf'];
    });
    const found = runRule(evidenceNameDiffers, { progress, evidence: [NFD, '1/清河记录.txt', '2/图纸.pdf'] });
    expect(found.map((d) => [d.severity, d.path])).toEqual([
      ['warning', ['problems', 0, 'evidence', 0]],
      ['warning', ['problems', 0, 'evidence', 1]],
      ['warning', ['problems', 0, 'evidence', 2]],
    ]);
    expect(found[0]!.message).toContain('Unicode 规范化形式不同');
    expect(found[0]!.message).toContain(`“${NFD}”`);
    expect(found[1]!.message).toContain('“./”');
    expect(found[2]!.message).toContain('全角斜杠');
    // Not an error: missing-evidence accepts the same references.
    expect(runRule(missingEvidence, { progress, evidence: [NFD, '1/清河记录.txt', '2/图纸.pdf'] })).toEqual([]);
  });
  it('names a file whose name on disk ends in a space (the schema trims the reference)', () => {
    const progress = withProgress((p) => {
      p.problems[0]!.evidence = ['1/末尾空格.png '];
    });
    const [found] = runRule(evidenceNameDiffers, { progress, evidence: ['1/末尾空格.png '] });
    expect(found!.message).toContain('空格');
    expect(found!.message).toContain('“1/末尾空格.png ”');
  });
});
