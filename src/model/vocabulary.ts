// The field's own terms, defined once: the labels a plan's fields and a
// period's progress fields go by on every document and form (问题简述,
// 牵头单位, 整改状态, …), the other names offices give them in their own
// tables, and the default task-table columns the bundled plan uses. The task
// table, the progress table, the ledger, the unit forms, the closure forms and
// the importer all read them from here: one term per concept everywhere.
//
// Labels are terms, not sentences: the fixed sentences of a document (a
// form's instructions, a ledger's notes) are wording an office may change and
// live in templates/ (templates/README.md).

// No import from the schemas: they take their descriptions from here.

/** The plan's fields a task-table column may show (plan-schema.ts tableFieldSchema), in the table's usual order. */
export const TABLE_FIELDS = [
  'category',
  'number',
  'summary',
  'measures',
  'deadline',
  'leadUnits',
  'cooperatingUnits',
  'target',
  'responsibleLeader',
  'responsiblePerson',
  'completionStandard',
  'remarks',
] as const;

export type TableField = (typeof TABLE_FIELDS)[number];

/**
 * Fields of a problem's progress in a period, by their names in the model:
 * progress-schema.ts (status, onSchedule, progress, completedOn, evidence,
 * reason, note), the extension's parts as the unit form splits them
 * (extension = its deadline, extensionReason, extensionApprovedOn), and the
 * ledger's derived columns (closedOn, the closure's date; warning, the colour).
 */
export type PeriodField =
  | 'status'
  | 'onSchedule'
  | 'progress'
  | 'completedOn'
  | 'evidence'
  | 'reason'
  | 'extension'
  | 'extensionReason'
  | 'extensionApprovedOn'
  | 'note'
  | 'closedOn'
  | 'warning';

/**
 * The period's fields a column of the report's progress table (整改进展情况表)
 * may show, after the plan's (plan-schema.ts reportColumnSchema).
 */
export const REPORT_PERIOD_FIELDS = ['status', 'onSchedule', 'progress', 'reason', 'completedOn', 'closedOn'] as const satisfies readonly PeriodField[];

export type ReportPeriodField = (typeof REPORT_PERIOD_FIELDS)[number];

/** A column of the report's progress table: a plan field or a period field. */
export type ReportField = TableField | ReportPeriodField;

/**
 * The report's progress table by default: chosen for progress, one row a
 * problem — 序号, 问题简述, 牵头单位, 整改时限, 整改状态 (with the completion and
 * closure dates), 整改进展 (with the reason a problem is not completed). The
 * measures are in the plan and the task table; an office that wants them
 * here lists its columns in plan.json `reportColumns`.
 */
export const DEFAULT_REPORT_COLUMNS: readonly ReportField[] = ['number', 'summary', 'leadUnits', 'deadline', 'status', 'progress'];

/** Every field that has a label: the plan's table fields and the period's. */
export type LabelledField = TableField | PeriodField;

/**
 * The label of each field, keyed by the field's name in the model: the term
 * every table header, form column, ledger column and closure-form row uses
 * for it, and the first name the importer (`init --from-table`) recognises.
 * Change a term here and every document follows; a unit form made before the
 * change is then refused by the importer (its header is compared).
 */
export const FIELD_LABELS: Readonly<Record<LabelledField, string>> = {
  // The plan's fields (plan-schema.ts problemSchema, in TABLE_FIELDS order).
  category: '发现问题方式',
  number: '序号',
  summary: '问题简述',
  measures: '整改措施',
  deadline: '整改时限',
  leadUnits: '牵头单位',
  cooperatingUnits: '配合单位',
  target: '整改目标',
  responsibleLeader: '责任领导',
  responsiblePerson: '责任人',
  completionStandard: '完成标准',
  remarks: '备注',
  // The period's fields (progress-schema.ts problemProgressSchema).
  status: '整改状态',
  onSchedule: '达到序时进度',
  progress: '整改进展',
  completedOn: '完成时间',
  evidence: '佐证材料',
  reason: '未完成原因',
  extension: '调整后时限',
  extensionReason: '调整原因',
  extensionApprovedOn: '调整批准日期',
  note: '备注',
  closedOn: '销号日期',
  warning: '预警',
};

/** The label with a line break after its first `chars` characters. */
function brokenAfter(label: string, chars: number): string {
  return `${label.slice(0, chars)}\n${label.slice(chars)}`;
}

/**
 * Labels as a narrow table column prints them: the same term as FIELD_LABELS,
 * with a line break where the column would otherwise wrap it mid-word
 * (发现\n问题方式). Only the display differs — without the break each is the
 * field's label — so a reader of the table (the importer, which compares
 * headers without spaces and line breaks) sees the one term.
 */
export const NARROW_FIELD_LABELS = {
  category: brokenAfter(FIELD_LABELS.category, 2),
  onSchedule: brokenAfter(FIELD_LABELS.onSchedule, 3),
  reason: brokenAfter(FIELD_LABELS.reason, 3),
  extension: brokenAfter(FIELD_LABELS.extension, 3),
} as const satisfies Partial<Record<LabelledField, string>>;

/**
 * The category concept where no plan column gives its header (the ledger's
 * by-category summary of a plan whose table has no category column): 问题类别,
 * the schema's own gloss of 发现问题方式 (plan-schema.ts `categories`).
 */
export const CATEGORY_FALLBACK_LABEL = '问题类别';

/** Headers over groups of columns: the plan's columns of the problem, and the period's columns. */
export const COLUMN_GROUP_LABELS = {
  problem: '整改问题',
  period: '整改落实情况',
} as const;

/**
 * The parts of a closure (销号, docs/domain.md#closure) as the progress
 * format's `closure` describes them and the office's closure form on the
 * server labels them: the date is the period field 销号日期.
 */
export const CLOSURE_LABELS = {
  date: FIELD_LABELS.closedOn,
  approver: '审批（验收）人',
  opinion: '验收意见',
} as const;

/** The two answers of a yes/no field (达到序时进度), as forms offer them and tables print them. */
export const YES = '是';
export const NO = '否';

/** The derived state of a problem past its deadline (never typed: docs/domain.md#status). */
export const OVERDUE = '逾期';

/**
 * The terms of 回头看 (re-checking a completed problem, docs/domain.md#回头看)
 * and of 督办 (supervision notices, docs/domain.md#督办): the labels the
 * ledger's 回头看 sheet, the progress table and the supervision notices print.
 */
export const REVIEW_LABELS = {
  review: '回头看',
  date: '回头看日期',
  checkedBy: '检查单位（岗位）',
  finding: '回头看结论',
  note: '情况说明',
  evidence: '佐证材料',
  round: '整改轮次',
  period: '期次',
} as const;

/** 整改轮次 as a narrow column prints it (整改 / 轮次): a whole-word header four characters wide cost the ledger two pages. */
export const NARROW_ROUND_LABEL = brokenAfter(REVIEW_LABELS.round, 2);

/** The count columns of the ledger's summary tables, and their totals row. */
export const SUMMARY_LABELS = {
  total: '问题数',
  completed: '完成整改',
  overdue: OVERDUE,
  completionRate: '完成率',
  dueCompletionRate: '到期任务完成率',
  totals: '合计',
} as const;

/** The columns of the packet's contents list (报送材料清单). */
export const CONTENTS_LIST_HEADERS: readonly string[] = [FIELD_LABELS.number, '材料名称', '文件数', '页数'];

/**
 * Other names offices give a plan field's column in their own tables, which
 * `init --from-table` recognises after the field's label (compared without
 * spaces, line breaks or a bracketed note: 责任单位（部门） is 责任单位). These
 * are the offices' words, not zhenggai's: its own documents print
 * FIELD_LABELS only. (An office's 完成时间 column, for one, is its deadline;
 * zhenggai's 完成时间 is completedOn.) docs/inputs.md lists them for clerks.
 */
export const HEADER_SYNONYMS: Readonly<Record<TableField, readonly string[]>> = {
  category: ['问题类别', '类别', '方面', '问题方面', '问题来源', '发现方式', '问题类型', '问题分类', '类型', '分类', '所属方面', '问题领域'],
  number: ['编号', '问题序号', '问题编号'],
  summary: ['问题', '存在问题', '反馈问题', '问题清单', '问题表现形式', '问题表现', '问题描述', '具体问题', '主要问题', '问题内容', '问题事项', '存在的问题', '反馈的问题', '问题具体表现', '突出问题', '主要表现', '具体表现'],
  measures: ['措施', '具体措施', '整改举措', '整改任务', '整改要求', '主要措施', '具体整改措施', '整改措施及要求', '工作措施', '落实措施'],
  deadline: ['完成时限', '时限', '完成时间', '完成时间要求', '整改期限', '整改完成时限', '时限要求', '完成期限', '整改时间', '整改完成时间', '办结时限', '时间节点', '完成时间节点'],
  leadUnits: ['责任单位', '责任单位及责任人', '牵头部门', '责任部门', '牵头责任单位', '主责单位', '责任主体', '牵头科室', '主要责任单位', '责任科室', '主办单位', '承办单位', '牵头责任部门'],
  cooperatingUnits: ['配合部门', '协同单位', '协办单位', '协助单位', '配合科室', '参与单位', '协办部门', '配合责任单位'],
  target: ['目标', '预期目标'],
  responsibleLeader: ['分管领导', '牵头领导', '包保领导', '包联领导'],
  responsiblePerson: ['具体责任人', '整改责任人', '具体负责人', '责任人员'],
  completionStandard: ['整改标准', '验收标准', '销号标准', '整改完成标准'],
  remarks: [],
};

/**
 * A name that means one field alone and another beside it: 责任单位 is the lead
 * unit, unless the table also has a lead-unit column (牵头单位), when it lists
 * the units that share the work.
 */
export const HEADER_SECOND_CHOICE: Readonly<Record<string, TableField>> = {
  责任单位: 'cooperatingUnits',
  责任部门: 'cooperatingUnits',
};

/**
 * How a header that is no name above ends, for the wordings offices vary
 * without end (巡察反馈问题, 具体整改举措, 整改完成时限要求 …): tried after every
 * name, longest ending first, and shown to the clerk in 未映射内容.txt.
 */
export const HEADER_ENDINGS: ReadonlyArray<readonly [string, TableField]> = [
  ['问题表现', 'summary'],
  ['问题描述', 'summary'],
  ['问题简述', 'summary'],
  ['问题', 'summary'],
  ['措施', 'measures'],
  ['举措', 'measures'],
  ['时限要求', 'deadline'],
  ['时限', 'deadline'],
  ['期限', 'deadline'],
  ['牵头单位', 'leadUnits'],
  ['责任单位', 'leadUnits'],
  ['配合单位', 'cooperatingUnits'],
  ['完成标准', 'completionStandard'],
];

/** A task-table column as plan.json's `tableColumns` gives one (plan-schema.ts tableColumnSchema). */
export interface TaskTableColumnSpec {
  field: TableField;
  header: string;
  group?: string;
  width?: number;
}

/** The seed's table: 整改问题 over three columns, the rest spanning both header rows. */
export const DEFAULT_TASK_TABLE_COLUMNS: readonly TaskTableColumnSpec[] = [
  { field: 'category', header: NARROW_FIELD_LABELS.category, group: COLUMN_GROUP_LABELS.problem },
  { field: 'number', header: FIELD_LABELS.number, group: COLUMN_GROUP_LABELS.problem },
  { field: 'summary', header: FIELD_LABELS.summary, group: COLUMN_GROUP_LABELS.problem },
  { field: 'measures', header: FIELD_LABELS.measures },
  { field: 'deadline', header: FIELD_LABELS.deadline },
  { field: 'leadUnits', header: FIELD_LABELS.leadUnits },
  { field: 'cooperatingUnits', header: FIELD_LABELS.cooperatingUnits },
];
