// zhenggai packet <plan-dir> --period YYYY-MM [--zip] [--out] [--pdf] [--templates]
import type { Argv } from 'yargs';
import { outOption, pdfOption, periodOption, planDirPositional, templatesOption, type Runner } from '../options.js';

export function packetCommand(yargs: Argv, run: Runner): Argv {
  return yargs.command(
    'packet <plan-dir>',
    '生成报送县里的材料包（报告、台账、销号审批表、佐证材料、清单、校验清单）/ Build the county submission packet',
    (y) =>
      y
        .positional('plan-dir', planDirPositional)
        .option('period', periodOption)
        .option('out', outOption)
        .option('pdf', pdfOption)
        .option('zip', { type: 'boolean', default: false, describe: '同时生成 zip 压缩包 / also write packet-<period>.zip' })
        .option('templates', templatesOption),
    (args) =>
      run(async (io) => {
        const { loadCheckedFolder, requireSofficeIf } = await import('../../documents/files.js');
        const { buildPacket, terminalProgress, writePacketFolder } = await import('../../documents/packet.js');
        const { loadTemplates } = await import('../../documents/templates.js');
        await requireSofficeIf(args.pdf);
        const templates = await loadTemplates(args.templates);
        const folder = await loadCheckedFolder(args.planDir, io);
        const build = await buildPacket(folder, args.period, templates);
        await writePacketFolder(folder, build, { out: args.out, period: args.period, pdf: args.pdf, zip: args.zip, progress: terminalProgress() }, io);
        return 0;
      }),
  );
}
