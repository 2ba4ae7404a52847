// The ledger (整改台账) as a document model: its table sheets and summary tables.
// compose/ledger.ts builds it; render/xlsx/ledger.ts writes it.

import type { WarningColour } from '../warning-colour.js';

import { type TaskTableModel } from './task-table.js';
import type { ValidationWording } from './unit-form.js';

export interface SummaryRow {
  readonly label: string;
  /** Counts as numbers; rates as printed (“66.7%”, “—”). Aligned with SummaryTable.headers after the first. */
  readonly values: readonly (number | string)[];
}

export interface SummaryTable {
  readonly caption: string;
  /** The row-label header, then one header a value. */
  readonly headers: readonly string[];
  readonly rows: readonly SummaryRow[];
  /** Over the whole plan: each problem once, whatever its number of lead units. */
  readonly totals: SummaryRow;
  readonly note?: string;
}

export interface LedgerTableSheet {
  /** Wanted name; the renderer makes it safe and unique. */
  readonly name: string;
  readonly titleLines: readonly string[];
  readonly table: TaskTableModel;
  readonly note?: string;
  /** Filter buttons on the header's last row (the county roll-up's ledger: one problem a row, filtered by town). */
  readonly filter?: boolean;
}

export interface LedgerModel {
  readonly period: string;
  readonly asOf: string;
  readonly title: string;
  readonly main: LedgerTableSheet;
  readonly summary: { readonly name: string; readonly titleLines: readonly string[]; readonly tables: readonly SummaryTable[] };
  readonly units: readonly LedgerTableSheet[];
  /** 回头看: the period's records, one row a problem checked (docs/domain.md#回头看); absent when the period has none. */
  readonly reviews?: LedgerTableSheet;
  /** The status column's drop-down: its input message and error alert (templates/ledger.hbs). */
  readonly statusValidation: ValidationWording;
}

/** Keys of the period's columns: renderers find the status and warning columns by them. */
export const PERIOD_KEYS = {
  status: 'status',
  onSchedule: 'onSchedule',
  progress: 'progress',
  completedOn: 'completedOn',
  evidence: 'evidence',
  reason: 'reason',
  extension: 'extension',
  closedOn: 'closedOn',
  warning: 'warning',
  round: 'round',
} as const;

/** The warning colours as the ledger writes them (docs/domain.md#warning-colours). */
export const WARNING_WORDS: Readonly<Record<Exclude<WarningColour, null>, string>> = { green: '绿', red: '红', yellow: '黄', blue: '蓝' };
