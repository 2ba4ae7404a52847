import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { jsonSchemaText, SCHEMA_FILES } from '../../model/json-schema.js';

export async function schemaCommand(outDir: string, print: (text: string) => void): Promise<number> {
  await mkdir(outDir, { recursive: true });
  for (const [name, schema] of Object.entries(SCHEMA_FILES)) {
    const file = path.join(outDir, name);
    await writeFile(file, jsonSchemaText(schema));
    print(`已写出 ${file}`);
  }
  return 0;
}
