// The unit progress form as a contract between its writer (render/xlsx/forms.ts)
// and its reader (documents/import/validate-form.ts): sheet names, where the table starts,
// which column holds which answer, and the keys of the hidden sheet. Constants
// only, so both sides can depend on it without depending on each other. A
// change here changes the format: bump FORM_FORMAT so old forms are refused
// with a clear message instead of being read in the wrong columns.

import { STATUSES } from '../progress-schema.js';

export const FORM_FORMAT = 'zhenggai-unit-form/1';

export const FORM_SHEET = '进展填报';
export const FORM_INFO_SHEET = '共同牵头问题（仅供参考）';
/** veryHidden: the clerk never sees it; the importer identifies the form by it. */
export const FORM_META_SHEET = '_zhenggai';

/** 1-based rows: title, particulars, instructions, then the header and the problems. */
export const FORM_TITLE_ROW = 1;
export const FORM_PARTICULARS_ROW = 2;
export const FORM_INSTRUCTIONS_ROW = 3;
export const FORM_HEADER_ROW = 4;
export const FORM_FIRST_DATA_ROW = 5;

export type FormPlanField = 'number' | 'summary' | 'measures' | 'deadline' | 'leadUnits' | 'cooperatingUnits';
export type FormAnswerField =
  | 'status'
  | 'onSchedule'
  | 'progress'
  | 'completedOn'
  | 'evidence'
  | 'reason'
  | 'extensionDeadline'
  | 'extensionReason'
  | 'extensionApprovedOn'
  | 'note';
export type FormField = FormPlanField | FormAnswerField;

/** plan: locked, from plan.json; text/list/date: the unit's input, unlocked. */
export type FormColumnKind = 'plan' | 'text' | 'list' | 'date';

export interface FormColumn {
  readonly field: FormField;
  readonly header: string;
  readonly kind: FormColumnKind;
  /** Width in em of 小四 text. */
  readonly widthEm: number;
}

export const FORM_COLUMNS: readonly FormColumn[] = [
  { field: 'number', header: '序号', kind: 'plan', widthEm: 2.5 },
  { field: 'summary', header: '问题简述', kind: 'plan', widthEm: 14 },
  { field: 'measures', header: '整改措施', kind: 'plan', widthEm: 20 },
  { field: 'deadline', header: '整改时限', kind: 'plan', widthEm: 6 },
  { field: 'leadUnits', header: '牵头单位', kind: 'plan', widthEm: 5 },
  { field: 'cooperatingUnits', header: '配合单位', kind: 'plan', widthEm: 5 },
  { field: 'status', header: '整改状态', kind: 'list', widthEm: 7 },
  { field: 'onSchedule', header: '达到序时进度', kind: 'list', widthEm: 5 },
  { field: 'progress', header: '整改进展', kind: 'text', widthEm: 18 },
  { field: 'completedOn', header: '完成时间', kind: 'date', widthEm: 6 },
  { field: 'evidence', header: '本期新增佐证材料\n（文件名，每行一个）', kind: 'text', widthEm: 12 },
  { field: 'reason', header: '未完成原因', kind: 'text', widthEm: 10 },
  { field: 'extensionDeadline', header: '调整后时限', kind: 'text', widthEm: 6 },
  { field: 'extensionReason', header: '调整原因', kind: 'text', widthEm: 9 },
  { field: 'extensionApprovedOn', header: '调整批准日期', kind: 'date', widthEm: 6 },
  { field: 'note', header: '备注\n（状态倒退须说明）', kind: 'text', widthEm: 9 },
];

/** 1-based column of a field. */
export function formColumnIndex(field: FormField): number {
  const index = FORM_COLUMNS.findIndex((c) => c.field === field);
  if (index < 0) throw new RangeError(`no form column for ${field}`);
  return index + 1;
}

export const FORM_STATUS_VALUES: readonly string[] = STATUSES;
export const FORM_YES = '是';
export const FORM_NO = '否';
export const FORM_YES_NO_VALUES: readonly string[] = [FORM_YES, FORM_NO];

/** Excel number format of the date columns. */
export const FORM_DATE_NUMFMT = 'yyyy-mm-dd';

/** Keys (column A) of the hidden sheet, in row order; values are in column B. */
export const FORM_META_KEYS = {
  format: '格式',
  planName: '方案文件夹',
  docNumber: '发文字号',
  unit: '填报单位',
  period: '期次',
  checksum: '校验码',
  rowDigests: '各问题校验码',
} as const;

export type FormMetaKey = keyof typeof FORM_META_KEYS;
export const FORM_META_ORDER: readonly FormMetaKey[] = ['format', 'planName', 'docNumber', 'unit', 'period', 'checksum', 'rowDigests'];
