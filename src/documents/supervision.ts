// Pipeline: the period's supervision notices (督办, docs/domain.md#督办) — one
// Word document per lead unit with blue, yellow or red problems, under
// <period>/督办/ — and the numbering they are issued under.

import { composeSupervisionNotice } from '../compose/supervision.js';
import { SUPERVISION_KINDS, assignSupervisionNumbers, supervisedUnits, type UnitSupervision } from '../derive/supervision.js';
import { safeFileName } from '../layout/safe-name.js';
import type { OfficialDocument } from '../model/document/official-document.js';
import type { Supervision } from '../model/progress-schema.js';
import { renderOfficialDocument } from '../render/docx/official-document.js';
import { loadTemplates, type TemplateSet } from '../templates/load.js';
import path from 'node:path';
import type { PeriodView } from '../derive/period.js';
import { writeFileAtomic } from '../write/atomic.js';
import { planOutputDir } from '../write/output-paths.js';
import { removeStaleNotices } from '../write/stale-notices.js';
import { loadCheckedFolder, requireSofficeIf, writeOutputs, writingInto, type DocumentCommandOptions, type Io } from './files.js';
import { periodContext, periodFile, requirePeriod } from './period.js';
import type { DocumentOutput, NamedBuffer, PlanData } from './pipeline.js';

/** The folder of the period's notices under out/<plan>/. */
export const SUPERVISION_FOLDER = '督办';

/** The period's notices as document models, each with the unit it goes to; empty when no unit has a coloured problem. */
export interface SupervisionNotices {
  notices: { unit: UnitSupervision; doc: OfficialDocument }[];
  /** The numbers (and date) the notices carry: the period's recorded ones, and new ones for units that had none. */
  record: Supervision;
  /** The record differs from the period's file: `supervise` writes it there before the documents. */
  changed: boolean;
}

/**
 * The period's notices. Numbers come from the period's recorded `supervision`
 * and run on across the year for a unit without one (assignSupervisionNumbers);
 * a new record is dated the period's as-of date. Preconditions: a plan without
 * errors and a progress file for the period with every problem (UserError).
 */
export function supervisionNotices(data: PlanData, period: string, templates: Pick<TemplateSet, 'supervision'>): SupervisionNotices {
  const { view, units, record, changed } = supervisionRecord(data, period);
  const notices = units.map((unit) => {
    const number = record.numbers.find((n) => n.unit === unit.unit.name)!.number;
    return { unit, doc: composeSupervisionNotice(data.plan, view, unit, { number, date: record.date }, templates) };
  });
  return { notices, record, changed };
}

/**
 * The units to supervise and the numbers they are issued under; `changed`
 * when the period's file must record a number it does not hold yet (never
 * for a period with nothing to supervise). Preconditions as supervisionNotices.
 */
export function supervisionRecord(data: PlanData, period: string): { view: PeriodView; units: UnitSupervision[]; record: Supervision; changed: boolean } {
  const { progress, view } = periodContext(data, period);
  const units = supervisedUnits(data.plan, view);
  // Every file of the folder, later periods too: a number is never given twice in a year, whatever order periods are run in.
  const files = data.progress.map((p) => p.data);
  const { record, changed } = assignSupervisionNumbers(files, period, units.map((u) => u.unit.name), progress.asOf);
  return { view, units, record, changed: changed && units.length > 0 };
}

/** The period file's JSON with `supervision` set, placed before `problems`; every other key kept in its place. */
export function withSupervisionRecord(value: Record<string, unknown>, record: Supervision): Record<string, unknown> {
  const entries = Object.entries(value).filter(([key]) => key !== 'supervision');
  const at = entries.findIndex(([key]) => key === 'problems');
  entries.splice(at < 0 ? entries.length : at, 0, ['supervision', record]);
  return Object.fromEntries(entries);
}

const QUIET: Io = { out() {}, err() {} };

/**
 * Record the period's supervision numbers in progress/<period>.json, when it
 * does not hold them all yet (docs/domain.md#督办): as the only run writing
 * the plan folder's progress files (its lock, as import takes it), the folder
 * loaded and checked again under the lock, the file replaced atomically.
 * Returns the record when it was written, undefined when nothing changed.
 * Throws UserError for bad data and for a disk that cannot be written.
 */
export async function recordSupervisionNumbers(planDir: string, period: string, io: Io): Promise<Supervision | undefined> {
  requirePeriod(period);
  // Load before taking the lock, so a folder that is not there gets the loader's message and is not created.
  await loadCheckedFolder(planDir, QUIET);
  return writingInto(
    planDir,
    io,
    async () => {
      const folder = await loadCheckedFolder(planDir, QUIET);
      const { record, changed } = supervisionRecord(folder, period);
      if (!changed) return undefined;
      const file = periodFile(folder, period)!;
      const text = `${JSON.stringify(withSupervisionRecord(file.source.value as Record<string, unknown>, record), null, 2)}\n`;
      await writeFileAtomic(path.join(folder.dir, 'progress', `${period}.json`), text);
      return record;
    },
    { subfolders: ['progress'] },
  );
}

/** A notice's file name without its extension: <文号>-<kind>（<unit>）, as out/ and the packet name it. */
export function supervisionStem(notice: { unit: UnitSupervision; doc: OfficialDocument }): string {
  return `${notice.doc.header.docNumber}-${notice.unit.kind}（${notice.unit.unit.name}）`;
}

/** A notice's file name under out/<plan>/: <period>/督办/<文号>-<kind>（<unit>）.docx. */
export function supervisionFileName(period: string, notice: { unit: UnitSupervision; doc: OfficialDocument }): string {
  return `${period}/${SUPERVISION_FOLDER}/${safeFileName(supervisionStem(notice), 'docx')}`;
}

/**
 * `supervise`: the notices as Word files (none when no problem is blue,
 * yellow or red). Preconditions as supervisionNotices.
 */
export async function buildSupervision(data: PlanData, period: string, templates: Pick<TemplateSet, 'supervision'>): Promise<DocumentOutput & { record: Supervision; changed: boolean }> {
  const { notices, record, changed } = supervisionNotices(data, period, templates);
  const files: NamedBuffer[] = [];
  for (const notice of notices) files.push({ name: supervisionFileName(period, notice), data: await renderOfficialDocument(notice.doc) });
  return { files, warnings: [], record, changed };
}

/** A notice's Word file or its PDF as supervisionFileName names it: <文号>-<kind>（<unit>）.docx / .pdf. */
const NOTICE_FILE_NAME = new RegExp(`^.+号-(?:${SUPERVISION_KINDS.join('|')})（.+）\\.(?:docx|pdf)$`, 'i');

/**
 * A file name as `supervise` names a notice (supervisionFileName):
 * <文号>-<kind>（<unit>）.docx, or the PDF beside it — and nothing a clerk
 * saved there under another name (a receipt “…（规建办）-签收回执.pdf”, a
 * note).
 */
export function isNoticeFileName(name: string): boolean {
  return NOTICE_FILE_NAME.test(name);
}

/** What `supervise` did: the numbers it recorded (undefined: none new), the paths written and those removed as out of date. */
export interface SupervisionRun {
  readonly recorded?: Supervision;
  readonly written: readonly string[];
  readonly removed: readonly string[];
}

/**
 * `supervise`: records the period's notice numbers on the first run
 * (recordSupervisionNumbers), writes the notices under
 * out/<plan>/<period>/督办/ as writeDocument writes a document, and — under
 * the same lock — removes what an earlier run wrote there and is now out of
 * date (write/stale-notices.ts): a notice this run did not write, and, when
 * this run made no PDFs, the PDF of a notice it wrote again. A notice no
 * longer due (its problems resolved, the data corrected) would otherwise
 * stay beside the new ones, and a clerk printing the folder would send it.
 * Files not named as notices are left alone. The numbers stay recorded in
 * the progress file (docs/domain.md#督办): a number once issued is not given
 * again. Throws UserError as writeDocument does.
 */
export async function writeSupervision(options: DocumentCommandOptions, period: string, io: Io): Promise<SupervisionRun> {
  await requireSofficeIf(options.pdf);
  const recorded = await recordSupervisionNumbers(options.planDir, period, io);
  const templates = await loadTemplates(options.templates);
  const folder = await loadCheckedFolder(options.planDir, io);
  const output = await buildSupervision(folder, period, templates);
  const dir = planOutputDir(options.out, folder.name);
  let removed: string[] = [];
  const written = await writeOutputs(dir, output, options.pdf, io, async (paths) => {
    removed = await removeStaleNotices(path.join(dir, period, SUPERVISION_FOLDER), paths, options.pdf, isNoticeFileName);
  });
  return { ...(recorded ? { recorded } : {}), written, removed };
}
