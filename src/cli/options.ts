// What every command file shares: the options several commands take, and the
// runner through which a command's work reaches the one error boundary in
// main.ts. Light on purpose: a command's pipeline is imported only when the
// command runs, so `zhenggai --help` loads neither docx nor exceljs.

import type { Argv } from 'yargs';
import type { Io } from '../documents/files.js';

/** Runs a command's work with the process's Io; its exit code (or error) goes to main.ts. */
export type Runner = (task: (io: Io) => Promise<number>) => Promise<void>;

export const planDirPositional = { type: 'string', demandOption: true, describe: '方案文件夹 / plan folder' } as const;
export const outOption = { type: 'string', default: 'out', describe: '输出根文件夹 / output root (documents go to <out>/<plan>/)' } as const;
export const periodOption = { type: 'string', demandOption: true, describe: '期次 YYYY-MM / reporting period' } as const;
export const templatesOption = { type: 'string', describe: '自定义模板文件夹（缺少的模板用内置的）/ your own templates folder' } as const;
export const pdfOption = { type: 'boolean', default: false, describe: '同时用 LibreOffice 生成 PDF / also convert to PDF with LibreOffice' } as const;

/** `<plan-dir> --period --out --pdf --templates`: what every command writing a period's documents takes (report, closure-forms, supervise). */
export function periodDocumentArgs<T>(y: Argv<T>) {
  return y
    .positional('plan-dir', planDirPositional)
    .option('period', periodOption)
    .option('out', outOption)
    .option('pdf', pdfOption)
    .option('templates', templatesOption);
}
