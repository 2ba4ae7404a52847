// Templates are a public interface an office edits (docs/ARCHITECTURE.md): one that
// tries to reach prototypes, helpers that are not offered, or other files is
// refused with a message naming the template and line — and leaves no trace
// on Object.prototype.
import { afterEach, describe, expect, test } from 'vitest';
import { renderTemplate } from '../../src/templates/render.js';
import { TemplateError } from '../../src/templates/template-error.js';
import { UserError } from '../../src/diagnostics/user-error.js';

const context = { title: '标题', units: ['农办', '林业站'], problem: { summary: '问题' } };

function refused(source: string): TemplateError {
  try {
    renderTemplate(source, 'templates/hostile.hbs', context);
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateError);
    expect(error).toBeInstanceOf(UserError);
    return error as TemplateError;
  }
  throw new Error(`template was not refused: ${source}`);
}

afterEach(() => {
  // Whatever a template tried, no prototype was changed.
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(
    ['__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__', '__proto__', 'constructor', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', 'toString', 'valueOf'].sort(),
  );
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('hostile templates', () => {
  test.each([
    ['{{constructor.constructor}}', '不允许访问字段“constructor”'],
    ['{{constructor}}', '不允许访问字段“constructor”'],
    ['{{__proto__}}', '不允许访问字段“__proto__”'],
    ['{{problem.__proto__.polluted}}', '不允许访问字段“__proto__”'],
    ['{{this.constructor.name}}', '不允许访问字段“constructor”'],
    ['{{@root.constructor}}', '不允许访问字段“constructor”'],
    ['{{[constructor]}}', '不允许访问字段“constructor”'],
    ['{{problem.hasOwnProperty}}', '不允许访问字段“hasOwnProperty”'],
    ['{{title.length}}', '不能取“title.length”'],
    ['{{units.prototype}}', '不允许访问字段“prototype”'],
  ])('%s is refused: %s', (source, message) => {
    const error = refused(source);
    expect(error.message).toContain('templates/hostile.hbs:1');
    expect(error.message).toContain(message);
  });

  test('{{#with this}}{{lookup . "constructor"}}{{/with}}: lookup does not exist', () => {
    expect(refused('{{#with this}}{{lookup . "constructor"}}{{/with}}').message).toContain('未知助手“lookup”');
  });

  test('a lookup inside a subexpression, or log, is refused too', () => {
    expect(refused('{{units (lookup this "constructor")}}').message).toContain('未知助手“lookup”');
    expect(refused('{{log "x"}}').message).toContain('未知助手“log”');
  });

  test.each(['{{> x}}', '{{> ../../../etc/passwd}}', '{{#> layout}}x{{/layout}}', '{{> (lookup . "x")}}'])('partial %s: a template cannot include another file', (source) => {
    expect(refused(source).message).toMatch(/模板不能引用其他模板|不支持的模板写法/);
  });

  test('decorators and inline partials are refused', () => {
    expect(refused('{{#*inline "x"}}y{{/inline}}').message).toMatch(/不支持的模板写法|不是可用的块/);
  });

  test('a block helper that is not offered is refused; the four that are work only with data', () => {
    expect(refused('{{#blockHelperMissing this}}x{{/blockHelperMissing}}').message).toContain('不是可用的块');
    expect(refused('{{#each constructor}}x{{/each}}').message).toContain('不允许访问字段“constructor”');
  });

  test('data named like the dangerous fields is just data, printed as text', () => {
    const blocks = renderTemplate('{{a}}', 'templates/data.hbs', { a: '{{constructor.constructor}}' });
    expect(blocks).toEqual([{ kind: 'paragraph', text: '{{constructor.constructor}}' }]);
  });

  test('an own property called __proto__ in the data (JSON.parse makes one) is not reachable', () => {
    const data = JSON.parse('{"__proto__": {"polluted": "yes"}, "title": "t"}') as object;
    expect(refused.call(null, '{{__proto__.polluted}}').message).toContain('__proto__');
    expect(renderTemplate('{{title}}', 'templates/data.hbs', data)).toEqual([{ kind: 'paragraph', text: 't' }]);
  });
});
