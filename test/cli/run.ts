// Run the CLI in-process with captured output and a temporary environment.
import { main } from '../../src/cli/main.js';

export async function runCli(args: string[], env: Record<string, string> = {}) {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  const out: string[] = [];
  const err: string[] = [];
  try {
    const exit = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
    return { exit, out: out.join('\n'), err: err.join('\n') };
  } finally {
    process.env = saved;
  }
}
