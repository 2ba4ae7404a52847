// plan.json and the list of what the table could not give, from an imported
// task table. Fields the table does not hold are written as empty strings:
// the schema rejects them, so `zhenggai check` lists each one with its line
// for the clerk to fill, and no guessed or placeholder wording can reach an
// official document (an empty 发文字号 stops every document command).
import { FIELD_LABELS } from '../model/vocabulary.js';
import { DEFAULT_SHOWN_AS, formatShownNumber } from '../model/numbering.js';
import type { HeaderReading, Renumbering, TableImport } from './table-import.js';

/** The fields a table never holds, with what the clerk writes there. */
const TO_FILL: ReadonlyArray<[string, string]> = [
  ['notice.issuerMark', '发文机关标志，如“××镇人民政府文件”'],
  ['notice.docNumber', '发文字号，如“××府发〔2023〕27号”'],
  ['notice.title', '通知标题'],
  ['notice.recipients', '主送机关（不含末尾冒号）'],
  ['notice.body[0]', '通知正文'],
  ['notice.signatory', '署名（发文机关）'],
  ['notice.date', '成文日期 YYYY-MM-DD（无年份的整改时限按此年份理解）'],
  ['plan.title', '方案标题'],
  ['plan.preamble[0]', '方案开头段落'],
  ['plan.goal.heading', '“整改目标”部分的标题'],
  ['plan.goal.paragraphs[0]', '整改目标段落'],
  ['plan.problemsHeading', '问题及整改措施部分的标题'],
  ['plan.requirements.heading', '“整改要求”部分的标题'],
  ['plan.requirements.items[0]', '整改要求（段首小标题 heading 与正文 text）'],
];

/**
 * plan.json from an imported table: the table's problems, categories, units
 * and columns, every field the table cannot hold left empty for `check` to
 * name. A table without categories (no category column, no section rows, or
 * a category column left blank) gives a flat plan, which has no category
 * column either (docs/domain.md#categories).
 */
export function planJson(table: TableImport, schemaRef: string | undefined): Record<string, unknown> {
  const title = table.titleLines.join('');
  const flat = table.categories.length === 0;
  const columns = flat ? table.tableColumns?.filter((c) => c.field !== 'category') : table.tableColumns;
  return {
    ...(schemaRef ? { $schema: schemaRef } : {}),
    notice: { issuerMark: '', docNumber: '', title: '', recipients: '', body: [''], signatory: '', date: '' },
    plan: {
      title: '',
      preamble: [''],
      goal: { heading: '', paragraphs: [''] },
      problemsHeading: '',
      requirements: { heading: '', items: [{ heading: '', text: '' }] },
      attachmentTitle: title,
      ...(table.titleLines.length > 1 ? { attachmentTitleLines: table.titleLines } : {}),
    },
    // The label is the id: readable in plan.json, and unique because labels are.
    // A table without categories gives a flat plan: no categories, no category on any problem.
    ...(flat ? {} : { categories: table.categories.map((label) => ({ id: label, heading: table.categoryHeadings.get(label) ?? '', label })) }),
    units: table.units.map((name) => ({ name })),
    // A problem the table gives no category (a blank cell before the first one) has none, for `check` to name.
    problems: table.problems.map((problem) => {
      if (problem.category !== '') return problem;
      const { category: _none, ...rest } = problem;
      return rest;
    }),
    ...(columns ? { tableColumns: columns } : {}),
    ...(table.numberedByCategory ? { numbering: { scope: 'category', shownAs: DEFAULT_SHOWN_AS } } : {}),
  };
}

/** The clerk's to-do list, written beside plan.json. */
export function unmappedReport(table: TableImport, origin: string): string {
  const lines = [
    `从 ${origin}（${table.source}）导入的任务分解表`,
    `识别出 ${table.problems.length} 个问题、${table.categories.length === 0 ? '不分类' : `${table.categories.length} 个类别`}、${table.units.length} 个单位。`,
    '',
    '一、表格中没有、须在 plan.json 中填写的内容（已留空；运行 zhenggai check 会逐项指出）',
    ...TO_FILL.map(([path, what]) => `- ${path}：${what}`),
    ...table.categories.flatMap((label, i) => (table.categoryHeadings.has(label) ? [] : [`- categories[${i}].heading：类别“${label}”在方案正文中的标题（如“××发现问题”）`])),
    ...(table.titleLines.length === 0 ? ['- plan.attachmentTitle：附件（任务分解表）标题（表格上方没有找到“附件”及标题）'] : []),
    '- notice.public（是否公开发布）、notice.sealed（是否加盖印章）缺省为否，请核对；附注、版记、单位全称按需补充。',
    '',
    '二、未对应到方案字段的列（内容未写入 plan.json）',
    ...(table.unmappedColumns.length === 0 ? ['（无）'] : table.unmappedColumns.flatMap(unmappedColumn)),
    '',
    '三、未识别的行（既不是问题，也不是问题的续行）',
    ...(table.skippedRows.length === 0 ? ['（无）'] : table.skippedRows.map((r) => `- ${r.row}：${r.text}`)),
    '',
    '四、请核对',
    '- 整改措施按“一是……二是……”（或逐行编号）拆分为列表，拆分处请核对。',
    '- 牵头单位、配合单位按“、”拆分；单位名录按出现顺序生成，可补充全称。',
    ...(table.categories.length === 0
      ? ['- 表格没有类别，方案按不分类的问题清单生成（没有 categories，各问题没有 category）；如需分类，请在 categories 中列出各类别，并给每个问题写上 category。']
      : ['- 类别以表格中的简称为 id 和 label；表格跨页重复的类别名已合并为同一类别。']),
    ...table.readings.map((r) => `- 列“${oneLine(r.header)}”读作“${FIELD_LABELS[r.field]}”（${READING[r.reading]}）。`),
    ...table.categories.flatMap((label, i) =>
      table.categoryHeadings.has(label) ? [`- 类别“${label}”取自表格中的分节行，已同时作为 id、label 和方案正文中的标题（categories[${i}]），请核对。`] : [],
    ),
    ...renumberedLines(table.renumbered),
    ...(table.numberedByCategory
      ? [
          `- 表格的序号在每个类别中从 1 编起，已照录（plan.json 的 numbering.scope 为 category）。类别不在旁边的地方（进展报告、台账、填报表、销号审批表、进展文件）写作“类别序号-类别内序号”，如“${formatShownNumber(DEFAULT_SHOWN_AS, 2, 3)}”；如需其他写法，改 numbering.shownAs（如“（{category}）{number}”写作“${formatShownNumber('（{category}）{number}', 2, 3)}”）。`,
        ]
      : []),
    ...table.cellNotes.map((n) => `- ${n.row}（第 ${n.number} 号问题）“${oneLine(n.header)}”：${n.note}，该项按空白读入。`),
    ...table.headerless.map((label) => `- ${label}没有表头，按前一个表格的列读入，请核对。`),
    ...table.otherTables.map((label) => `- ${label}也像任务分解表，但列不同或不在同一文档表格中，未导入；如需导入，请合并到${table.source.split('、')[0]}后再运行 init。`),
  ];
  return `${lines.join('\n')}\n`;
}

const READING: Record<HeaderReading, string> = {
  label: '字段名称',
  name: '常见的表头写法',
  beside: '与另一列并列时的含义',
  ending: '按表头的结尾判断',
  map: '--map 指定',
};

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, '');
}

/** The renumbering, one line per part of the table: “类别”中的第 1—5 号 → 第 6—10 号. */
function renumberedLines(changes: readonly Renumbering[]): string[] {
  if (changes.length === 0) return [];
  const parts: Renumbering[][] = [];
  for (const c of changes) {
    if (c.from === 1 || parts.length === 0) parts.push([]);
    parts.at(-1)!.push(c);
  }
  const range = (a: number, b: number) => (a === b ? `${a}` : `${a}—${b}`);
  return [
    `- 表格的序号在各部分重新从 1 编起；方案的问题序号须从 1 连续编到 ${changes.length}，已按表格顺序重新编号（进度、填报表、台账都用新序号）：`,
    ...parts.map((p) => `  ${p[0]!.section ? `“${p[0]!.section}”中的` : ''}第 ${range(p[0]!.from, p.at(-1)!.from)} 号 → 第 ${range(p[0]!.to, p.at(-1)!.to)} 号`),
  ];
}

function unmappedColumn(column: TableImport['unmappedColumns'][number]): string[] {
  const header = column.header.replace(/\n/g, '') || '（无表头）';
  return [`- 列“${header}”：`, ...column.values.map((v) => `  第 ${v.number} 号问题：${v.text.replace(/\n/g, ' ')}`)];
}
