// Every template fault becomes a UserError that names the file and the line.
import { describe, expect, test } from 'vitest';
import { UserError } from '../../src/diagnostics/user-error.js';
import { renderTemplate } from '../../src/templates/render.js';
import { locateField, locateText, TemplateError } from '../../src/templates/template-error.js';

const FILE = 'templates/notice.hbs';

function faultOf(source: string, context: object = {}): TemplateError {
  try {
    renderTemplate(source, FILE, context);
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateError);
    expect(error).toBeInstanceOf(UserError);
    return error as TemplateError;
  }
  throw new Error('expected a template error');
}

const lines = (...ls: string[]) => ls.join('\n');

describe('syntax errors', () => {
  test('an unclosed {{ names its line', () => {
    const error = faultOf(lines('甲', '乙', '丙 {{docNumber', '丁'));
    expect(error.message).toMatch(/^templates\/notice\.hbs:3: 模板语法错误/);
    expect(error.file).toBe(FILE);
    expect(error.line).toBe(3);
  });

  test('a mismatched block end names the block’s line', () => {
    const error = faultOf(lines('甲', '{{#each xs}}', '{{this}}', '{{/eachh}}'), { xs: [] });
    expect(error.message).toBe('templates/notice.hbs:2: “{{#each}}”与“{{/eachh}}”不配对');
  });

  test('a block without its end', () => {
    expect(faultOf(lines('甲', '{{#if a}}', '乙'), { a: 1 }).message).toMatch(/^templates\/notice\.hbs:\d+: 模板语法错误/);
  });
});

describe('unknown helpers', () => {
  test('an unknown helper names itself and its line', () => {
    expect(faultOf(lines('甲', '', '整改措施：{{unit leadUnits}}'), { leadUnits: [] }).message).toBe(
      'templates/notice.hbs:3: 未知助手“unit”',
    );
  });

  test('inside a sub-expression and inside a block', () => {
    expect(faultOf(lines('{{#each xs}}', '{{units (sort this)}}', '{{/each}}'), { xs: [[]] }).message).toBe(
      'templates/notice.hbs:2: 未知助手“sort”',
    );
  });

  test('a helper with the wrong number of arguments', () => {
    expect(faultOf('{{percent 1}}').message).toBe('templates/notice.hbs:1: 助手“percent”需要 2 个参数，这里有 1 个');
    expect(faultOf('甲\n{{units}}').message).toBe('templates/notice.hbs:2: 助手“units”缺少参数');
  });

  test('a helper given the wrong kind of value names its line', () => {
    expect(faultOf('甲\n{{units name}}', { name: '经发办' }).message).toBe('templates/notice.hbs:2: units 的参数应为文字列表');
    expect(faultOf('{{chineseDate d}}', { d: '9月7日' }).message).toMatch(/^templates\/notice\.hbs:1: chineseDate 的参数应为/);
  });
});

describe('missing fields', () => {
  test('a misspelt field: the line comes from handlebars’ strict lookup', () => {
    const source = lines('{{!-- 通知 --}}', '{{#each body}}', '{{this}}', '{{/each}}', '', '发文字号：{{docNumbr}}');
    expect(faultOf(source, { body: ['甲'], docNumber: 'X' }).message).toBe('templates/notice.hbs:6: 未知字段“docNumbr”');
  });

  test('a misspelt first segment of a path', () => {
    expect(faultOf(lines('# {{goal.heading}}', '', '# {{gaol.heading}}'), { goal: { heading: '目标' } }).message).toBe(
      'templates/notice.hbs:3: 未知字段“gaol”',
    );
  });

  test('a misspelt later segment names the whole path, even when the same segment appears earlier', () => {
    const source = lines('# {{goal.heading}}', '{{goal.heading}}', '', '# {{goal.headng}}');
    expect(faultOf(source, { goal: { heading: '目标' } }).message).toBe('templates/notice.hbs:4: 未知字段“goal.headng”');
  });

  test('a path through a null field', () => {
    expect(faultOf('甲\n{{a.b}}', { a: null }).message).toBe('templates/notice.hbs:2: 字段“a”没有值，不能取“a.b”');
  });

  test('a misspelt list in #each and a misspelt condition in #if are errors, not silence', () => {
    expect(faultOf('甲\n{{#each bdy}}{{this}}{{/each}}', { body: [] }).message).toBe('templates/notice.hbs:2: 未知字段“bdy”');
    expect(faultOf('甲\n\n{{#if annotaton}}x{{/if}}', { annotation: null }).message).toBe(
      'templates/notice.hbs:3: 未知字段“annotaton”',
    );
  });

  test('a present null field is fine in #if', () => {
    expect(renderTemplate('{{#if annotation}}（{{annotation}}）{{/if}}', FILE, { annotation: null })).toEqual([]);
  });

  test('a field asked of text (inside #each over texts): handlebars gives no line, so the expression is found in the source', () => {
    const source = lines('甲', '{{#each items}}', '{{heading}}', '{{/each}}');
    expect(faultOf(source, { items: ['不是对象'] }).message).toBe('templates/notice.hbs:3: 未知字段“heading”（此处的数据不是对象）');
  });
});

describe('locating an expression in the source', () => {
  const source = lines('# {{goal.heading}}', '', '{{#each items}}', '  {{units (x leadUnits)}}', '{{/each}}', '{{../name}}');
  test('finds a field as any segment of any {{…}}', () => {
    expect(locateField(source, 'heading')).toBe(1);
    expect(locateField(source, 'items')).toBe(3);
    expect(locateField(source, 'leadUnits')).toBe(4);
    expect(locateField(source, 'name')).toBe(6);
  });

  test('does not match parts of longer names or text outside {{…}}', () => {
    expect(locateField(source, 'head')).toBeUndefined();
    expect(locateField('heading {{x}}', 'heading')).toBeUndefined();
  });

  test('finds a line by its start, ignoring indentation', () => {
    expect(locateText('甲\n   ##> {{h}}\n', '##>')).toBe(2);
    expect(locateText('甲', '')).toBeUndefined();
  });

  test('a message without a line still names the file', () => {
    expect(new TemplateError('my/plan.hbs', undefined, '出错').message).toBe('my/plan.hbs: 出错');
  });
});
