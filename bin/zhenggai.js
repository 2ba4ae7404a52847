#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';

// V8 optimises a function once it has run interrupt-budget bytes of bytecode
// (67,584 by default). A command runs for a second or a few, each document
// with code of its own, so most of what got optimised at the default was
// compiled for a few milliseconds' use and often thrown away again. Eight
// times the budget (measured on 2 cores, issue 14, CPU time median): packet
// on the bundled plan 0.94 -> 0.72 s, packet at 1,000 problems 2.8-2.9 ->
// 2.1 s, table --type docx at 5,000 problems 2.9-3.0 -> 2.7 s, packet at
// 5,000 7.8 -> 7.2 s; without optimisation at all (--no-opt) the last two
// took 4.5 and 13.3 s. Set here so it is what `zhenggai` runs, and before
// anything else loads; V8 reads the budget whenever it starts a function's
// count, so it holds for every function compiled from now on.
setFlagsFromString('--interrupt-budget=540672');

// The working folder is checked before anything loads: yargs reads it on
// import, and a folder deleted under the shell (cd into it, then removed)
// made every command print a raw ENOENT uv_cwd stack.
try {
  process.cwd();
} catch {
  process.stderr.write('错误 (error): 当前所在的文件夹已不存在，请先 cd 到一个存在的文件夹再运行 (the current folder no longer exists; cd to one that does)\n');
  process.exit(1);
}
const { main } = await import('../dist/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
