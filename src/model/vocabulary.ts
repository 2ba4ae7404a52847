// The field's own terms, defined once: the labels a plan's fields go by on
// every document and form (问题简述, 牵头单位, …) and the default task-table
// columns the bundled plan uses. Forms, ledger, tables and the importer all
// read them from here.

import type { TableColumn } from './plan-schema.js';

/** The seed's table: 整改问题 over three columns, the rest spanning both header rows. */
export const DEFAULT_TASK_TABLE_COLUMNS: readonly TableColumn[] = [
  { field: 'category', header: '发现\n问题方式', group: '整改问题' },
  { field: 'number', header: '序号', group: '整改问题' },
  { field: 'summary', header: '问题简述', group: '整改问题' },
  { field: 'measures', header: '整改措施' },
  { field: 'deadline', header: '整改时限' },
  { field: 'leadUnits', header: '牵头单位' },
  { field: 'cooperatingUnits', header: '配合单位' },
];
