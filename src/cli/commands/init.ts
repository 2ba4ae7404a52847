// zhenggai init <dir> --from-table <table.xlsx|.docx> [--map 表头=字段 …]
import type { Argv } from 'yargs';
import type { Runner } from '../options.js';

export function initCommand(yargs: Argv, run: Runner): Argv {
  return yargs.command(
    'init <dir>',
    '从已有的任务分解表（xlsx/docx）生成 plan.json / Start a plan from an existing task table',
    (y) =>
      y
        .positional('dir', { type: 'string', demandOption: true, describe: '新方案文件夹 / new plan folder' })
        .option('from-table', { type: 'string', demandOption: true, describe: '任务分解表文件（.xlsx 或 .docx）/ task table file' })
        .option('map', {
          type: 'string',
          array: true,
          nargs: 1,
          describe: '指定表头对应的字段，可重复，如 --map "问题清单=summary" --map "说明=none" / map a header to a field (repeatable)',
        }),
    (args) =>
      run(async (io) => {
        const { initPlan } = await import('../../documents/init.js');
        await initPlan({ dir: args.dir, fromTable: args.fromTable, map: (args.map ?? []).map(String) }, io);
        return 0;
      }),
  );
}
