// zhenggai table <plan-dir> [--type xlsx|docx|both] [--out] [--pdf]
import type { Argv } from 'yargs';
import { outOption, pdfOption, planDirPositional, type Runner } from '../options.js';

export function tableCommand(yargs: Argv, run: Runner): Argv {
  return yargs.command(
    'table <plan-dir>',
    '生成任务分解和责任分工表（Excel、Word）/ Write the task table (附件) as Excel and Word',
    (y) =>
      y
        .positional('plan-dir', planDirPositional)
        .option('type', { choices: ['xlsx', 'docx', 'both'] as const, default: 'both' as const, describe: '文件类型 / file type' })
        .option('out', outOption)
        .option('pdf', pdfOption),
    (args) =>
      run(async (io) => {
        const { writeDocument } = await import('../../documents/files.js');
        const { buildTaskTable } = await import('../../documents/task-table.js');
        await writeDocument({ planDir: args.planDir, out: args.out, pdf: args.pdf }, io, (data) => buildTaskTable(data.plan, args.type));
        return 0;
      }),
  );
}
