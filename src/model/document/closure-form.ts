// One closure form (销号审批表) as a document model, blank (to be signed) or filled
// (closed in the period): docs/domain.md#closure. compose/closure-forms.ts builds
// it; render/docx/closure-forms.ts draws it.

import type { IsoDate } from '../dates.js';
import { type EvidenceItem } from '../evidence-item.js';
import type { Closure } from '../progress-schema.js';

export interface ClosureForm {
  kind: 'blank' | 'filled';
  /** The problem's internal key (model/numbering.ts). */
  number: number;
  /** The number the form prints as 问题编号 (model/numbering.ts shownNumber): 3, or 二-3 for a plan numbered per category. */
  shownNumber: string;
  /** 问题来源: the category's heading as the plan body prints it; undefined in a plan without categories. */
  source: string | undefined;
  summary: string;
  measures: string;
  /** 整改落实情况: what the unit reported as done, and its result. */
  done: string;
  completedOn: IsoDate | undefined;
  leadUnits: string;
  evidence: EvidenceItem[];
  closure: Closure | undefined;
}

// --- the forms as printed -------------------------------------------------------

/** A line of a cell; `right` lines (signatures, dates) stand at the cell's right, as on a paper form. */
export type ClosureFormLine = string | { readonly text: string; readonly right: true };

/** A row of the form: a label and its value across the other three columns, or two label/value pairs. */
export type ClosureFormRow =
  | {
      readonly kind: 'wide';
      readonly label: string;
      readonly lines: readonly ClosureFormLine[];
      /** A box to be written and signed in by hand (an opinion and its signature): it takes the room the page leaves. */
      readonly box?: true;
    }
  | { readonly kind: 'pair'; readonly left: readonly [string, string]; readonly right: readonly [string, string] };

/** One form as printed: its title and rows, every label and fixed line already worded (compose/closure-forms.ts). */
export interface PrintedClosureForm {
  readonly title: string;
  readonly rows: readonly ClosureFormRow[];
}

/** A Word file of closure forms of one kind: its title (file properties, file name) and its forms, one a page. */
export interface ClosureFormsDocument {
  readonly title: string;
  /** The file's fixed timestamp. */
  readonly date: IsoDate;
  readonly forms: readonly PrintedClosureForm[];
}
