// Reading templates: the only file access of the template system. An office
// may point the CLI at its own folder (--templates); any template it does not
// provide comes from the bundled templates/ folder, file by file.

import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../diagnostics/user-error.js';
import { displayPath } from '../diagnostics/display-path.js';
import { decodeUtf8Text } from '../formats/text.js';

/**
 * Every template, by file name without .hbs (templates/README.md): the
 * notice, the plan and the report write a document's paragraphs; the others
 * are phrase templates (phrases.ts) giving the fixed wording of a document the
 * program lays out — the unit form, the ledger, the closure form, the packet's
 * contents list.
 */
export const TEMPLATE_NAMES = ['notice', 'plan', 'report', 'unit-form', 'ledger', 'closure-form', 'packet', 'supervision', 'rollup', 'rollup-ledger'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

export const TEMPLATE_EXTENSION = '.hbs';

export interface TemplateSource {
  readonly name: TemplateName;
  /** How errors name the file: relative to the working directory when below it. */
  readonly fileName: string;
  readonly source: string;
  /** True when the file came from the override folder. */
  readonly overridden: boolean;
}

export type TemplateSet = Readonly<Record<TemplateName, TemplateSource>>;

/**
 * The bundled templates/ folder. This module sits two levels below the
 * package root both as src/templates/load.ts and as dist/templates/load.js.
 */
export const BUNDLED_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

async function readTemplate(name: TemplateName, overrideDir: string | undefined): Promise<TemplateSource> {
  const base = `${name}${TEMPLATE_EXTENSION}`;
  const override = overrideDir === undefined ? undefined : path.join(overrideDir, base);
  const overridden = override !== undefined && (await isFile(override));
  const file = overridden ? override : path.join(BUNDLED_TEMPLATES_DIR, base);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserError(`无法读取模板 ${displayPath(file)}：${reason}`);
  }
  // Strictly UTF-8, as plan files are: readFile(…, 'utf8') would put U+FFFD on paper in place of GBK bytes.
  const decoded = decodeUtf8Text(bytes);
  if (!decoded.ok) {
    const { line, column, message } = decoded.problem;
    throw new UserError(`模板 ${displayPath(file)} 不是 UTF-8 编码，未生成任何文件 (the template is not UTF-8; nothing was written)`, [
      { file: displayPath(file), line, column, ruleId: 'encoding', severity: 'error', message },
    ]);
  }
  return { name, fileName: displayPath(file), source: decoded.text, overridden };
}

/**
 * The templates to use: `<dir>/<name>.hbs` where present, else the bundled
 * one. A named folder that does not exist is an error (a mistyped
 * --templates must not silently fall back to the defaults).
 */
export async function loadTemplates(dir?: string): Promise<TemplateSet> {
  if (dir !== undefined) {
    const found = await stat(dir).then((s) => s.isDirectory(), () => false);
    if (!found) throw new UserError(`模板文件夹不存在：${displayPath(dir)}`);
  }
  const entries = await Promise.all(TEMPLATE_NAMES.map(async (name) => [name, await readTemplate(name, dir)] as const));
  return Object.fromEntries(entries) as Record<TemplateName, TemplateSource>;
}
