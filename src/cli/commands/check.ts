// zhenggai check <plan-dir> [--format text|json] [--deadlines] | zhenggai check --rules
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
        .option('rules', { type: 'boolean', default: false, describe: '列出全部检查规则及说明 / list the rules' })
        .option('deadlines', { type: 'boolean', default: false, describe: '先列出每个问题的整改时限读作的到期日、是否长期坚持及来源 / first list how each deadline was read' }),
    (args) =>
      run(async (io) => {
        const { hasErrors } = await import('../../diagnostics/diagnostic.js');
        const { formatJson, formatText, printedDiagnostic } = await import('../../diagnostics/format.js');
        const { checkPlan, describeRules, formatDeadlineReadings } = await import('../../documents/check.js');
        const json = args.format === 'json';
        if (args.rules) {
          const rules = describeRules();
          io.out(json ? JSON.stringify(rules, null, 2) : rules.map((r) => `${r.id}  ${r.description}`).join('\n'));
          return 0;
        }
        if (args.planDir === undefined) throw new UserError('请指定方案文件夹，或用 --rules 列出检查规则 / name the plan folder (plan-dir), or use --rules');
        const { diagnostics, deadlines } = await checkPlan(args.planDir);
        if (!args.deadlines) io.out(json ? formatJson(diagnostics) : formatText(diagnostics));
        else if (json) io.out(JSON.stringify({ deadlines, diagnostics: diagnostics.map(printedDiagnostic) }, null, 2));
        else io.out([...(deadlines ? [formatDeadlineReadings(deadlines), ''] : []), formatText(diagnostics)].join('\n'));
        return hasErrors(diagnostics) ? 1 : 0;
      }),
  );
}
