#!/usr/bin/env node
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
