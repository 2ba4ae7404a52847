// Pipeline: the period's ledger (整改台账-<YYYY-MM>.xlsx): every problem's state,
// coloured, with summary tables by lead unit and category.

import { composeLedger } from '../compose/ledger.js';
import type { PeriodView } from '../derive/period.js';
import { XLSX_WIDE_SHEET_PAPER, xlsxSheetFits } from '../layout/excel.js';
import type { Plan } from '../model/plan-schema.js';
import type { Progress } from '../model/progress-schema.js';
import { renderLedgerXlsx } from '../render/xlsx/ledger.js';
import type { RenderedXlsx } from '../render/xlsx/sheet-builder.js';
import type { TemplateSet } from '../templates/load.js';
import { layoutWarnings, type DocumentOutput } from './pipeline.js';

/** 整改台账-2023-11 */
export function ledgerFileStem(period: string): string {
  return `整改台账-${period}`;
}

/** The ledger workbook for a period's view, given every progress file up to the period (oldest first), worded by templates/ledger.hbs. */
export async function ledgerXlsx(plan: Plan, view: PeriodView, history: readonly Progress[], templates: Pick<TemplateSet, 'ledger'>): Promise<RenderedXlsx> {
  return renderLedgerXlsx(composeLedger(plan, view, history, templates, { fits: xlsxSheetFits(XLSX_WIDE_SHEET_PAPER) }));
}

/** The ledger as `name` (a path under the plan's output folder), with its layout warnings. */
export async function buildLedger(plan: Plan, view: PeriodView, history: readonly Progress[], name: string, templates: Pick<TemplateSet, 'ledger'>): Promise<DocumentOutput> {
  const ledger = await ledgerXlsx(plan, view, history, templates);
  return { files: [{ name, data: ledger.buffer }], warnings: layoutWarnings(name.split('/').pop()!, ledger.warnings) };
}
