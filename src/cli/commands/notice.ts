// zhenggai notice <plan-dir> [--out] [--pdf] [--templates]
import type { Argv } from 'yargs';
import { outOption, pdfOption, planDirPositional, templatesOption, type Runner } from '../options.js';

export function noticeCommand(yargs: Argv, run: Runner): Argv {
  return yargs.command(
    'notice <plan-dir>',
    '生成印发方案的通知（含方案和附件表）/ Write the notice issuing the plan, with the plan and its table',
    (y) => y.positional('plan-dir', planDirPositional).option('out', outOption).option('pdf', pdfOption).option('templates', templatesOption),
    (args) =>
      run(async (io) => {
        const { writeDocument } = await import('../../documents/files.js');
        const { buildNotice } = await import('../../documents/notice.js');
        await writeDocument({ planDir: args.planDir, out: args.out, pdf: args.pdf, templates: args.templates }, io, (data, templates) => buildNotice(data.plan, templates));
        return 0;
      }),
  );
}
