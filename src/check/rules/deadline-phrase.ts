import { readExtensionDeadline } from '../../derive/problem-deadline.js';
import type { Finding, Rule } from '../rule.js';

export const deadlinePhrase: Rule = {
  id: 'deadline-phrase',
  severity: 'error',
  description: '整改时限或调整后时限无法理解为日期或“立行立改”“长期坚持”（问题写了 dueDate 时不读原文） / deadline or extended deadline not readable as a date, 立行立改 or 长期坚持 (a problem with dueDate is not read)',
  check({ folder, deadlines }) {
    const findings: Finding[] = [];
    for (const [index, result] of deadlines.entries()) {
      if (!result.ok) findings.push({ source: folder.planSource, path: ['problems', index, result.field], message: result.message });
    }
    for (const file of folder.progress) {
      for (const [index, entry] of file.data.problems.entries()) {
        if (!entry.extension) continue;
        const parsed = readExtensionDeadline(entry.extension);
        if (!parsed.ok) findings.push({ source: file.source, path: ['problems', index, 'extension', 'deadline'], message: parsed.message });
      }
    }
    return findings;
  },
};
