import { shownNumberOf } from '../../model/numbering.js';
import { readExtensionDeadline } from '../../derive/problem-deadline.js';
import { chineseDate } from '../../model/dates.js';
import type { Finding, Rule } from '../rule.js';

/**
 * An extension (调整整改时限) moves a deadline later: one that falls before the
 * plan's own due date is most likely a slip — a phrase read in the wrong year,
 * or a span counted from the approval (短期（1个月内）approved in December
 * replacing 2024年第一季度) — and it makes the problem overdue earlier than
 * the plan says, with nothing on paper to show why. Warned at the extension's
 * deadline, naming both dates.
 */
export const extensionEarlier: Rule = {
  id: 'extension-earlier',
  severity: 'warning',
  description: '调整后的整改时限早于方案原定时限 / an approved extension moves the deadline earlier than the plan’s',
  check(ctx) {
    const findings: Finding[] = [];
    const planIndex = new Map(ctx.folder.plan.problems.map((p, i) => [p.number, i]));
    for (const { file, index, entry } of ctx.progressEntries()) {
      if (!entry.extension) continue;
      const i = planIndex.get(entry.number);
      const planned = i === undefined ? undefined : ctx.deadlines[i];
      if (!planned?.ok || planned.deadline.due === null) continue;
      const extended = readExtensionDeadline(entry.extension);
      if (!extended.ok || extended.deadline.due === null || extended.deadline.due >= planned.deadline.due) continue;
      findings.push({
        source: file.source,
        path: ['problems', index, 'extension', 'deadline'],
        message: `第 ${shownNumberOf(ctx.folder.plan, entry.number)} 号问题调整后的时限“${entry.extension.deadline}”（${chineseDate(extended.deadline.due)}）早于方案原定的“${ctx.folder.plan.problems[i!]!.deadline}”（${chineseDate(planned.deadline.due)}）：调整应当推后时限，请核对`,
      });
    }
    return findings;
  },
};
