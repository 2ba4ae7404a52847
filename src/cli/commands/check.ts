// zhenggai check <plan-dir> [--format text|json] | zhenggai check --rules
import type { Argv } from 'yargs';
import { UserError } from '../../diagnostics/user-error.js';
import type { Runner } from '../options.js';

export function checkCommand(yargs: Argv, run: Runner): Argv {
  return yargs.command(
    'check [plan-dir]',
    '检查方案与进展数据 / Check a plan folder and its progress files',
    (y) =>
      y
        .positional('plan-dir', { type: 'string', describe: '方案文件夹 / plan folder' })
        .option('format', { choices: ['text', 'json'] as const, default: 'text' as const, describe: '输出格式 / output format' })
        .option('rules', { type: 'boolean', default: false, describe: '列出全部检查规则及说明 / list the rules' }),
    (args) =>
      run(async (io) => {
        const { hasErrors } = await import('../../diagnostics/diagnostic.js');
        const { formatJson, formatText } = await import('../../diagnostics/format.js');
        const { checkPlanFolder, describeRules } = await import('../../documents/check.js');
        if (args.rules) {
          const rules = describeRules();
          io.out(args.format === 'json' ? JSON.stringify(rules, null, 2) : rules.map((r) => `${r.id}  ${r.description}`).join('\n'));
          return 0;
        }
        if (args.planDir === undefined) throw new UserError('请指定方案文件夹，或用 --rules 列出检查规则 / name the plan folder (plan-dir), or use --rules');
        const diagnostics = await checkPlanFolder(args.planDir);
        io.out(args.format === 'json' ? formatJson(diagnostics) : formatText(diagnostics));
        return hasErrors(diagnostics) ? 1 : 0;
      }),
  );
}
