// One closure form (销号审批表) as a document model, blank (to be signed) or filled
// (closed in the period): docs/domain.md#closure. compose/closure-forms.ts builds
// it; render/docx/closure-forms.ts draws it.

import type { IsoDate } from '../dates.js';
import { type EvidenceItem } from '../evidence-item.js';
import type { Closure } from '../progress-schema.js';

export interface ClosureForm {
  kind: 'blank' | 'filled';
  number: number;
  /** 问题来源: the category's heading as the plan body prints it. */
  source: string;
  summary: string;
  measures: string;
  /** 整改落实情况: what the unit reported as done, and its result. */
  done: string;
  completedOn: IsoDate | undefined;
  leadUnits: string;
  evidence: EvidenceItem[];
  closure: Closure | undefined;
}
