import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { UserError } from '../../src/diagnostics/user-error.js';
import { BUNDLED_TEMPLATES_DIR, loadTemplates, TEMPLATE_NAMES } from '../../src/templates/load.js';
import { renderTemplate } from '../../src/templates/render.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('loadTemplates', () => {
  test('the bundled folder is the package’s templates/', () => {
    expect(path.resolve(BUNDLED_TEMPLATES_DIR)).toBe(path.join(ROOT, 'templates'));
  });

  test('without a folder, every template is the bundled one', async () => {
    const set = await loadTemplates();
    for (const name of TEMPLATE_NAMES) {
      expect(set[name].overridden).toBe(false);
      expect(set[name].source).toBe(await readFile(path.join(ROOT, 'templates', `${name}.hbs`), 'utf8'));
      expect(set[name].fileName.endsWith(`templates${path.sep}${name}.hbs`)).toBe(true);
    }
  });

  test('an override folder replaces file by file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'zg-templates-'));
    await writeFile(path.join(dir, 'plan.hbs'), '# 自己的方案模板\n');
    await writeFile(path.join(dir, 'unrelated.hbs'), '# 不用\n');
    const set = await loadTemplates(dir);
    expect(set.plan.overridden).toBe(true);
    expect(set.plan.source).toBe('# 自己的方案模板\n');
    expect(set.plan.fileName).toContain('plan.hbs');
    expect(set.notice.overridden).toBe(false);
    expect(set.notice.source).toBe(await readFile(path.join(ROOT, 'templates', 'notice.hbs'), 'utf8'));
  });

  test('a folder named <template>.hbs is not a template', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'zg-templates-'));
    await mkdir(path.join(dir, 'notice.hbs'));
    expect((await loadTemplates(dir)).notice.overridden).toBe(false);
  });

  test('a folder that does not exist is an error, not a silent fallback', async () => {
    await expect(loadTemplates(path.join(os.tmpdir(), 'zg-no-such-folder-xyz'))).rejects.toThrow(UserError);
    await expect(loadTemplates(path.join(os.tmpdir(), 'zg-no-such-folder-xyz'))).rejects.toThrow(/模板文件夹不存在/);
  });

  test('errors in an override name the override file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'zg-templates-'));
    await writeFile(path.join(dir, 'notice.hbs'), '甲\n{{docNumbr}}\n');
    const { notice } = await loadTemplates(dir);
    expect(() => renderTemplate(notice.source, notice.fileName, { docNumber: 'x' })).toThrow(
      `${notice.fileName}:2: 未知字段“docNumbr”`,
    );
  });
});
