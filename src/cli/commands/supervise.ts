// zhenggai supervise <plan-dir> --period YYYY-MM [--out] [--pdf] [--templates]
import type { Argv } from 'yargs';
import { periodDocumentArgs, type Runner } from '../options.js';

export function superviseCommand(yargs: Argv, run: Runner): Argv {
  return yargs.command(
    'supervise <plan-dir>',
    '生成本期督办文书：有蓝、黄、红色预警问题的牵头单位各一份（提醒函、督办单、催办通知），编号首次生成时记入进展文件 / Write the period’s supervision notices, one per lead unit with blue, yellow or red problems',
    periodDocumentArgs,
    (args) =>
      run(async (io) => {
        const { writeSupervision } = await import('../../documents/supervision.js');
        const options = { planDir: args.planDir, out: args.out, pdf: args.pdf, templates: args.templates };
        const { recorded, written, removed } = await writeSupervision(options, args.period, io);
        if (recorded) io.out(`已在 progress/${args.period}.json 记下本期督办文书的编号（${recorded.numbers.map((n) => `${n.unit} ${n.number}号`).join('、')}），再次生成时沿用 (numbers recorded)`);
        if (written.length === 0) io.out(`${args.period} 没有蓝、黄、红色预警的问题，无需督办文书 (nothing to supervise this period)`);
        for (const file of removed) io.out(`已删除上次生成、与本期数据不符的督办文书 ${file} (removed an out-of-date notice)`);
        return 0;
      }),
  );
}
