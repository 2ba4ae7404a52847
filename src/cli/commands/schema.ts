// zhenggai schema [--out schema]
import type { Argv } from 'yargs';
import type { Runner } from '../options.js';

export function schemaCommand(yargs: Argv, run: Runner): Argv {
  return yargs.command(
    'schema',
    '导出 JSON Schema（供编辑器自动补全）/ Write the JSON Schemas for editors',
    (y) => y.option('out', { type: 'string', default: 'schema', describe: '输出文件夹 / output folder' }),
    (args) =>
      run(async (io) => {
        const { writeOutputs } = await import('../../documents/files.js');
        const { jsonSchemas } = await import('../../documents/schema.js');
        await writeOutputs(args.out, jsonSchemas(), false, io);
        return 0;
      }),
  );
}
