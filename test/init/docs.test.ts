// docs/inputs.md tells clerks which header words init reads: its tables must
// list exactly the words in model/vocabulary.ts, so the two cannot drift.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIELD_LABELS, HEADER_ENDINGS, HEADER_SECOND_CHOICE, HEADER_SYNONYMS, TABLE_FIELDS } from '../../src/model/vocabulary.js';

const doc = readFileSync('docs/inputs.md', 'utf8');
const section = doc.slice(doc.indexOf('## init --from-table'));

/** The row of a markdown table whose first cell is `code`. */
function row(code: string): string[] {
  const line = section.split('\n').find((l) => l.startsWith(`| \`${code}\` |`));
  expect(line, `a row for ${code}`).toBeDefined();
  return line!.split('|').map((c) => c.trim());
}

describe('docs/inputs.md, init --from-table', () => {
  it('lists each field with its label and exactly the other names the importer knows', () => {
    for (const field of TABLE_FIELDS) {
      const [, , label, names] = row(field);
      expect(label).toBe(FIELD_LABELS[field]);
      expect(names === '—' ? [] : names!.split('、')).toEqual(HEADER_SYNONYMS[field]);
    }
  });

  it('lists every header ending and every name read differently beside another column', () => {
    const endings = section.slice(section.indexOf('**Endings.**'), section.indexOf('**By hand.**'));
    const listed = endings
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| ends with') && !l.startsWith('| ---'))
      .flatMap((l) => {
        const [, words, field] = l.split('|').map((c) => c.trim());
        return words!.split(', ').map((w) => [w, field!.replace(/`/g, '')]);
      });
    expect(new Set(listed.map(([w, f]) => `${w}=${f}`))).toEqual(new Set(HEADER_ENDINGS.map(([w, f]) => `${w}=${f}`)));
    for (const name of Object.keys(HEADER_SECOND_CHOICE)) expect(section).toContain(name);
  });

  it('is linked from the README', () => {
    expect(readFileSync('README.md', 'utf8')).toContain('docs/inputs.md');
  });
});
