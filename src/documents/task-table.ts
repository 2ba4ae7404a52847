// Pipeline: the task table (附件 任务分解和责任分工表) in Word and Excel, named
// after the plan's attachment title, at the top of the plan's output folder.

import { composeTaskTable } from '../compose/task-table.js';
import { safeFileName } from '../layout/safe-name.js';
import { wordTableFits } from '../derive/task-table-layout.js';
import type { Plan } from '../model/plan-schema.js';
import type { TaskTableModel } from '../model/document/task-table.js';
import { renderTaskTableDocx } from '../render/docx/task-table.js';
import { renderTaskTableXlsx } from '../render/xlsx/task-table.js';
import type { RenderedXlsx } from '../render/xlsx/sheet-builder.js';
import { layoutWarnings, type DocumentOutput, type NamedBuffer } from './pipeline.js';

export type TaskTableType = 'xlsx' | 'docx' | 'both';

/** The table model for the landscape type area (小四, else 五号 or 小五): the same columns stand alone and in the notice. */
export function taskTableModel(plan: Plan): TaskTableModel {
  return composeTaskTable(plan, { fits: wordTableFits(plan) });
}

/** The task table as a Word document. */
export async function taskTableDocx(plan: Plan): Promise<Buffer> {
  return renderTaskTableDocx(taskTableModel(plan));
}

/** The task table as an Excel workbook, with its layout warnings. */
export async function taskTableXlsx(plan: Plan): Promise<RenderedXlsx> {
  return renderTaskTableXlsx(taskTableModel(plan));
}

/** `table`: `<attachment title>.docx` and/or `.xlsx`. Precondition: a plan without errors. */
export async function buildTaskTable(plan: Plan, type: TaskTableType): Promise<DocumentOutput> {
  const stem = plan.plan.attachmentTitle;
  const files: NamedBuffer[] = [];
  const warnings = [];
  if (type !== 'xlsx') files.push({ name: safeFileName(stem, 'docx'), data: await taskTableDocx(plan) });
  if (type !== 'docx') {
    const name = safeFileName(stem, 'xlsx');
    const xlsx = await taskTableXlsx(plan);
    warnings.push(...layoutWarnings(name, xlsx.warnings));
    files.push({ name, data: xlsx.buffer });
  }
  return { files, warnings };
}
