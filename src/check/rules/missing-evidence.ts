import { shownNumberOf } from '../../model/numbering.js';
import { describeEvidenceNameDifferences, matchEvidence, nearNamesNote } from '../../model/evidence-name.js';
import { evidenceReferences } from '../evidence-references.js';
import type { Finding, Rule } from '../rule.js';

export const missingEvidence: Rule = {
  id: 'missing-evidence',
  severity: 'error',
  description: '佐证材料在 evidence/ 文件夹中不存在、对应多个写法相近的文件，或路径指向 evidence/ 之外 / evidence file missing from evidence/, matching several files that look alike, or leading outside it',
  check(ctx) {
    const findings: Finding[] = [];
    for (const { file, index, entry } of ctx.progressEntries()) {
      for (const { name, path } of evidenceReferences(index, entry)) {
        const match = matchEvidence(name, ctx.folder.evidenceFiles);
        if (match.kind === 'outside') {
          findings.push({ source: file.source, path, message: `第 ${shownNumberOf(ctx.folder.plan, entry.number)} 号问题的佐证材料路径“${name}”不能指向 evidence/ 之外` });
        } else if (match.kind === 'missing') {
          findings.push({ source: file.source, path, message: `第 ${shownNumberOf(ctx.folder.plan, entry.number)} 号问题的佐证材料不存在：evidence/${match.path}${nearNamesNote(match.near)}` });
        } else if (match.kind === 'ambiguous') {
          const which = match.candidates.map((c) => `“${c}”（${describeEvidenceNameDifferences(name, c)}）`).join('、');
          findings.push({
            source: file.source,
            path,
            message: `第 ${shownNumberOf(ctx.folder.plan, entry.number)} 号问题的佐证材料“${name}”在 evidence/ 中有 ${match.candidates.length} 个写法相近的文件，无法确定是哪一个：${which}；请删去或改名多余的文件，或把路径写得与其中一个完全一致`,
          });
        }
      }
    }
    return findings;
  },
};
