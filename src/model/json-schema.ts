// JSON Schema for editors, generated from the zod schemas (the single source).
import { z } from 'zod';
import { planSchema } from './plan-schema.js';
import { progressFileSchema } from './progress-schema.js';
import { rollupFileSchema } from './rollup-schema.js';

export const SCHEMA_FILES = {
  'plan.schema.json': planSchema,
  'progress.schema.json': progressFileSchema,
  'rollup.schema.json': rollupFileSchema,
} as const;

export function jsonSchemaText(schema: z.ZodType): string {
  return `${JSON.stringify(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), null, 2)}\n`;
}
