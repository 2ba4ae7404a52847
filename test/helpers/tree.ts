// A folder's whole state — every file (hidden ones too) by its SHA-256, every
// folder — to compare before and after a run, and to see leftovers.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function snapshot(root: string): Record<string, string> {
  const state: Record<string, string> = {};
  if (!existsSync(root)) return state;
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isDirectory()) {
        state[`${relative}/`] = 'dir';
        walk(path.join(dir, entry.name), relative);
      } else {
        state[relative] = createHash('sha256').update(readFileSync(path.join(dir, entry.name))).digest('hex');
      }
    }
  };
  walk(root, '');
  return state;
}

/** Only the entries under `prefix` (a folder name), with the prefix taken off. */
export function under(state: Record<string, string>, prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(state).filter(([k]) => k.startsWith(`${prefix}/`) && k !== `${prefix}/`).map(([k, v]) => [k.slice(prefix.length + 1), v]));
}

/** Run `body` with environment variables set, restoring them after. */
export async function withEnv<T>(env: Record<string, string>, body: () => Promise<T>): Promise<T> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    return await body();
  } finally {
    process.env = saved;
  }
}
