// zhenggai forms <plan-dir> --period YYYY-MM [--out] [--templates]
import type { Argv } from 'yargs';
import { outOption, periodOption, planDirPositional, templatesOption, type Runner } from '../options.js';

export function formsCommand(yargs: Argv, run: Runner): Argv {
  return yargs.command(
    'forms <plan-dir>',
    '生成各牵头单位的进展填报表（Excel）/ Write a progress form for each lead unit',
    (y) => y.positional('plan-dir', planDirPositional).option('period', periodOption).option('out', outOption).option('templates', templatesOption),
    (args) =>
      run(async (io) => {
        const { writeDocument } = await import('../../documents/files.js');
        const { buildUnitForms } = await import('../../documents/unit-forms.js');
        const options = { planDir: args.planDir, out: args.out, pdf: false, templates: args.templates };
        const written = await writeDocument(options, io, (data, templates) => buildUnitForms(data, args.period, templates));
        io.out(`共 ${written.length} 个单位的填报表 (${written.length} unit form(s))`);
        return 0;
      }),
  );
}
