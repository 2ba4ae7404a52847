// `schema`: the JSON Schemas of plan.json and progress/<period>.json (Chinese
// descriptions, from the zod model) for editors' completion.

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { jsonSchemaText, SCHEMA_FILES } from '../model/json-schema.js';

/** Write every schema file into `outDir` (created when missing); returns the paths written. */
export async function writeJsonSchemas(outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const [name, schema] of Object.entries(SCHEMA_FILES)) {
    const file = path.join(outDir, name);
    await writeFile(file, jsonSchemaText(schema));
    written.push(file);
  }
  return written;
}
