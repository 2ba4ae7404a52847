// External tools the render tests use, found once when the test file loads.
// A test that needs a missing tool is skipped — unless ZHENGGAI_REQUIRE_TOOLS=1
// (CI, a machine set up for the full check), where a missing tool fails.
// ZHENGGAI_HIDE_TOOLS=soffice,pdftotext treats tools as missing, to see what
// a machine without them runs. 'fandol-fonts' counts as a tool: FandolFang
// and FandolKai found through fonts/fonts.conf (scripts/install-fandol-fonts.sh).

import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { describe, it } from 'vitest';
import { fontsConfPath } from '../../src/write/pdf.js';

export type Tool = 'soffice' | 'pdftotext' | 'pdfinfo' | 'pdftoppm' | 'pdffonts' | 'fc-match' | 'python-docx-openpyxl' | 'fandol-fonts' | 'better-sqlite3' | 'chromium';

/** Debian's python3: python3-docx and python3-openpyxl import only there (docs/format.md#checking-output). */
export const DEBIAN_PYTHON = '/usr/bin/python3';

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

function pythonHasReaders(): boolean {
  try {
    return spawnSync(DEBIAN_PYTHON, ['-c', 'import docx, openpyxl'], { stdio: 'ignore' }).status === 0;
  } catch {
    return false;
  }
}

/** The faces fonts/fonts.conf renders 仿宋 and 楷体 with, found by fontconfig through it. */
function fandolFonts(): boolean {
  return ['FandolFang', 'FandolKai'].every((face) => {
    const result = spawnSync('fc-list', [face, 'family'], { encoding: 'utf8', env: { ...process.env, FONTCONFIG_FILE: fontsConfPath() } });
    return result.status === 0 && result.stdout.trim() !== '';
  });
}

/** Debian's chromium, which the server's browser test drives through playwright-core (npx playwright install cannot download here). */
export const CHROMIUM = '/usr/bin/chromium';

/** better-sqlite3 loads: it is an optional dependency compiled from source (zhenggai serve needs it). */
function betterSqlite(): boolean {
  try {
    const Database = createRequire(import.meta.url)('better-sqlite3') as new (file: string) => { close(): void };
    new Database(':memory:').close();
    return true;
  } catch {
    return false;
  }
}

const found = new Map<Tool, boolean>();

function hidden(): Set<string> {
  return new Set((process.env.ZHENGGAI_HIDE_TOOLS ?? '').split(',').map((t) => t.trim()).filter(Boolean));
}

export function hasTool(tool: Tool): boolean {
  if (hidden().has(tool)) return false;
  if (!found.has(tool)) {
    const ok =
      tool === 'python-docx-openpyxl'
        ? pythonHasReaders()
        : tool === 'fandol-fonts'
          ? Boolean(onPath('fc-list')) && fandolFonts()
          : tool === 'better-sqlite3'
            ? betterSqlite()
            : tool === 'chromium'
              ? existsSync(CHROMIUM)
          : tool === 'soffice'
            ? Boolean(onPath('soffice') ?? onPath('libreoffice'))
            : Boolean(onPath(tool));
    found.set(tool, ok);
  }
  return found.get(tool)!;
}

export function missingTools(tools: readonly Tool[]): Tool[] {
  return tools.filter((t) => !hasTool(t));
}

export const toolsRequired = (): boolean => process.env.ZHENGGAI_REQUIRE_TOOLS === '1';

/**
 * describe() when every tool is there; otherwise skipped, or — with
 * ZHENGGAI_REQUIRE_TOOLS=1 — one failing test naming what is missing.
 */
export function describeWithTools(tools: readonly Tool[], name: string, fn: () => void): void {
  const missing = missingTools(tools);
  if (missing.length === 0) {
    describe(name, fn);
  } else if (toolsRequired()) {
    describe(name, () => {
      it(`needs ${missing.join(', ')}`, () => {
        throw new Error(`ZHENGGAI_REQUIRE_TOOLS=1 but these tools are missing: ${missing.join(', ')}`);
      });
    });
  } else {
    describe.skip(`${name} (missing ${missing.join(', ')})`, fn);
  }
}

/** it() when every tool is there; otherwise skipped, or — with ZHENGGAI_REQUIRE_TOOLS=1 — failing, naming what is missing. */
export function itWithTools(tools: readonly Tool[], name: string, fn: () => void | Promise<void>): void {
  const missing = missingTools(tools);
  if (missing.length === 0) {
    it(name, fn);
  } else if (toolsRequired()) {
    it(`${name} (needs ${missing.join(', ')})`, () => {
      throw new Error(`ZHENGGAI_REQUIRE_TOOLS=1 but these tools are missing: ${missing.join(', ')}`);
    });
  } else {
    it.skip(`${name} (missing ${missing.join(', ')})`, fn);
  }
}

/** Run a tool and return its stdout; throws with stderr on failure. */
export function runTool(command: string, args: readonly string[], input?: string): string {
  const result = spawnSync(command, args, { encoding: 'utf8', input, maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

/**
 * The faces a PDF embeds, as pdffonts names them, without the subset prefix
 * (ABCDEF+), sorted, each once. The Noto CJK faces are named …jp… whichever
 * language's glyphs are drawn (docs/format.md#fonts).
 */
export function pdfFaces(pdf: string): string[] {
  const names = runTool('pdffonts', [pdf])
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
  return [...new Set(names)].sort();
}

/** Run a Python program in Debian's python3 with JSON on stdin, parse its JSON stdout. */
export function runPython<T>(program: string, input: unknown): T {
  return JSON.parse(runTool(DEBIAN_PYTHON, ['-c', program], JSON.stringify(input))) as T;
}
