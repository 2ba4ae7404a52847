// zhenggai forms <plan-dir> --period YYYY-MM [--out]
import type { Argv } from 'yargs';
import { outOption, periodOption, planDirPositional, type Runner } from '../options.js';

export function formsCommand(yargs: Argv, run: Runner): Argv {
  return yargs.command(
    'forms <plan-dir>',
    '生成各牵头单位的进展填报表（Excel）/ Write a progress form for each lead unit',
    (y) => y.positional('plan-dir', planDirPositional).option('period', periodOption).option('out', outOption),
    (args) =>
      run(async (io) => {
        const { writeDocument } = await import('../../documents/files.js');
        const { buildUnitForms } = await import('../../documents/unit-forms.js');
        const written = await writeDocument({ planDir: args.planDir, out: args.out, pdf: false }, io, (data) => buildUnitForms(data, args.period));
        io.out(`共 ${written.length} 个单位的填报表 (${written.length} unit form(s))`);
        return 0;
      }),
  );
}
