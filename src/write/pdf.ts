// PDF through LibreOffice. One soffice call converts many files (it costs
// about 2.4 s a call, docs/format.md#library-facts), in a profile of its own so parallel runs
// and a clerk's open LibreOffice do not collide, with fontconfig pointed at
// fonts/fonts.conf so the official font names render with free faces.

import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { access, mkdir, readFile, rm } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import { faultPoint } from './faults.js';
import { constants } from 'node:fs';
import { basename, delimiter, extname, join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** LibreOffice is missing: the caller decides whether that is an error or a skipped step. */
export class SofficeNotFoundError extends Error {
  override readonly name = 'SofficeNotFoundError';
  constructor() {
    super(
      '未找到 LibreOffice（soffice），无法生成 PDF。请安装 libreoffice-writer-nogui 和 libreoffice-calc-nogui，或设置环境变量 SOFFICE 指向 soffice。' +
        ' / LibreOffice (soffice) not found, so no PDF can be made: install libreoffice-writer-nogui and libreoffice-calc-nogui, or set SOFFICE to the soffice binary.',
    );
  }
}

/** LibreOffice ran but did not give every PDF. */
export class PdfConversionError extends Error {
  override readonly name = 'PdfConversionError';
  constructor(
    message: string,
    readonly missing: readonly string[],
    readonly output: string,
  ) {
    super(message);
  }
}

/** The fontconfig file with the official-name aliases, found from this module's place in the package. */
export function fontsConfPath(): string {
  // src/write/pdf.ts and dist/write/pdf.js are both two levels under the package root.
  return fileURLToPath(new URL('../../fonts/fonts.conf', import.meta.url));
}

const CANDIDATES = ['soffice', 'libreoffice'];
/** Where installers put soffice when it is not on PATH. */
export const SOFFICE_INSTALL_PLACES: readonly string[] = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice', '/Applications/LibreOffice.app/Contents/MacOS/soffice'];

/**
 * The soffice binary: $SOFFICE, else soffice/libreoffice on PATH, else the
 * usual install places; undefined when none. An explicit $SOFFICE is the only
 * place looked at, so SOFFICE=none turns PDF conversion off.
 */
export async function findSoffice(
  env: NodeJS.ProcessEnv = process.env,
  installPlaces: readonly string[] = SOFFICE_INSTALL_PLACES,
): Promise<string | undefined> {
  if (env.SOFFICE) return (await isExecutable(env.SOFFICE)) ? env.SOFFICE : undefined;
  const places = [
    ...(env.SOFFICE ? [env.SOFFICE] : []),
    ...(env.PATH ?? '').split(delimiter).filter(Boolean).flatMap((dir) => CANDIDATES.map((name) => join(dir, name))),
    ...installPlaces,
  ];
  for (const place of places) {
    if (await isExecutable(place)) return place;
  }
  return undefined;
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export interface ConvertOptions {
  /** soffice to run; found with findSoffice when omitted. */
  readonly soffice?: string;
  /** Where to look for soffice when `soffice` is not given (for tests and odd installs). */
  readonly search?: { readonly env: NodeJS.ProcessEnv; readonly installPlaces: readonly string[] };
  /** Where the throw-away LibreOffice profile goes (the system temp folder by default). */
  readonly tempDir?: string;
  /** Give up after this long (ms); LibreOffice can hang on a broken file. */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 300_000;
const MAX_OUTPUT_BYTES = 16 * 1024 * 1024;

/**
 * Convert files (docx, xlsx, …) to PDF in `outDir` with one LibreOffice run.
 * Returns the PDF paths in the order of `files`. Two inputs with the same
 * base name would overwrite each other's PDF and are refused.
 */
export async function convertToPdf(files: readonly string[], outDir: string, options: ConvertOptions = {}): Promise<string[]> {
  if (files.length === 0) return [];
  const pdfs = files.map((f) => join(resolve(outDir), `${basename(f, extname(f))}.pdf`));
  if (new Set(pdfs).size !== pdfs.length) throw new Error('convertToPdf: two inputs share a base name and would give the same PDF');
  const soffice = options.soffice ?? (await findSoffice(options.search?.env, options.search?.installPlaces));
  if (soffice === undefined) throw new SofficeNotFoundError();
  await mkdir(outDir, { recursive: true });
  // The process id in the name lets a later run sweep the profile if this one is killed (sweep.ts).
  const profile = join(options.tempDir ?? tmpdir(), `zhenggai-lo-${process.pid}-${randomBytes(8).toString('hex')}`);
  try {
    await Promise.all(pdfs.map((p) => rm(p, { force: true })));
    let output = '';
    for (const batch of await conversionBatches(files)) {
      output += await run(soffice, sofficeArgs(batch.files, outDir, profile, batch.filter), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    }
    const missing = (await Promise.all(pdfs.map(async (p) => ((await isReadable(p)) ? undefined : p)))).filter((p): p is string => p !== undefined);
    if (missing.length > 0) {
      throw new PdfConversionError(`LibreOffice 未能生成 ${missing.length} 个 PDF / LibreOffice did not produce: ${missing.join(', ')}`, missing, output);
    }
    return pdfs;
  } finally {
    await faultPoint(`cleanup ${basename(profile)}`, 'rm', profile);
    await rm(profile, { recursive: true, force: true });
  }
}

/**
 * LibreOffice's PDF export drops pages it inserted itself to start a section
 * on an even page — the blank page before a 版记, which must stand on an even
 * page (GB/T 9704 §7.4). Word documents with such a section are converted
 * with IsSkipEmptyPages off; that filter name is Writer's, so they go in a run
 * of their own, and everything else stays in one run.
 */
export const KEEP_BLANK_PAGES_FILTER = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}';

async function startsSectionOnParityPage(file: string): Promise<boolean> {
  if (extname(file).toLowerCase() !== '.docx') return false;
  try {
    const parts = unzipSync(await readFile(file), { filter: (entry) => entry.name === 'word/document.xml' });
    const xml = new TextDecoder().decode(parts['word/document.xml'] ?? new Uint8Array());
    return /<w:type w:val="(evenPage|oddPage)"\/>/.test(xml);
  } catch {
    return false;
  }
}

async function conversionBatches(files: readonly string[]): Promise<Array<{ files: string[]; filter: string }>> {
  const keep = await Promise.all(files.map(startsSectionOnParityPage));
  return [
    { files: files.filter((_, i) => !keep[i]), filter: 'pdf' },
    { files: files.filter((_, i) => keep[i]), filter: KEEP_BLANK_PAGES_FILTER },
  ].filter((batch) => batch.files.length > 0);
}

function sofficeArgs(files: readonly string[], outDir: string, profile: string, filter: string): string[] {
  return [
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    '--headless',
    '--norestore',
    '--nolockcheck',
    '--convert-to',
    filter,
    '--outdir',
    resolve(outDir),
    ...files.map((f) => resolve(f)),
  ];
}

function run(command: string, args: string[], timeoutMs: number): Promise<string> {
  const env = { ...process.env, FONTCONFIG_FILE: fontsConfPath() };
  return new Promise((resolvePromise, reject) => {
    execFile(command, args, { env, timeout: timeoutMs, maxBuffer: MAX_OUTPUT_BYTES }, (error, stdout, stderr) => {
      const output = `${stdout}${stderr}`;
      if (error) reject(new PdfConversionError(`LibreOffice 转换失败 / LibreOffice failed: ${error.message}`, [], output));
      else resolvePromise(output);
    });
  });
}

async function isReadable(path: string): Promise<boolean> {
  try {
    await access(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}
