import type { Finding, Rule } from '../rule.js';

export const missingEvidence: Rule = {
  id: 'missing-evidence',
  severity: 'error',
  description: '佐证材料在 evidence/ 文件夹中不存在，或路径指向 evidence/ 之外 / evidence file missing from evidence/, or its path leads outside it',
  check(ctx) {
    const findings: Finding[] = [];
    for (const { file, index, entry } of ctx.progressEntries()) {
      for (const [i, name] of entry.evidence.entries()) {
        const normalised = name.replaceAll('\\', '/');
        const escapes = normalised.split('/').includes('..') || normalised.startsWith('/');
        if (escapes) {
          findings.push({ source: file.source, path: ['problems', index, 'evidence', i], message: `第 ${entry.number} 号问题的佐证材料路径“${name}”不能指向 evidence/ 之外` });
        } else if (!ctx.folder.evidenceFiles.has(normalised)) {
          findings.push({ source: file.source, path: ['problems', index, 'evidence', i], message: `第 ${entry.number} 号问题的佐证材料不存在：evidence/${normalised}` });
        }
      }
    }
    return findings;
  },
};
