// Pipeline: a new plan.json from a task table an office already has (.xlsx or
// .docx), and 未映射内容.txt listing what the table could not say. The table is
// read by load/table-import*.ts; nothing is written over an existing plan.

import { access } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../diagnostics/user-error.js';
import { FIELD_LABELS, TABLE_FIELDS, type TableField } from '../model/vocabulary.js';
import { readOfficeFile, type OfficeKind } from '../load/import-package.js';
import { compactHeader, mapFieldList, missingColumnsNote, readTaskTable, type HeaderMap, type TableSource } from '../load/table-import.js';
import { docxTableSources, NotWordprocessingError } from '../load/table-import-docx.js';
import { SpreadsheetError } from '../formats/ooxml/spreadsheet.js';
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
  /** A line for the clerk when columns every problem needs were not found (else undefined). */
  missingColumns?: string;
}

/**
 * The plan from a table file's sources (pure). `schemaRef` is plan.json's
 * `$schema`; `map` maps headers by hand (parseHeaderMap). Throws UserError
 * when no task table or no numbered row is found, saying what was found.
 */
export function planFromTable(sources: TableSource[], fileName: string, schemaRef: string | undefined, map?: HeaderMap): InitResult {
  const read = readTaskTable(sources, map ? { map } : {});
  if (!read.ok) throw new UserError(`${fileName}：${read.reason}`);
  const table = read.table;
  return {
    planText: `${JSON.stringify(planJson(table, schemaRef), null, 2)}\n`,
    unmappedText: unmappedReport(table, path.basename(fileName)),
    counts: { problems: table.problems.length, categories: table.categories.length, units: table.units.length },
    ...(table.missingFields.length === 0 ? {} : { missingColumns: missingColumnsNote(table) }),
  };
}

/** What --map may name: a field's name in plan.json, its label, or none (leave the column out). */
const NO_FIELD = 'none';

/**
 * `--map "表头=字段"` options as a header map: the header compared as the
 * importer compares headers (no spaces or line breaks), the field by its name
 * (summary) or its label (问题简述), or none. A malformed option, an unknown
 * field or a header given twice is a UserError listing what is allowed.
 */
export function parseHeaderMap(options: readonly string[]): HeaderMap | undefined {
  if (options.length === 0) return undefined;
  const map = new Map<string, TableField | null>();
  for (const option of options) {
    const at = option.lastIndexOf('=');
    const header = compactHeader(at < 0 ? '' : option.slice(0, at));
    const name = at < 0 ? '' : option.slice(at + 1).trim();
    if (header === '' || name === '') throw new UserError(`--map "${option}"：应写作 --map "表头=字段"，如 --map "问题清单=summary" (expected header=field)`);
    const field = name.toLowerCase() === NO_FIELD ? null : (TABLE_FIELDS.find((f) => f.toLowerCase() === name.toLowerCase() || FIELD_LABELS[f] === name) ?? undefined);
    if (field === undefined) throw new UserError(`--map "${option}"：没有字段“${name}”；字段有：${mapFieldList()}，或 ${NO_FIELD}（不导入该列）(unknown field)`);
    if (map.has(header)) throw new UserError(`--map：表头“${header}”指定了两次 (header mapped twice)`);
    map.set(header, field);
  }
  return map;
}

/** `init <dir> --from-table <file> [--map 表头=字段 …]`: write <dir>/plan.json and <dir>/未映射内容.txt; never over an existing plan.json (UserError). */
export async function initPlan(options: { dir: string; fromTable: string; map?: readonly string[] }, io: Io): Promise<void> {
  const map = parseHeaderMap(options.map ?? []);
  const planFile = path.join(options.dir, 'plan.json');
  const refuseExisting = async () => {
    if (await exists(planFile)) throw new UserError(`${planFile} 已存在，未覆盖 (plan.json exists; nothing was written)`);
  };
  await refuseExisting();
  const result = planFromTable(await tableSources(options.fromTable), options.fromTable, schemaRefFrom(options.dir), map);
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
  const categories = result.counts.categories === 0 ? '不分类' : `${result.counts.categories} 个类别`;
  io.out(`已写出 ${planFile}（${result.counts.problems} 个问题、${categories}、${result.counts.units} 个单位）`);
  io.out(`已写出 ${report}：表格中没有的内容须补填，运行 zhenggai check ${options.dir} 查看 (fill in what the table lacks; see zhenggai check)`);
  if (result.missingColumns) io.err(result.missingColumns);
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

/** The table file's sources; `shown` names it in messages (the server keeps uploads under generated names). */
async function tableSources(file: string, shown: string = file): Promise<TableSource[]> {
  const kind = kindOf(shown);
  const read = await readOfficeFile(file, shown, kind, { mainPart: 'related' });
  if (!read.data) throw new UserError(`${shown}：${read.diagnostic!.message}`);
  try {
    return kind === 'xlsx' ? xlsxTableSources(read.data) : docxTableSources(read.data);
  } catch (error) {
    if (error instanceof SpreadsheetError || error instanceof NotWordprocessingError) throw new UserError(`${shown}：${error.message}`);
    const detail = error instanceof Error ? `: ${error.message}` : '';
    throw new UserError(`${shown}：文件已损坏或格式不受支持，无法读取 (the file cannot be read${detail})`);
  }
}

/**
 * `init --from-table` without a folder (the server): the plan read from the
 * table file at `file`, named `shown` in messages (its extension, .xlsx or
 * .docx, says how to read it), with `--map` options; plan.json gets no
 * `$schema`. Same errors as initPlan.
 */
export async function planFromTableFile(file: string, shown: string, map: readonly string[] = []): Promise<InitResult> {
  return planFromTable(await tableSources(file, shown), shown, undefined, parseHeaderMap(map));
}

/** plan.json's $schema: a path from the new folder to the JSON Schema shipped with zhenggai, so editors complete it. */
function schemaRefFrom(dir: string): string | undefined {
  // src/documents/ and dist/documents/ are both two levels below the package root.
  const schema = fileURLToPath(new URL('../../schema/plan.schema.json', import.meta.url));
  if (!existsSync(schema)) return undefined;
  return path.relative(path.resolve(dir), schema).split(path.sep).join('/');
}
