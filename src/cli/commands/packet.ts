import path from 'node:path';
import { composeClosureForms, type ClosureForm } from '../../compose/closure-forms.js';
import { layoutPacket, type PacketPart } from '../../compose/packet.js';
import { chineseDate } from '../../model/dates.js';
import { cumulativeEvidenceByProblem } from '../../derive/evidence.js';
import { UserError } from '../../diagnostics/user-error.js';
import { renderClosureFormsDocx } from '../../render/docx/closure-forms.js';
import { renderContentsListDocx } from '../../render/docx/contents-list.js';
import { renderReportDocx } from '../../render/docx/report.js';
import { renderLedgerXlsx } from '../../render/xlsx/ledger.js';
import { loadTemplates } from '../../templates/load.js';
import { planOutputDir } from '../../write/output-paths.js';
import { writePacket } from '../../write/packet.js';
import { terminalProgress } from '../terminal-progress.js';
import { periodContext } from './period.js';
import { asUserError, loadCheckedFolder, requireSofficeIf, type Print } from './shared.js';

export interface PacketOptions {
  planDir: string;
  period: string;
  out: string;
  pdf: boolean;
  zip: boolean;
  templates?: string;
}

function fileCount(part: PacketPart): number {
  return part.files.length;
}

/** `zhenggai packet`: the county packet for a period, built whole or not at all. */
export async function packetCommand(options: PacketOptions, out: Print, err: Print): Promise<number> {
  await requireSofficeIf(options.pdf);
  const templates = await loadTemplates(options.templates);
  const folder = await loadCheckedFolder(options.planDir, err);
  const { progress, view, history } = periodContext(folder, options.period);
  const meta = progress.report;
  if (!meta) throw new UserError(`progress/${options.period}.json 还没有 report（报告文号、签发人、主送和各部分文字），无法生成报送材料`);

  const forms = composeClosureForms(folder.plan, view, history);
  const formsOf = (kind: ClosureForm['kind']) => forms.filter((f) => f.kind === kind);
  const report = await renderReportDocx(folder.plan, view, progress, templates);
  const layout = layoutPacket(
    { reportTitle: report.title, period: options.period, hasFilledForms: formsOf('filled').length > 0, hasBlankForms: formsOf('blank').length > 0 },
    folder.plan.problems,
    cumulativeEvidenceByProblem(history, options.period),
  );
  const documents = new Map<string, Uint8Array>();
  for (const part of layout.parts) {
    const file = part.files[0]!;
    if (part.kind === 'report') documents.set(file, report.buffer);
    if (part.kind === 'ledger') documents.set(file, (await renderLedgerXlsx(folder.plan, view, history)).buffer);
    if (part.kind === 'closure-filled') documents.set(file, await renderClosureFormsDocx(formsOf('filled'), { title: part.title, date: progress.asOf }));
    if (part.kind === 'closure-blank') documents.set(file, await renderClosureFormsDocx(formsOf('blank'), { title: part.title, date: progress.asOf }));
  }

  const root = planOutputDir(options.out, folder.name);
  const destination = path.join(root, `packet-${options.period}`);
  const [year, month] = options.period.split('-').map(Number) as [number, number];
  try {
    const result = await writePacket({
      destination,
      ...(options.zip ? { zipPath: path.join(root, `packet-${options.period}.zip`) } : {}),
      layout,
      documents,
      evidenceDir: folder.evidenceDir,
      pdf: options.pdf,
      date: progress.asOf,
      progress: terminalProgress(),
      contents: (pages) =>
        renderContentsListDocx({
          title: '报送材料清单',
          subtitle: `${meta.issuer}　${year}年${month}月（截至${chineseDate(progress.asOf)}）`,
          rows: layout.parts.map((part) => ({ index: part.index, title: part.title, fileCount: fileCount(part), ...(pages?.has(part.index) ? { pageCount: pages.get(part.index)! } : {}) })),
          date: progress.asOf,
        }),
    });
    out(`已生成报送材料 ${destination}（${result.files.length} 个文件）`);
    if (result.zipPath) out(`已写出 ${result.zipPath}`);
  } catch (error) {
    throw asUserError(error);
  }
  return 0;
}
