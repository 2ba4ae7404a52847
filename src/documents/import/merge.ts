// Merging imported answers into a period's progress file (pure). The file's
// own JSON is kept as it is — report block, sample flag, other units' entries
// — and only the imported problems' entries are replaced or added; entries
// are then in plan order, so a file filled unit by unit reads like one typed
// in one go. A new file has no report block: the office writes it before the
// report is made (the schema allows a period without one; the report
// command refuses it), so no invented text can reach a document.
import { keyOfWrittenNumber } from '../../model/numbering.js';
import type { IsoDate } from '../../model/dates.js';
import type { Plan } from '../../model/plan-schema.js';
import type { ImportedEntry } from './validate-form.js';

export interface MergeInput<E extends MergedEntry = ImportedEntry> {
  plan: Plan;
  period: string;
  asOf: IsoDate;
  /** The period file's parsed JSON as it stands, when it exists. */
  existing?: Record<string, unknown>;
  /** `$schema` for a new file, copied from the office's other progress files. */
  schemaRef?: string;
  /** The entries to put in (a form row's, or an answer the office accepted on the server: only the key and the entry are read). */
  entries: readonly E[];
}

/** What merging reads of an imported entry. */
export type MergedEntry = Pick<ImportedEntry, 'number' | 'entry'>;

export interface MergeResult<E extends MergedEntry = ImportedEntry> {
  text: string;
  /** For each imported entry, its index in the merged `problems` array. */
  indexOf: Map<E, number>;
}

export function mergeProgress<E extends MergedEntry>(input: MergeInput<E>): MergeResult<E> {
  const base = input.existing ?? newProgressFile(input);
  const importedNumbers = new Set(input.entries.map((e) => e.number));
  const existing = Array.isArray(base.problems) ? (base.problems as unknown[]) : [];
  const kept = existing.filter((p) => !importedNumbers.has(numberOf(input.plan, p) ?? -1));
  const problems = sortByPlan(input.plan, [...kept, ...input.entries.map((e) => withOfficeFields(input.plan, e.entry, existing))]);
  const indexOf = new Map(input.entries.map((e) => [e, problems.indexOf(e.entry)] as const));
  const merged = { ...base, problems };
  return { text: `${JSON.stringify(merged, null, 2)}\n`, indexOf };
}

/**
 * What a replaced entry keeps that the new entry does not carry
 * (docs/inputs.md#replacing-an-entry, docs/server.md): the office's 回头看
 * records (docs/domain.md#回头看) are not on the units' forms, and the
 * evidence already listed is in evidence/ — a new form or answer adds its
 * own files after those listed, never deletes them. A closure is not
 * handled here: the form's reader carries a recorded closure into the entry
 * and refuses any other status (validate-form.ts). The same object, changed
 * in place, so indexOf still finds it.
 */
function withOfficeFields(plan: Plan, entry: ImportedEntry['entry'], existing: readonly unknown[]): ImportedEntry['entry'] {
  const key = numberOf(plan, entry);
  const before = existing.find((p) => key !== undefined && numberOf(plan, p) === key) as { reviews?: unknown; evidence?: unknown } | undefined;
  if (before === undefined) return entry;
  if (before.reviews !== undefined && !('reviews' in entry)) Object.assign(entry, { reviews: before.reviews });
  const kept = Array.isArray(before.evidence) ? before.evidence.filter((p): p is string => typeof p === 'string') : [];
  const own = (entry as { evidence?: readonly string[] }).evidence ?? [];
  const evidence = [...new Set([...kept, ...own])];
  if (evidence.length > own.length) Object.assign(entry, { evidence });
  return entry;
}

function newProgressFile(input: MergeInput<MergedEntry>): Record<string, unknown> {
  return { ...(input.schemaRef ? { $schema: input.schemaRef } : {}), period: input.period, asOf: input.asOf, problems: [] };
}

/** The internal key of an entry as the file writes it (an integer, or 二-3 for a plan numbered per category). */
function numberOf(plan: Plan, entry: unknown): number | undefined {
  return keyOfWrittenNumber(plan, (entry as { number?: unknown } | null)?.number);
}

/** Plan order; numbers the plan does not have keep their order at the end (the checker reports them). */
function sortByPlan(plan: Plan, entries: unknown[]): unknown[] {
  const rank = new Map(plan.problems.map((p, i) => [p.number, i] as const));
  const key = (e: unknown) => rank.get(numberOf(plan, e) ?? -1) ?? Number.MAX_SAFE_INTEGER;
  return entries.map((e, i) => ({ e, i })).sort((a, b) => key(a.e) - key(b.e) || a.i - b.i).map(({ e }) => e);
}
