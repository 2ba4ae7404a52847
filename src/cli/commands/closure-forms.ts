// zhenggai closure-forms <plan-dir> --period YYYY-MM [--out] [--pdf] [--templates]
import type { Argv } from 'yargs';
import { periodDocumentArgs, type Runner } from '../options.js';

export function closureFormsCommand(yargs: Argv, run: Runner): Argv {
  return yargs.command(
    'closure-forms <plan-dir>',
    '生成本期的整改问题销号审批表（已销号的填好，已完成待销号的留空待签）/ Write the period’s closure forms',
    periodDocumentArgs,
    (args) =>
      run(async (io) => {
        const { writeDocument } = await import('../../documents/files.js');
        const { buildClosureForms } = await import('../../documents/closure-forms.js');
        const options = { planDir: args.planDir, out: args.out, pdf: args.pdf, templates: args.templates };
        const written = await writeDocument(options, io, (data, templates) => buildClosureForms(data, args.period, templates));
        if (written.length === 0) io.out(`${args.period} 没有已完成或已销号的问题，无需销号审批表 (no closure forms this period)`);
        return 0;
      }),
  );
}
