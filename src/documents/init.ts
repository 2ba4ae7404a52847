// Pipeline: a new plan.json from a task table an office already has (.xlsx or
// .docx), and 未映射内容.txt listing what the table could not say. The table is
// read by load/table-import*.ts; nothing is written over an existing plan.

import { access } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../diagnostics/user-error.js';
import { FIELD_LABELS } from '../model/vocabulary.js';
import { readOfficeFile, type OfficeKind } from '../load/import-package.js';
import { importTaskTable, type TableSource } from '../load/table-import.js';
import { docxTableSources } from '../load/table-import-docx.js';
import { planJson, unmappedReport } from '../load/table-import-plan.js';
import { xlsxTableSources } from '../load/table-import-xlsx.js';
import { writeFilesTogether } from '../write/atomic.js';
import { writingInto, type Io } from './files.js';

export const UNMAPPED_FILE = '未映射内容.txt';

/** What init makes: plan.json's text and the list of what to fill in by hand, with counts for the message. */
export interface InitResult {
  planText: string;
  unmappedText: string;
  counts: { problems: number; categories: number; units: number };
}

/**
 * The plan from a table file's sources (pure). `schemaRef` is plan.json's
 * `$schema`. Throws UserError when no task table or no numbered row is found.
 */
export function planFromTable(sources: TableSource[], fileName: string, schemaRef: string | undefined): InitResult {
  const table = importTaskTable(sources);
  if (!table) {
    const [first, ...more] = (['number', 'summary', 'measures', 'deadline', 'leadUnits'] as const).map((f) => `“${FIELD_LABELS[f]}”`);
    throw new UserError(`${fileName} 中没有找到任务分解表：表头应含${first}及${more.join('')}等列名 (no task table found)`);
  }
  if (table.problems.length === 0) throw new UserError(`${fileName}（${table.source}）的表头下没有带序号的问题行 (no numbered rows)`);
  return {
    planText: `${JSON.stringify(planJson(table, schemaRef), null, 2)}\n`,
    unmappedText: unmappedReport(table, path.basename(fileName)),
    counts: { problems: table.problems.length, categories: table.categories.length, units: table.units.length },
  };
}

/** `init <dir> --from-table <file>`: write <dir>/plan.json and <dir>/未映射内容.txt; never over an existing plan.json (UserError). */
export async function initPlan(options: { dir: string; fromTable: string }, io: Io): Promise<void> {
  const planFile = path.join(options.dir, 'plan.json');
  const refuseExisting = async () => {
    if (await exists(planFile)) throw new UserError(`${planFile} 已存在，未覆盖 (plan.json exists; nothing was written)`);
  };
  await refuseExisting();
  const result = planFromTable(await tableSources(options.fromTable), options.fromTable, schemaRefFrom(options.dir));
  const report = path.join(options.dir, UNMAPPED_FILE);
  // Both files or neither, and never over a plan.json another run wrote meanwhile.
  await writingInto(
    options.dir,
    io,
    async () => {
      await refuseExisting();
      await writeFilesTogether(options.dir, [
        { path: planFile, data: result.planText },
        { path: report, data: result.unmappedText },
      ]);
    },
    { subfolders: [] },
  );
  io.out(`已写出 ${planFile}（${result.counts.problems} 个问题、${result.counts.categories} 个类别、${result.counts.units} 个单位）`);
  io.out(`已写出 ${report}：表格中没有的内容须补填，运行 zhenggai check ${options.dir} 查看 (fill in what the table lacks; see zhenggai check)`);
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

function kindOf(file: string): OfficeKind {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx' || ext === '.docx') return ext.slice(1) as OfficeKind;
  throw new UserError(`${file}：只能从 .xlsx 或 .docx 文件导入（.xls/.doc 请先另存为新格式）/ only .xlsx and .docx are read`);
}

async function tableSources(file: string): Promise<TableSource[]> {
  const kind = kindOf(file);
  const read = await readOfficeFile(file, file, kind);
  if (!read.data) throw new UserError(`${file}：${read.diagnostic!.message}`);
  try {
    return kind === 'xlsx' ? await xlsxTableSources(read.data) : docxTableSources(read.data);
  } catch {
    throw new UserError(`${file}：文件已损坏或格式不受支持，无法读取 (the file cannot be read)`);
  }
}

/** plan.json's $schema: a path from the new folder to the JSON Schema shipped with zhenggai, so editors complete it. */
function schemaRefFrom(dir: string): string | undefined {
  // src/documents/ and dist/documents/ are both two levels below the package root.
  const schema = fileURLToPath(new URL('../../schema/plan.schema.json', import.meta.url));
  if (!existsSync(schema)) return undefined;
  return path.relative(path.resolve(dir), schema).split(path.sep).join('/');
}
