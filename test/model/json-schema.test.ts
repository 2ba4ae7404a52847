import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemaText, SCHEMA_FILES } from '../../src/model/json-schema.js';

describe('JSON Schemas for editors', () => {
  for (const [name, schema] of Object.entries(SCHEMA_FILES)) {
    it(`schema/${name} is up to date with src/model (run \`zhenggai schema\` after changing the model)`, () => {
      expect(readFileSync(`schema/${name}`, 'utf8')).toBe(jsonSchemaText(schema));
    });
  }
  it('carries Chinese descriptions', () => {
    const plan = JSON.parse(readFileSync('schema/plan.schema.json', 'utf8'));
    expect(plan.properties.problems.items.properties.deadline.description).toContain('整改时限');
  });
  it('is referenced by the bundled data files', () => {
    expect(JSON.parse(readFileSync('data/guanyang-2022/plan.json', 'utf8')).$schema).toBe('../../schema/plan.schema.json');
    expect(JSON.parse(readFileSync('data/guanyang-2022/progress/2023-10.json', 'utf8')).$schema).toBe('../../../schema/progress.schema.json');
  });
});
