// zhenggai import <plan-dir> <files..> --period YYYY-MM [--force]
import type { Argv } from 'yargs';
import { periodOption, planDirPositional, type Runner } from '../options.js';

export function importCommand(yargs: Argv, run: Runner): Argv {
  return yargs.command(
    'import <plan-dir> <files..>',
    '导入各单位填好的填报表到 progress/<期次>.json / Import filled unit forms into progress/<period>.json',
    (y) =>
      y
        .positional('plan-dir', planDirPositional)
        .positional('files', { type: 'string', array: true, demandOption: true, describe: '填好的填报表（.xlsx）/ filled forms' })
        .option('period', periodOption)
        .option('force', { type: 'boolean', default: false, describe: '替换单位本期已导入的填报内容 / replace answers already imported' }),
    (args) =>
      run(async (io) => {
        const { importForms } = await import('../../documents/import.js');
        return importForms({ planDir: args.planDir, period: args.period, files: args.files, force: args.force }, io);
      }),
  );
}
