// zhenggai rollup <packet.zip|packet-folder|rollup.json>... --title --issuer --doc-number --signer --recipients
//   [--period YYYY-MM] [--towns <file>] [--date] [--issuer-mark] [--sealed] [--out] [--pdf] [--templates]
import type { Argv } from 'yargs';
import { outOption, pdfOption, templatesOption, type Runner } from '../options.js';

export function rollupCommand(yargs: Argv, run: Runner): Argv {
  return yargs.command(
    'rollup <inputs..>',
    '汇总各乡镇的报送材料包（或各县的 rollup.json）：汇总台账（Excel）、汇总报告（Word 上行文）和 rollup.json，写到 <out>/rollup-<期次>/ / Roll up the towns’ packets (or counties’ roll-ups) into a ledger, a report and rollup.json',
    (y) =>
      y
        .positional('inputs', { type: 'string', array: true, demandOption: true, describe: '报送材料包（文件夹或 .zip）、rollup.json 或汇总文件夹 / packets (folder or zip), rollup.json or roll-up folders' })
        .option('title', { type: 'string', demandOption: true, describe: '汇总报告的标题 / the report’s title' })
        .option('issuer', { type: 'string', demandOption: true, describe: '汇总单位（署名，也是上一级汇总时的单位名称），如 巫山县乡村振兴局 / the office rolling up' })
        .option('doc-number', { type: 'string', demandOption: true, describe: '发文字号，如 巫山乡振发〔2023〕12号 / document number' })
        .option('signer', { type: 'string', demandOption: true, describe: '签发人 / signer' })
        .option('recipients', { type: 'string', demandOption: true, describe: '主送机关 / addressee' })
        .option('issuer-mark', { type: 'string', describe: '发文机关标志（默认：<issuer>文件）/ the header’s mark' })
        .option('date', { type: 'string', describe: '成文日期 YYYY-MM-DD（默认：各材料中最晚的截止日期）/ the date' })
        .option('sealed', { type: 'boolean', default: false, describe: '加盖印章（日期右空四字）/ sealed' })
        .option('period', { type: 'string', describe: '期次 YYYY-MM：其他期次的材料被拒绝；不给时所有材料须同一期次 / the period' })
        .option('towns', { type: 'string', describe: '应报送单位名单（每行一个，写法同方案的发文机关署名）/ the units expected, one a line' })
        .option('out', { ...outOption, describe: '输出根文件夹 / output root (the roll-up goes to <out>/rollup-<period>/)' })
        .option('pdf', pdfOption)
        .option('templates', templatesOption),
    (args) =>
      run(async (io) => {
        const { writeRollup } = await import('../../documents/rollup.js');
        await writeRollup(
          {
            inputs: args.inputs,
            title: args.title,
            issuer: args.issuer,
            docNumber: args.docNumber,
            signer: args.signer,
            recipients: args.recipients,
            sealed: args.sealed,
            out: args.out,
            pdf: args.pdf,
            ...(args.issuerMark === undefined ? {} : { issuerMark: args.issuerMark }),
            ...(args.date === undefined ? {} : { date: args.date }),
            ...(args.period === undefined ? {} : { period: args.period }),
            ...(args.towns === undefined ? {} : { towns: args.towns }),
            ...(args.templates === undefined ? {} : { templates: args.templates }),
          },
          io,
        );
        return 0;
      }),
  );
}
