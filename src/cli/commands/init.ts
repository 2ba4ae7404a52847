import { access } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../../diagnostics/user-error.js';
import { readOfficeFile, type OfficeKind } from '../../load/import-package.js';
import { importTaskTable, type TableSource } from '../../load/table-import.js';
import { docxTableSources } from '../../load/table-import-docx.js';
import { planJson, unmappedReport } from '../../load/table-import-plan.js';
import { xlsxTableSources } from '../../load/table-import-xlsx.js';
import { writeFileAtomic } from '../../write/atomic.js';
import type { Print } from './shared.js';

export interface InitOptions {
  dir: string;
  fromTable: string;
}

export const UNMAPPED_FILE = '未映射内容.txt';

/** `zhenggai init <dir> --from-table <file>`: plan.json from an existing task table, never over an existing one. */
export async function initCommand(options: InitOptions, out: Print): Promise<number> {
  const planFile = path.join(options.dir, 'plan.json');
  if (await exists(planFile)) throw new UserError(`${planFile} 已存在，未覆盖 (plan.json exists; nothing was written)`);
  const sources = await tableSources(options.fromTable);
  const table = importTaskTable(sources);
  if (!table) {
    throw new UserError(`${options.fromTable} 中没有找到任务分解表：表头应含“序号”及“问题简述”“整改措施”“整改时限”“牵头单位”等列名 (no task table found)`);
  }
  if (table.problems.length === 0) throw new UserError(`${options.fromTable}（${table.source}）的表头下没有带序号的问题行 (no numbered rows)`);
  const plan = planJson(table, schemaRefFrom(options.dir));
  await writeFileAtomic(planFile, `${JSON.stringify(plan, null, 2)}\n`);
  const report = path.join(options.dir, UNMAPPED_FILE);
  await writeFileAtomic(report, unmappedReport(table, path.basename(options.fromTable)));
  out(`已写出 ${planFile}（${table.problems.length} 个问题、${table.categories.length} 个类别、${table.units.length} 个单位）`);
  out(`已写出 ${report}：表格中没有的内容须补填，运行 zhenggai check ${options.dir} 查看 (fill in what the table lacks; see zhenggai check)`);
  return 0;
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
  // src/cli/commands/ and dist/cli/commands/ are both three levels below the package root.
  const schema = fileURLToPath(new URL('../../../schema/plan.schema.json', import.meta.url));
  if (!existsSync(schema)) return undefined;
  return path.relative(path.resolve(dir), schema).split(path.sep).join('/');
}
