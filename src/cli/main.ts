// The CLI only parses arguments and calls the library. Every failure crosses
// this one boundary, which prints a message and returns the exit code.
import yargs from 'yargs';
import { formatText } from '../diagnostics/format.js';
import { UserError } from '../diagnostics/user-error.js';
import { DEFAULT_OUT_ROOT } from '../write/output-paths.js';

type Print = (text: string) => void;

export interface Io {
  out: Print;
  err: Print;
}

const defaultIo: Io = { out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`) };

function reportFailure(error: unknown, io: Io): number {
  if (error instanceof UserError) {
    if (error.diagnostics.length > 0) io.err(formatText(error.diagnostics));
    io.err(`错误 (error): ${error.message}`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`内部错误 (internal error): ${message}`);
  if (process.env.ZHENGGAI_DEBUG && error instanceof Error && error.stack) io.err(error.stack);
  else io.err('请把此信息连同输入文件报告给维护者；设置 ZHENGGAI_DEBUG=1 可显示详细信息。');
  return 2;
}

const outOption = { type: 'string', default: DEFAULT_OUT_ROOT, describe: '输出根文件夹 / output root (documents go to <out>/<plan>/)' } as const;
const periodOption = { type: 'string', demandOption: true, describe: '期次 YYYY-MM / reporting period' } as const;
const templatesOption = { type: 'string', describe: '自定义模板文件夹（缺少的模板用内置的）/ your own templates folder' } as const;
const pdfOption = { type: 'boolean', default: false, describe: '同时用 LibreOffice 生成 PDF / also convert to PDF with LibreOffice' } as const;

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let exitCode = 0;
  const run = async (task: () => Promise<number>): Promise<void> => {
    exitCode = await task();
  };
  const parser = yargs(argv)
    .scriptName('zhenggai')
    .usage('zhenggai <命令> [选项]\n\n整改工作文书生成工具 — rectification paperwork from plan data (GB/T 9704-2012)')
    .command(
      'check <plan-dir>',
      '检查方案与进展数据 / Check a plan folder and its progress files',
      (y) =>
        y
          .positional('plan-dir', { type: 'string', demandOption: true, describe: '方案文件夹 / plan folder' })
          .option('format', { choices: ['text', 'json'] as const, default: 'text' as const, describe: '输出格式 / output format' }),
      (args) =>
        run(async () => {
          const { checkCommand } = await import('./commands/check.js');
          return checkCommand(args.planDir, args.format, io.out);
        }),
    )
    .command(
      'table <plan-dir>',
      '生成任务分解和责任分工表（Excel、Word）/ Write the task table (附件) as Excel and Word',
      (y) =>
        y
          .positional('plan-dir', { type: 'string', demandOption: true, describe: '方案文件夹 / plan folder' })
          .option('type', { choices: ['xlsx', 'docx', 'both'] as const, default: 'both' as const, describe: '文件类型 / file type' })
          .option('out', outOption)
          .option('pdf', pdfOption),
      (args) =>
        run(async () => {
          const { tableCommand } = await import('./commands/table.js');
          return tableCommand({ planDir: args.planDir, type: args.type, out: args.out, pdf: args.pdf }, io.out, io.err);
        }),
    )
    .command(
      'notice <plan-dir>',
      '生成印发方案的通知（含方案和附件表）/ Write the notice issuing the plan, with the plan and its table',
      (y) =>
        y
          .positional('plan-dir', { type: 'string', demandOption: true, describe: '方案文件夹 / plan folder' })
          .option('out', outOption)
          .option('pdf', pdfOption)
          .option('templates', templatesOption),
      (args) =>
        run(async () => {
          const { noticeCommand } = await import('./commands/notice.js');
          return noticeCommand({ planDir: args.planDir, out: args.out, pdf: args.pdf, templates: args.templates }, io.out, io.err);
        }),
    )
    .command(
      'report <plan-dir>',
      '生成本期整改进展情况报告（Word）和整改台账（Excel）/ Write the period’s progress report and ledger',
      (y) =>
        y
          .positional('plan-dir', { type: 'string', demandOption: true, describe: '方案文件夹 / plan folder' })
          .option('period', periodOption)
          .option('out', outOption)
          .option('pdf', pdfOption)
          .option('templates', templatesOption),
      (args) =>
        run(async () => {
          const { reportCommand } = await import('./commands/report.js');
          return reportCommand({ planDir: args.planDir, period: args.period, out: args.out, pdf: args.pdf, templates: args.templates }, io.out, io.err);
        }),
    )
    .command(
      'packet <plan-dir>',
      '生成报送县里的材料包（报告、台账、销号审批表、佐证材料、清单、校验清单）/ Build the county submission packet',
      (y) =>
        y
          .positional('plan-dir', { type: 'string', demandOption: true, describe: '方案文件夹 / plan folder' })
          .option('period', periodOption)
          .option('out', outOption)
          .option('pdf', pdfOption)
          .option('zip', { type: 'boolean', default: false, describe: '同时生成 zip 压缩包 / also write packet-<period>.zip' })
          .option('templates', templatesOption),
      (args) =>
        run(async () => {
          const { packetCommand } = await import('./commands/packet.js');
          return packetCommand({ planDir: args.planDir, period: args.period, out: args.out, pdf: args.pdf, zip: args.zip, templates: args.templates }, io.out, io.err);
        }),
    )
    .command(
      'forms <plan-dir>',
      '生成各牵头单位的进展填报表（Excel）/ Write a progress form for each lead unit',
      (y) =>
        y
          .positional('plan-dir', { type: 'string', demandOption: true, describe: '方案文件夹 / plan folder' })
          .option('period', { type: 'string', demandOption: true, describe: '期次 YYYY-MM / reporting period' })
          .option('out', outOption),
      (args) =>
        run(async () => {
          const { formsCommand } = await import('./commands/forms.js');
          return formsCommand({ planDir: args.planDir, period: args.period, out: args.out }, io.out, io.err);
        }),
    )
    .command(
      'import <plan-dir> <files..>',
      '导入各单位填好的填报表到 progress/<期次>.json / Import filled unit forms into progress/<period>.json',
      (y) =>
        y
          .positional('plan-dir', { type: 'string', demandOption: true, describe: '方案文件夹 / plan folder' })
          .positional('files', { type: 'string', array: true, demandOption: true, describe: '填好的填报表（.xlsx）/ filled forms' })
          .option('period', { type: 'string', demandOption: true, describe: '期次 YYYY-MM / reporting period' })
          .option('force', { type: 'boolean', default: false, describe: '替换单位本期已导入的填报内容 / replace answers already imported' }),
      (args) =>
        run(async () => {
          const { importCommand } = await import('./commands/import.js');
          return importCommand({ planDir: args.planDir, period: args.period, files: args.files, force: args.force }, io.out, io.err);
        }),
    )
    .command(
      'init <dir>',
      '从已有的任务分解表（xlsx/docx）生成 plan.json / Start a plan from an existing task table',
      (y) =>
        y
          .positional('dir', { type: 'string', demandOption: true, describe: '新方案文件夹 / new plan folder' })
          .option('from-table', { type: 'string', demandOption: true, describe: '任务分解表文件（.xlsx 或 .docx）/ task table file' }),
      (args) =>
        run(async () => {
          const { initCommand } = await import('./commands/init.js');
          return initCommand({ dir: args.dir, fromTable: args.fromTable }, io.out);
        }),
    )
    .command(
      'schema',
      '导出 JSON Schema（供编辑器自动补全）/ Write the JSON Schemas for editors',
      (y) => y.option('out', { type: 'string', default: 'schema', describe: '输出文件夹 / output folder' }),
      (args) =>
        run(async () => {
          const { schemaCommand } = await import('./commands/schema.js');
          return schemaCommand(args.out, io.out);
        }),
    )
    .demandCommand(1, '请指定命令 / Please name a command')
    .strict()
    .help('help')
    .alias('help', 'h')
    .version()
    .locale('zh_CN')
    .wrap(null)
    .exitProcess(false)
    .fail((message, error, y) => {
      if (error) throw error;
      // A usage slip gets the help of the command it concerns, then exit 1.
      let help = '';
      y.showHelp((text: string) => {
        help = text;
      });
      throw new UserError(`${message}\n\n${help}`);
    });
  try {
    await parser.parseAsync();
    return exitCode;
  } catch (error) {
    return reportFailure(error, io);
  }
}
