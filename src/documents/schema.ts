// `schema`: the JSON Schemas of plan.json and progress/<period>.json (Chinese
// descriptions, from the zod model) for editors' completion.

import { jsonSchemaText, SCHEMA_FILES } from '../model/json-schema.js';
import type { DocumentOutput } from './pipeline.js';

/** Every schema file, named by its file name in the output folder. */
export function jsonSchemas(): DocumentOutput {
  const encoder = new TextEncoder();
  return { files: Object.entries(SCHEMA_FILES).map(([name, schema]) => ({ name, data: encoder.encode(jsonSchemaText(schema)) })), warnings: [] };
}
