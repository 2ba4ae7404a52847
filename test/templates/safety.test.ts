// Data can never change structure, output is text not HTML, and a template
// can reach neither prototypes nor anything but the listed helpers.
import fc from 'fast-check';
import Handlebars from 'handlebars';
import { describe, expect, test } from 'vitest';
import { renderTemplate } from '../../src/templates/render.js';
import { TemplateError } from '../../src/templates/template-error.js';

const render = (source: string, context: object = {}) => renderTemplate(source, 'safe.hbs', context);

const HOSTILE = ['# 标题', '## 二级', '##> x|y', '##> 甲 || 乙', 'a\n# b', '---page---', '&amp; <b>', '\\# 转义', '第一行\n\n第二行', '{{x}}'];

describe('data cannot change structure', () => {
  test.each(HOSTILE)('value %j stays text in its paragraph', (value) => {
    expect(render('{{v}}', { v: value })).toEqual([{ kind: 'paragraph', text: value }]);
  });

  test.each(HOSTILE)('value %j stays text in a heading and in a run-in heading', (value) => {
    expect(render('# {{v}}\n##> {{v}} || {{v}}', { v: value })).toEqual([
      { kind: 'heading', level: 1, text: value },
      { kind: 'runIn', level: 2, heading: value, text: value },
    ]);
  });

  test('values from #each and from helpers are text too', () => {
    const blocks = render('{{#each xs}}\n{{this}}\n{{/each}}\n{{units xs}}\n{{measures xs}}', { xs: ['# 甲', '---page---'] });
    expect(blocks).toEqual([
      { kind: 'paragraph', text: '# 甲' },
      { kind: 'paragraph', text: '---page---' },
      { kind: 'paragraph', text: '# 甲、---page---' },
      { kind: 'paragraph', text: '一是# 甲。二是---page---。' },
    ]);
  });

  test('a value holding the sentinel characters cannot close its wrapper early', () => {
    const forged = '\uFDD1\n# 伪造标题\n\uFDD0';
    expect(render('{{v}}', { v: forged })).toEqual([{ kind: 'paragraph', text: '\n# 伪造标题\n' }]);
  });

  test('sentinel characters in a template are removed before it is read', () => {
    expect(render('\uFDD0# 标题\uFDD1')).toEqual([{ kind: 'heading', level: 1, text: '标题' }]);
  });

  test('any text printed by a template line gives exactly the template’s structure (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('#', '>', '|', ' ', '\n', '-', 'p', 'a', 'g', 'e', '\\', '甲', '\uFDD0', '\uFDD1', '&', '<') });
    const nonBlank = text.filter((s) => s.replace(/[\uFDD0\uFDD1]/g, '').trim() !== '');
    fc.assert(
      fc.property(nonBlank, nonBlank, nonBlank, (a, b, c) => {
        const strip = (s: string) => s.replace(/[\uFDD0\uFDD1]/g, '');
        expect(render('# {{a}}\n{{b}}\n##> {{a}} || {{c}}\n---page---', { a, b, c })).toEqual([
          { kind: 'heading', level: 1, text: strip(a) },
          { kind: 'paragraph', text: strip(b) },
          { kind: 'runIn', level: 2, heading: strip(a), text: strip(c) },
          { kind: 'pageBreak' },
        ]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('output is text, not HTML', () => {
  test('{{x}} prints & < > " \' ` = as they are', () => {
    const value = `&amp; <b>粗</b> "引" '号' \`=`;
    expect(render('{{v}}', { v: value })).toEqual([{ kind: 'paragraph', text: value }]);
  });

  test('{{{x}}} behaves like {{x}}', () => {
    expect(render('{{{v}}}', { v: '# <i>' })).toEqual([{ kind: 'paragraph', text: '# <i>' }]);
  });

  test('numbers print, lists/objects/booleans/null do not', () => {
    expect(render('{{n}}.{{s}}', { n: 7, s: '项' })).toEqual([{ kind: 'paragraph', text: '7.项' }]);
    expect(() => render('{{v}}', { v: ['a'] })).toThrow(/^safe\.hbs:1: “v”是列表/);
    expect(() => render('{{v}}', { v: { a: 1 } })).toThrow(/^safe\.hbs:1: “v”不是文字/);
    expect(() => render('{{v}}', { v: true })).toThrow(/^safe\.hbs:1: “v”是“是\/否”值/);
    expect(() => render('{{v}}', { v: null })).toThrow(/^safe\.hbs:1: “v”没有值/);
  });

  test('the global Handlebars is left as it was', () => {
    render('{{units xs}}', { xs: ['a'] });
    expect(Handlebars.helpers).not.toHaveProperty('units');
    expect(Handlebars.helpers).toHaveProperty('log');
    expect(Handlebars.compile('{{a}}')({ a: '&' })).toBe('&amp;');
  });
});

describe('no prototype access', () => {
  const refused = [
    '{{constructor}}',
    '{{__proto__}}',
    '{{a.constructor}}',
    '{{a.[__proto__]}}',
    '{{a.constructor.name}}',
    '{{toString}}',
    '{{#each constructor}}x{{/each}}',
    '{{#with __proto__}}x{{/with}}',
    '{{units constructor}}',
    '{{a.prototype}}',
  ];
  test.each(refused)('%s is refused when the template is read', (source) => {
    expect(() => render(`甲\n${source}`, { a: { b: 'x' } })).toThrow(/^safe\.hbs:2: 不允许访问字段/);
  });

  test('an inherited property is not a field', () => {
    const context = { a: Object.create({ inherited: '秘密' }) as object };
    expect(() => render('{{a.inherited}}', context)).toThrow(/^safe\.hbs:1: 未知字段“a\.inherited”/);
  });

  test('an own key named __proto__ in parsed JSON is still refused', () => {
    const context = JSON.parse('{"__proto__": {"x": "秘密"}, "a": "__proto__"}') as object;
    expect(() => render('{{__proto__.x}}', context)).toThrow(/不允许访问字段“__proto__”/);
    // As a value, the text "__proto__" is just text.
    expect(render('{{a}}', context)).toEqual([{ kind: 'paragraph', text: '__proto__' }]);
  });

  test.each(['{{log "x"}}', '{{lookup a "b"}}', '{{__zg_value a "a"}}', '{{__zg_get a "b" "a.b"}}'])(
    '%s is not an available helper',
    (source) => {
      expect(() => render(source, { a: { b: 'x' } })).toThrow(TemplateError);
    },
  );

  test('partials and non-built-in blocks are refused', () => {
    expect(() => render('{{> other}}')).toThrow(/^safe\.hbs:1: 模板不能引用其他模板/);
    expect(() => render('{{#units xs}}x{{/units}}', { xs: [] })).toThrow(/^safe\.hbs:1: “\{\{#units\}\}”不是可用的块/);
    expect(() => render('{{#xs}}x{{/xs}}', { xs: [1] })).toThrow(/不是可用的块/);
  });
});
