// The unit progress form as a contract between its writer (render/xlsx/forms.ts)
// and its reader (documents/import/validate-form.ts): sheet names, where the table starts,
// which column holds which answer, and the keys of the hidden sheet. Constants
// only, so both sides can depend on it without depending on each other.
//
// Forms are filled for weeks and come back after the office may have
// upgraded, so the format is versioned (docs/inputs.md#form-versions): a
// change to the sheets, rows, columns or hidden keys is a new FORM_FORMAT,
// whose layout is added to READABLE_FORM_LAYOUTS beside the older ones, which
// stay readable; a form of a newer format than a release knows is refused
// with the release that wrote it.

import { STATUSES } from '../progress-schema.js';
import { ZHENGGAI_RELEASE } from '../release.js';
import { FIELD_LABELS, NO, YES } from '../vocabulary.js';

export const FORM_FORMAT_NAME = 'zhenggai-unit-form';
export const FORM_FORMAT_VERSION = 1;
export const FORM_FORMAT = `${FORM_FORMAT_NAME}/${FORM_FORMAT_VERSION}`;
/** What the hidden sheet names as the program that wrote the form. */
export const FORM_WRITER = `zhenggai ${ZHENGGAI_RELEASE}`;

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

/**
 * The columns in order. A header is the field's label (model/vocabulary.ts);
 * two carry a hint under it. The importer compares the header row with these,
 * so they are part of the format, not wording a template may change.
 */
export const FORM_COLUMNS: readonly FormColumn[] = [
  { field: 'number', header: FIELD_LABELS.number, kind: 'plan', widthEm: 2.5 },
  { field: 'summary', header: FIELD_LABELS.summary, kind: 'plan', widthEm: 14 },
  { field: 'measures', header: FIELD_LABELS.measures, kind: 'plan', widthEm: 20 },
  { field: 'deadline', header: FIELD_LABELS.deadline, kind: 'plan', widthEm: 6 },
  { field: 'leadUnits', header: FIELD_LABELS.leadUnits, kind: 'plan', widthEm: 5 },
  { field: 'cooperatingUnits', header: FIELD_LABELS.cooperatingUnits, kind: 'plan', widthEm: 5 },
  { field: 'status', header: FIELD_LABELS.status, kind: 'list', widthEm: 7 },
  { field: 'onSchedule', header: FIELD_LABELS.onSchedule, kind: 'list', widthEm: 5 },
  { field: 'progress', header: FIELD_LABELS.progress, kind: 'text', widthEm: 18 },
  { field: 'completedOn', header: FIELD_LABELS.completedOn, kind: 'date', widthEm: 6 },
  { field: 'evidence', header: `本期新增${FIELD_LABELS.evidence}\n（文件名，每行一个）`, kind: 'text', widthEm: 12 },
  { field: 'reason', header: FIELD_LABELS.reason, kind: 'text', widthEm: 10 },
  { field: 'extensionDeadline', header: FIELD_LABELS.extension, kind: 'text', widthEm: 6 },
  { field: 'extensionReason', header: FIELD_LABELS.extensionReason, kind: 'text', widthEm: 9 },
  { field: 'extensionApprovedOn', header: FIELD_LABELS.extensionApprovedOn, kind: 'date', widthEm: 6 },
  { field: 'note', header: `${FIELD_LABELS.note}\n（状态倒退须说明）`, kind: 'text', widthEm: 9 },
];

/** 1-based column of a field. */
export function formColumnIndex(field: FormField): number {
  const index = FORM_COLUMNS.findIndex((c) => c.field === field);
  if (index < 0) throw new RangeError(`no form column for ${field}`);
  return index + 1;
}

export const FORM_STATUS_VALUES: readonly string[] = STATUSES;
export const FORM_YES = YES;
export const FORM_NO = NO;
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
  writer: '生成程序',
} as const;

export type FormMetaKey = keyof typeof FORM_META_KEYS;
/** The rows the writer puts on the hidden sheet, in order. */
export const FORM_META_ORDER: readonly FormMetaKey[] = ['format', 'planName', 'docNumber', 'unit', 'period', 'checksum', 'rowDigests', 'writer'];

/** Where a format keeps what the importer reads. */
export interface FormLayout {
  readonly format: string;
  readonly sheet: string;
  readonly headerRow: number;
  readonly firstDataRow: number;
  readonly columns: readonly FormColumn[];
  /** Keys the hidden sheet must have (生成程序 came later within format 1, so it is optional). */
  readonly requiredMeta: readonly FormMetaKey[];
}

/** Format 1 (zhenggai 0.1.0 on): the layout above. */
export const FORM_LAYOUT_V1: FormLayout = {
  format: 'zhenggai-unit-form/1',
  sheet: FORM_SHEET,
  headerRow: FORM_HEADER_ROW,
  firstDataRow: FORM_FIRST_DATA_ROW,
  columns: FORM_COLUMNS,
  requiredMeta: ['format', 'planName', 'docNumber', 'unit', 'period', 'checksum', 'rowDigests'],
};

/** Every format this release imports. A new format adds its layout and keeps the older ones. */
export const READABLE_FORM_LAYOUTS: ReadonlyMap<string, FormLayout> = new Map([[FORM_LAYOUT_V1.format, FORM_LAYOUT_V1]]);

/** The layout of the format this release writes. */
export const CURRENT_FORM_LAYOUT: FormLayout = READABLE_FORM_LAYOUTS.get(FORM_FORMAT)!;

/** 1-based column of a field in a layout. */
export function layoutColumn(layout: FormLayout, field: FormField): number {
  const index = layout.columns.findIndex((c) => c.field === field);
  if (index < 0) throw new RangeError(`no form column for ${field} in ${layout.format}`);
  return index + 1;
}
