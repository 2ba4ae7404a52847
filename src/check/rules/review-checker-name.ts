import { shownNumberOf } from '../../model/numbering.js';
import type { Finding, Rule } from '../rule.js';
import { findPrivateMentions, looksLikePersonalName } from './privacy.js';

/**
 * Who carried out a 回头看 is recorded as a post or an office (镇纪委, 党政办),
 * never a person's name (docs/domain.md#回头看, docs/domain.md#privacy): the
 * record goes to the county in the ledger and the packet. Uses the privacy
 * rule's patterns — a bare full name, or a villager, ID-card or mobile
 * number — whether or not the plan is public.
 */
export const reviewCheckerName: Rule = {
  id: 'review-checker-name',
  severity: 'warning',
  description: '回头看的检查单位（岗位）写成了个人姓名或联系方式 / a 回头看 names a person instead of a post',
  check(ctx) {
    const findings: Finding[] = [];
    for (const { file, index, entry } of ctx.progressEntries()) {
      for (const [r, review] of (entry.reviews ?? []).entries()) {
        const mentions = looksLikePersonalName(review.checkedBy) ? [review.checkedBy] : findPrivateMentions(review.checkedBy).map((m) => m.text);
        for (const text of mentions) {
          findings.push({
            source: file.source,
            path: ['problems', index, 'reviews', r, 'checkedBy'],
            message: `第 ${shownNumberOf(ctx.folder.plan, entry.number)} 号问题回头看的检查单位“${review.checkedBy}”中“${text}”像是个人姓名或联系方式：请写单位或岗位，如“镇纪委”“党政办”`,
          });
        }
      }
    }
    return findings;
  },
};
