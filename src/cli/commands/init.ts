// zhenggai init <dir> --from-table <table.xlsx|.docx>
import type { Argv } from 'yargs';
import type { Runner } from '../options.js';

export function initCommand(yargs: Argv, run: Runner): Argv {
  return yargs.command(
    'init <dir>',
    '从已有的任务分解表（xlsx/docx）生成 plan.json / Start a plan from an existing task table',
    (y) =>
      y
        .positional('dir', { type: 'string', demandOption: true, describe: '新方案文件夹 / new plan folder' })
        .option('from-table', { type: 'string', demandOption: true, describe: '任务分解表文件（.xlsx 或 .docx）/ task table file' }),
    (args) =>
      run(async (io) => {
        const { initPlan } = await import('../../documents/init.js');
        await initPlan({ dir: args.dir, fromTable: args.fromTable }, io);
        return 0;
      }),
  );
}
