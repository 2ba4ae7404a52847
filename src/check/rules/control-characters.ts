import type { JsonSource } from '../../load/json-source.js';
import type { Finding, Rule } from '../rule.js';
import { walkStrings } from '../walk-strings.js';

// XML 1.0 (inside every docx/xlsx) allows only tab, LF and CR below U+0020,
// and no lone surrogates or U+FFFE/U+FFFF. The noncharacters U+FDD0–U+FDEF
// are the template engine's value marks (src/templates/grammar.ts): it removes
// them from data, so text holding one could not be printed as written.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uFDD0-\uFDEF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
const NONCHARACTER = /[\uFDD0-\uFDEF]/u;

function describe(char: string): string {
  return `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function kind(char: string): string {
  return NONCHARACTER.test(char) ? 'Unicode 非字符' : '控制字符';
}

function scan(source: JsonSource): Finding[] {
  const findings: Finding[] = [];
  for (const { path, text } of walkStrings(source.value)) {
    const match = FORBIDDEN.exec(text);
    if (match) {
      findings.push({ source, path, message: `含有 Word/Excel 文件不能保存的${kind(match[0])} ${describe(match[0])}（第 ${match.index + 1} 个字符处），请删除` });
    }
  }
  return findings;
}

export const controlCharacters: Rule = {
  id: 'control-characters',
  severity: 'error',
  description: '文本含 Word/Excel 文件不能保存的控制字符或 Unicode 非字符 / text holds control characters or noncharacters that Word and Excel files cannot store',
  check({ folder }) {
    return [folder.planSource, ...folder.progress.map((p) => p.source)].flatMap(scan);
  },
};
