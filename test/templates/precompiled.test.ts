// The bundled templates ship precompiled (src/templates/precompiled.ts, issue
// 14: compiling them at every run was a tenth of `packet`'s start-up). A
// template edited without regenerating still renders — it is compiled at run
// time — but the speed is lost: this test says so.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { PRECOMPILED_TEMPLATES } from '../../src/templates/precompiled.js';
import { TEMPLATE_NAMES } from '../../src/templates/load.js';

describe('precompiled templates', () => {
  test('src/templates/precompiled.ts is what scripts/precompile-templates.mjs writes from templates/*.hbs now (else: npm run templates:precompile)', async () => {
    const script = await import('../../scripts/precompile-templates.mjs');
    const committed = readFileSync(new URL('../../src/templates/precompiled.ts', import.meta.url), 'utf8');
    expect(committed === script.precompiledModule(script.bundledTemplates()), 'src/templates/precompiled.ts is stale: run npm run templates:precompile').toBe(true);
  });

  test('every bundled template is in it, by its normalized text', () => {
    expect(PRECOMPILED_TEMPLATES.size).toBe(TEMPLATE_NAMES.length);
    for (const name of TEMPLATE_NAMES) {
      const text = readFileSync(new URL(`../../templates/${name}.hbs`, import.meta.url), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
      expect(PRECOMPILED_TEMPLATES.has(text), name).toBe(true);
    }
  });
});
