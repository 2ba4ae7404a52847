import { shownNumberOf } from '../../model/numbering.js';
import { describeEvidenceNameDifferences, matchEvidence } from '../../model/evidence-name.js';
import { evidenceReferences } from '../evidence-references.js';
import type { Finding, Rule } from '../rule.js';

/**
 * A reference that names a file of evidence/ only after invisible differences
 * are taken out (docs/domain.md#evidence): the file is used, and the clerk is
 * told how the names differ so the progress file can be corrected.
 */
export const evidenceNameDiffers: Rule = {
  id: 'evidence-name-differs',
  severity: 'warning',
  description: '佐证材料路径与 evidence/ 中的文件名写法不同（Unicode 规范化形式、“./”、首尾空格、全角斜杠），但只对应一个文件，已按该文件使用 / evidence path differs from the file name only invisibly; the one matching file is used',
  check(ctx) {
    const findings: Finding[] = [];
    for (const { file, index, entry } of ctx.progressEntries()) {
      for (const { name, path } of evidenceReferences(index, entry)) {
        const match = matchEvidence(name, ctx.folder.evidenceFiles);
        if (match.kind !== 'similar') continue;
        findings.push({
          source: file.source,
          path,
          message: `第 ${shownNumberOf(ctx.folder.plan, entry.number)} 号问题的佐证材料“${name}”与 evidence/ 中的文件“${match.path}”写法不同：${describeEvidenceNameDifferences(name, match.path)}；已按该文件使用，请把进展文件中的路径改为与文件名一致`,
        });
      }
    }
    return findings;
  },
};
