// Test hooks for the write path (docs/ARCHITECTURE.md#write-guarantees).
// Every step that changes the disk calls faultPoint() first, so a test can
// make exactly that step fail the way a full disk or a read-only folder
// would, or kill the process there the way a power cut would — the only way
// to test these as root, where permissions never stop a write.
//
//   ZHENGGAI_FAIL_AFTER=<step>             a packet build step fails after it ran
//                                          (documents, evidence, pdf, contents, manifest, zip)
//   ZHENGGAI_FAIL_WRITE=<point>:<ERRNO>[,…] the step fails with that error instead of acting
//   ZHENGGAI_KILL_AT=<point>               the process is killed (SIGKILL) just before the step
//   ZHENGGAI_PAUSE_AT=<point>:<ms>|@<file>  the step waits first, that long or until the file
//                                          exists (holds a run in a race window for a test)
//
// A point is a verb, then a space and the file or folder name it acts on:
// `mkdir <folder>`, `lock`, `temp <file>` (a file written beside its target),
// `stage <path in the packet>`, `journal`, `retire <name>` (the previous
// version moved aside), `install <name>` (the new version moved in),
// `commit` (the journal removed), `cleanup <name>`, `undo <name>`. A pattern
// matches a point equal to it or beginning with it and a space, so `temp`
// matches every temporary file and `install packet-2023-11` one folder; a
// pattern ending in `*` matches every point beginning with the rest
// (`stage 05-*`).

import { existsSync } from 'node:fs';
import os from 'node:os';
import util from 'node:util';

/** `ZHENGGAI_FAIL_AFTER=<step>` makes a build fail right after the named step. */
export class InjectedFailure extends Error {
  constructor(readonly step: string) {
    super(`按 ZHENGGAI_FAIL_AFTER 的要求在“${step}”之后中止 (failure injected after step "${step}")`);
    this.name = 'InjectedFailure';
  }
}

export function failAfter(step: string, env: NodeJS.ProcessEnv = process.env): void {
  if (env.ZHENGGAI_FAIL_AFTER === step) throw new InjectedFailure(step);
}

function matches(pattern: string, point: string): boolean {
  if (pattern.endsWith('*')) return point.startsWith(pattern.slice(0, -1));
  return point === pattern || point.startsWith(`${pattern} `);
}

/** The rules of one variable: `pattern:value` items separated by commas (a pattern may hold a colon; the value follows the last). */
function rules(value: string | undefined): Array<{ pattern: string; value: string }> {
  if (!value) return [];
  return value.split(',').flatMap((item) => {
    const at = item.includes(':@') ? item.indexOf(':@') : item.lastIndexOf(':');
    return at > 0 ? [{ pattern: item.slice(0, at).trim(), value: item.slice(at + 1).trim() }] : [];
  });
}

const ENGLISH: Record<string, string> = { EDQUOT: 'disk quota exceeded' };

/** An error shaped like the one Node gives for a failed system call. */
export function systemError(code: string, syscall: string, file: string): NodeJS.ErrnoException {
  const errno = (os.constants.errno as Record<string, number | undefined>)[code];
  const description = (errno !== undefined ? util.getSystemErrorMap().get(-errno)?.[1] : undefined) ?? ENGLISH[code] ?? code.toLowerCase();
  const error: NodeJS.ErrnoException = new Error(`${code}: ${description}, ${syscall} '${file}'`);
  error.code = code;
  if (errno !== undefined) error.errno = -errno;
  error.syscall = syscall;
  error.path = file;
  return error;
}

/** Wait `ms` milliseconds, or with `@<file>` until that file exists (at most a minute). */
async function pause(value: string): Promise<void> {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  if (!value.startsWith('@')) return void (await sleep(Number(value) || 0));
  for (const start = Date.now(); !existsSync(value.slice(1)) && Date.now() - start < 60_000; ) await sleep(20);
}

/**
 * Called before a step that changes the disk: `point` names it (see above),
 * `syscall` and `file` shape the injected error like the real one.
 */
export async function faultPoint(point: string, syscall: string, file: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  for (const rule of rules(env.ZHENGGAI_PAUSE_AT)) {
    if (matches(rule.pattern, point)) await pause(rule.value);
  }
  if (env.ZHENGGAI_KILL_AT && matches(env.ZHENGGAI_KILL_AT, point)) process.kill(process.pid, 'SIGKILL');
  for (const rule of rules(env.ZHENGGAI_FAIL_WRITE)) {
    if (matches(rule.pattern, point)) throw systemError(rule.value, syscall, file);
  }
}
