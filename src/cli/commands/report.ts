// zhenggai report <plan-dir> --period YYYY-MM [--out] [--pdf] [--templates]
import type { Argv } from 'yargs';
import { periodDocumentArgs, type Runner } from '../options.js';

export function reportCommand(yargs: Argv, run: Runner): Argv {
  return yargs.command(
    'report <plan-dir>',
    '生成本期整改进展情况报告（Word）和整改台账（Excel）/ Write the period’s progress report and ledger',
    periodDocumentArgs,
    (args) =>
      run(async (io) => {
        const { writeDocument } = await import('../../documents/files.js');
        const { buildReport } = await import('../../documents/report.js');
        const options = { planDir: args.planDir, out: args.out, pdf: args.pdf, templates: args.templates };
        await writeDocument(options, io, (data, templates) => buildReport(data, args.period, templates));
        return 0;
      }),
  );
}
