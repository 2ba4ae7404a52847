// The entry point: register the commands (one file each in commands/), parse,
// and turn every failure into a message and an exit code at this one
// boundary. A command parses its arguments, calls one pipeline in
// src/documents/ and prints; nothing else lives here.

import yargs from 'yargs';
import { formatText } from '../diagnostics/format.js';
import { UserError } from '../diagnostics/user-error.js';
import type { Io } from '../documents/files.js';
import { checkCommand } from './commands/check.js';
import { closureFormsCommand } from './commands/closure-forms.js';
import { superviseCommand } from './commands/supervise.js';
import { rollupCommand } from './commands/rollup.js';
import { formsCommand } from './commands/forms.js';
import { importCommand } from './commands/import.js';
import { initCommand } from './commands/init.js';
import { noticeCommand } from './commands/notice.js';
import { packetCommand } from './commands/packet.js';
import { reportCommand } from './commands/report.js';
import { schemaCommand } from './commands/schema.js';
import { serveCommand } from './commands/serve.js';
import { tableCommand } from './commands/table.js';
import type { Runner } from './options.js';


const defaultIo: Io = { out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`) };

/** The commands in the order `--help` lists them. */
const COMMANDS = [checkCommand, tableCommand, noticeCommand, reportCommand, packetCommand, closureFormsCommand, superviseCommand, rollupCommand, formsCommand, importCommand, initCommand, schemaCommand, serveCommand];

function reportFailure(error: unknown, io: Io): number {
  if (error instanceof UserError) {
    if (error.diagnostics.length > 0) io.err(formatText(error.diagnostics));
    io.err(`错误 (error): ${error.message}`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`内部错误 (internal error): ${message}`);
  if (process.env.ZHENGGAI_DEBUG && error instanceof Error && error.stack) io.err(error.stack);
  else io.err('请把此信息连同输入文件报告给维护者；设置 ZHENGGAI_DEBUG=1 可显示详细信息。');
  return 2;
}

/**
 * A first word that is no command (chek): yargs would call it an unknown
 * option. Says so, with the command it most likely meant and the list.
 */
function unknownCommand(argv: readonly string[], parser: ReturnType<typeof yargs>): string | undefined {
  const first = argv[0];
  if (first === undefined || first.startsWith('-')) return undefined;
  // yargs keeps the registered names (without their positionals) here; no public getter in yargs 17.
  const internals = parser as unknown as { getInternalMethods(): { getCommandInstance(): { getCommands(): string[] } } };
  const commands = internals.getInternalMethods().getCommandInstance().getCommands();
  if (commands.includes(first)) return undefined;
  const near = commands.find((c) => editDistance(c, first) <= 2);
  return `没有“${first}”这个命令${near ? `，是否要用 ${near}？` : '；'}命令有：${commands.join('、')}（zhenggai --help 查看说明） (unknown command)`;
}

/** Levenshtein distance, for the command a typo most likely meant. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const next = [i];
    for (let j = 1; j <= b.length; j += 1) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/** Run the CLI on `argv` (without node and the script); resolves to the exit code, never throws. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let exitCode = 0;
  const run: Runner = async (task) => {
    exitCode = await task(io);
  };
  let parser = yargs(argv).scriptName('zhenggai').usage('zhenggai <命令> [选项]\n\n整改工作文书生成工具 — rectification paperwork from plan data (GB/T 9704-2012)');
  for (const register of COMMANDS) parser = register(parser, run);
  parser = parser
    .demandCommand(1, '请指定命令 / Please name a command')
    .strict()
    .help('help')
    .alias('help', 'h')
    .version()
    .locale('zh_CN')
    .wrap(null)
    .exitProcess(false)
    .fail((message, error, y) => {
      if (error) throw error;
      // A usage slip gets the help of the command it concerns, then exit 1.
      let help = '';
      y.showHelp((text: string) => {
        help = text;
      });
      throw new UserError(`${message}\n\n${help}`);
    });
  const unknown = unknownCommand(argv, parser);
  if (unknown !== undefined) return reportFailure(new UserError(unknown), io);
  try {
    await parser.parseAsync();
    return exitCode;
  } catch (error) {
    return reportFailure(error, io);
  }
}
