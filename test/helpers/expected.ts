// What a reader should find in the task table for a plan, computed from the
// data itself (not from the renderer's model).

import type { Plan, TableField } from '../../src/model/plan-schema.js';
import { measuresText } from '../../src/model/measures.js';

export const DEFAULT_FIELDS: TableField[] = ['category', 'number', 'summary', 'measures', 'deadline', 'leadUnits', 'cooperatingUnits'];

export function fieldsOf(plan: Plan): TableField[] {
  return plan.tableColumns?.map((c) => c.field) ?? DEFAULT_FIELDS;
}

/** Per problem, the text each column shows. */
export function expectedTexts(plan: Plan): string[][] {
  return plan.problems.map((p) =>
    fieldsOf(plan).map((field) => {
      switch (field) {
        case 'category':
          return plan.categories.find((c) => c.id === p.category)!.label;
        case 'number':
          return String(p.number);
        case 'measures':
          return measuresText(p.measures);
        case 'leadUnits':
          return p.leadUnits.join('、');
        case 'cooperatingUnits':
          return p.cooperatingUnits.join('、');
        default:
          return p[field] ?? '';
      }
    }),
  );
}

/** Text with all whitespace removed: CJK text wraps anywhere in a PDF. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}
