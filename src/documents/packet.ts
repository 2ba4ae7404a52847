// Pipeline: the county packet (报送材料) for a period. Its document parts come
// from the other pipelines, listed once in PACKET_PARTS; a part with nothing
// in it this period (no closure closed) is left out and the numbers close up.
// The evidence folder and the contents list follow; writePacketFolder puts it
// all on disk whole or not at all.

import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { composeContentsList, layoutPacket, packetWording, type PacketDocumentPart, type PacketWording } from '../compose/packet.js';
import { cumulativeEvidenceByProblem } from '../derive/evidence.js';
import { folderEvidenceReader } from '../load/evidence.js';
import type { PlanFolder } from '../load/plan-folder.js';
import type { PacketLayout } from '../model/document/packet.js';
import { clearTextWidthCaches } from '../layout/text-width.js';
import { renderContentsListDocx } from '../render/docx/contents-list.js';
import type { TemplateSet } from '../templates/load.js';
import { planOutputDir } from '../write/output-paths.js';
import { writePacket } from '../write/packet.js';
import type { ProgressReporter } from '../write/progress.js';
import { closureFormsDocx, closureFormsOf } from './closure-forms.js';
import { writingInto, type Io } from './files.js';
import { ledgerFileStem, ledgerXlsx } from './ledger.js';
import { periodContext, requireReport, type PeriodContext } from './period.js';
import type { PlanData } from './pipeline.js';
import { reportDocx } from './report.js';
import { supervisionNotices, supervisionStem } from './supervision.js';
import { renderOfficialDocument } from '../render/docx/official-document.js';
import { planSubject } from '../model/plan-subject.js';
import { packetDataFiles } from './packet-data.js';

export type { ProgressReporter };
export { terminalProgress } from './terminal-progress.js';

/** What a part needs: the data, the period's context (with its report block), the templates and the packet's wording. */
export interface PacketContext extends PeriodContext {
  readonly data: PlanData;
  readonly period: string;
  readonly templates: TemplateSet;
  readonly wording: PacketWording;
  /** What a part has to tell the clerk (a part left out and why); printed by writePacketFolder. */
  readonly notes: string[];
}

/** A document part this period: how it is listed and named, and its bytes. */
export interface MadePart {
  readonly part: PacketDocumentPart;
  readonly data: Uint8Array;
}

/** One kind of document part: made by its pipeline — several parts of a kind, one a file, as a list — or undefined when it has nothing in it this period. */
export type PacketPartSource = (ctx: PacketContext) => Promise<MadePart | readonly MadePart[] | undefined>;

const reportPart: PacketPartSource = async (ctx) => {
  const report = await reportDocx(ctx.data.plan, ctx.view, ctx.progress, ctx.templates);
  return { part: { kind: 'report', title: report.title, stem: report.title, extension: 'docx' }, data: report.buffer };
};

const ledgerPart: PacketPartSource = async (ctx) => {
  const ledger = await ledgerXlsx(ctx.data.plan, ctx.view, ctx.history, ctx.templates);
  return { part: { kind: 'ledger', title: ctx.wording.ledgerTitle, stem: ledgerFileStem(ctx.period), extension: 'xlsx' }, data: ledger.buffer };
};

function closureFormsPart(kind: 'filled' | 'blank'): PacketPartSource {
  return async (ctx) => {
    const forms = closureFormsOf(ctx.data.plan, ctx.view, ctx.history, kind);
    if (forms.length === 0) return undefined;
    const { title, buffer } = await closureFormsDocx(forms, ctx.templates, ctx.progress.asOf);
    return { part: { kind: `closure-${kind}`, title, stem: title, extension: 'docx' }, data: buffer };
  };
}

/**
 * The period's supervision notices (docs/domain.md#督办), one part each, under
 * the numbers the period records. Numbers not recorded yet are not final (a
 * run of `supervise` for another period may take them first), so such notices
 * are left out, with a note saying how to include them.
 */
const supervisionParts: PacketPartSource = async (ctx) => {
  const { notices, changed } = supervisionNotices(ctx.data, ctx.period, ctx.templates);
  if (changed) {
    ctx.notes.push(`${ctx.period} 有 ${notices.length} 份督办文书尚未编号，未放入报送材料：先运行 zhenggai supervise <方案文件夹> --period ${ctx.period} 记下编号，再生成报送材料 (supervision notices not numbered yet: run supervise first)`);
    return undefined;
  }
  const parts: MadePart[] = [];
  for (const notice of notices) {
    const stem = supervisionStem(notice);
    const title = `${notice.doc.header.docNumber} ${notice.doc.title.lines.join('')}（${notice.unit.unit.name}）`;
    parts.push({ part: { kind: 'supervision', title, stem, extension: 'docx' }, data: await renderOfficialDocument(notice.doc) });
  }
  return parts;
};

/** The packet's document parts in their fixed order (docs/domain.md#closure: closed forms before forms to be signed; then the 督办 notices). */
export const PACKET_PARTS: readonly PacketPartSource[] = [reportPart, ledgerPart, closureFormsPart('filled'), closureFormsPart('blank'), supervisionParts];

/**
 * The order the parts are made in (they are listed in PACKET_PARTS's): the
 * ledger last. Its width estimate holds every cell's measured text at once —
 * the largest live heap of a packet — and V8 sets the next collection's
 * threshold at a multiple of the heap that is live when it collects; made
 * before the closure forms, it let their garbage pile up to about 340 MB of
 * heap at 5,000 problems (issue 14, peak memory).
 */
const PACKET_BUILD_ORDER: readonly PacketPartSource[] = [...PACKET_PARTS.filter((source) => source !== ledgerPart), ledgerPart];

/** The packet in memory: its layout, the documents' bytes by path, and the contents list to render once page counts are known. */
export interface PacketBuild {
  readonly layout: PacketLayout;
  readonly documents: ReadonlyMap<string, Uint8Array>;
  /** The contents list (报送材料清单); page counts by part index when PDFs were made. */
  contents(pageCounts: ReadonlyMap<number, number> | undefined): Promise<Uint8Array>;
  /** The as-of date (YYYY-MM-DD): the zip entries' timestamp. */
  readonly date: string;
  /** Notes for the clerk from the parts (a part left out and why). */
  readonly notes: readonly string[];
}

/**
 * `packet`: every part of the period's packet, in memory. Preconditions: a
 * plan without errors, a progress file for the period with its report block
 * (UserError otherwise).
 */
export async function buildPacket(data: PlanData, period: string, templates: TemplateSet): Promise<PacketBuild> {
  const context = requireReport(periodContext(data, period), period, '无法生成报送材料');
  const { report } = context.progress;
  const wording = packetWording(templates, { period, asOf: context.progress.asOf, issuer: report.issuer, planTitle: data.plan.plan.title, subject: planSubject(data.plan).text });
  const ctx: PacketContext = { ...context, data, period, templates, wording, notes: [] };
  const madeBySource = new Map<PacketPartSource, readonly MadePart[]>();
  for (const source of PACKET_BUILD_ORDER) {
    // Each part measures its own texts: the previous part's are let go first (issue 14, peak memory).
    clearTextWidthCaches();
    const part = await source(ctx);
    madeBySource.set(source, part === undefined ? [] : Array.isArray(part) ? part : [part as MadePart]);
  }
  const made = PACKET_PARTS.flatMap((source) => madeBySource.get(source)!);
  const layout = layoutPacket(made.map((m) => m.part), data.plan.problems, cumulativeEvidenceByProblem(context.history, period));
  // The data (plan and progress as JSON, data/packet.json) ride along as files outside the contents list: a county reads them back (load/packet.ts).
  const documents = new Map([...made.map((m, i): [string, Uint8Array] => [layout.parts[i]!.files[0]!, m.data]), ...packetDataFiles(data, period, context.progress.asOf)]);
  const date = context.progress.asOf;
  return { layout, documents, contents: (pages) => renderContentsListDocx(composeContentsList(layout, wording, pages, date)), date, notes: ctx.notes };
}

/** Options of writePacketFolder. */
export interface PacketFolderOptions {
  out: string;
  period: string;
  pdf: boolean;
  zip: boolean;
  progress: ProgressReporter;
}

/**
 * Build the packet and write it to out/<plan>/packet-<period>/ (and
 * packet-<period>.zip beside it): the folder and the zip both new or both as
 * they were, as the only run writing out/<plan>/ (files.ts writingInto).
 * Without --zip, a zip left there by an earlier run is removed with the
 * swap, since it would no longer match the folder.
 */
export async function writePacketFolder(folder: PlanFolder, build: PacketBuild, options: PacketFolderOptions, io: Io): Promise<void> {
  const root = planOutputDir(options.out, folder.name);
  const destination = path.join(root, `packet-${options.period}`);
  const zipPath = path.join(root, `packet-${options.period}.zip`);
  const staleZip = !options.zip && (await lstat(zipPath).catch(() => undefined))?.isFile();
  const result = await writingInto(root, io, () =>
    writePacket({
      destination,
      ...(options.zip ? { zipPath } : { staleZipPath: zipPath }),
      layout: build.layout,
      documents: build.documents,
      evidence: folderEvidenceReader(folder.evidenceDir),
      pdf: options.pdf,
      date: build.date,
      progress: options.progress,
      contents: build.contents,
    }),
  );
  io.out(`已生成报送材料 ${destination}（${result.files.length} 个文件）`);
  for (const note of build.notes) io.err(`提示：${note}`);
  if (result.zipPath) io.out(`已写出 ${result.zipPath}`);
  else if (staleZip) io.out(`已删除与新材料包不一致的旧压缩包 ${zipPath}（需要时加 --zip 重新生成）(removed the old zip, which no longer matched)`);
}
