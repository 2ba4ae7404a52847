// The line grammar of templates/README.md: one test per mark.
import { describe, expect, test } from 'vitest';
import { renderTemplate, renderTemplatePieces } from '../../src/templates/render.js';
import { TemplateError } from '../../src/templates/template-error.js';

const render = (source: string, context: object = {}) => renderTemplate(source, 'test.hbs', context);

describe('headings', () => {
  test('one to four # give levels 1 to 4, text without the mark', () => {
    expect(render('# 一级\n## 二级\n### 三级\n#### 四级')).toEqual([
      { kind: 'heading', level: 1, text: '一级' },
      { kind: 'heading', level: 2, text: '二级' },
      { kind: 'heading', level: 3, text: '三级' },
      { kind: 'heading', level: 4, text: '四级' },
    ]);
  });

  test('heading text may come from data', () => {
    expect(render('## {{h}}', { h: '交叉检查发现问题' })).toEqual([{ kind: 'heading', level: 2, text: '交叉检查发现问题' }]);
  });

  test('several spaces or a tab after the mark are the template’s layout', () => {
    expect(render('#   一级\n##\t二级')).toEqual([
      { kind: 'heading', level: 1, text: '一级' },
      { kind: 'heading', level: 2, text: '二级' },
    ]);
  });
});

describe('run-in headings', () => {
  test('##> heading || text is one run-in paragraph at level 2', () => {
    expect(render('##> {{h}} || {{t}}', { h: '强化组织领导。', t: '成立领导小组。' })).toEqual([
      { kind: 'runIn', level: 2, heading: '强化组织领导。', text: '成立领导小组。' },
    ]);
  });

  test('every level has a run-in form, and literal text works on both sides', () => {
    expect(render('#> 甲。||乙\n###> 丙。 || 丁\n####> 戊。||己')).toEqual([
      { kind: 'runIn', level: 1, heading: '甲。', text: '乙' },
      { kind: 'runIn', level: 3, heading: '丙。', text: '丁' },
      { kind: 'runIn', level: 4, heading: '戊。', text: '己' },
    ]);
  });

  test('only the first || of the template splits; later ones are text', () => {
    expect(render('##> 甲 || 乙||丙')).toEqual([{ kind: 'runIn', level: 2, heading: '甲', text: '乙||丙' }]);
  });
});

describe('paragraphs and page breaks', () => {
  test('every other line is one paragraph; blank lines only separate', () => {
    expect(render('第一段\n\n\n第二段\n第三段\n')).toEqual([
      { kind: 'paragraph', text: '第一段' },
      { kind: 'paragraph', text: '第二段' },
      { kind: 'paragraph', text: '第三段' },
    ]);
  });

  test('a whole line ---page--- is a page break', () => {
    expect(render('甲\n---page---\n乙')).toEqual([
      { kind: 'paragraph', text: '甲' },
      { kind: 'pageBreak' },
      { kind: 'paragraph', text: '乙' },
    ]);
  });

  test('---page--- inside a line is text', () => {
    expect(render('见 ---page--- 处')).toEqual([{ kind: 'paragraph', text: '见 ---page--- 处' }]);
  });

  test('indentation and trailing blanks of the template are ignored; full-width spaces are text', () => {
    expect(render('    ## 缩进的标题   \n\t段落\t\n\u3000全角空格')).toEqual([
      { kind: 'heading', level: 2, text: '缩进的标题' },
      { kind: 'paragraph', text: '段落' },
      { kind: 'paragraph', text: '\u3000全角空格' },
    ]);
  });

  test('a leading backslash makes the rest a paragraph whatever it starts with', () => {
    expect(render('\\# 不是标题\n\\---page---\n\\\\双')).toEqual([
      { kind: 'paragraph', text: '# 不是标题' },
      { kind: 'paragraph', text: '---page---' },
      { kind: 'paragraph', text: '\\双' },
    ]);
  });

  test('standalone block and comment lines leave no line behind', () => {
    const source = '{{!-- 说明 --}}\n{{#each xs}}\n  {{this}}\n{{/each}}\n{{#if flag}}\n# 有\n{{else}}\n# 无\n{{/if}}\n';
    expect(render(source, { xs: ['甲', '乙'], flag: false })).toEqual([
      { kind: 'paragraph', text: '甲' },
      { kind: 'paragraph', text: '乙' },
      { kind: 'heading', level: 1, text: '无' },
    ]);
  });

  test('Windows line ends and a BOM are accepted', () => {
    expect(render('\uFEFF# 标题\r\n段落\r\n')).toEqual([
      { kind: 'heading', level: 1, text: '标题' },
      { kind: 'paragraph', text: '段落' },
    ]);
  });

  test('a line left empty by its data is dropped, not an empty paragraph', () => {
    expect(render('{{a}}\n乙', { a: '' })).toEqual([{ kind: 'paragraph', text: '乙' }]);
  });
});

describe('malformed marks are template errors naming the line', () => {
  const cases: [string, string, RegExp][] = [
    ['no space after #', '段落\n#标题', /^test\.hbs:2: 行首的“#”/],
    ['five #', '#####  标题', /^test\.hbs:1: 行首的“#”/],
    ['run-in without ||', '甲\n乙\n##> 强化组织领导。成立', /^test\.hbs:3: 段首小标题行须用“\|\|”/],
    ['a mark alone', '##   ', /^test\.hbs:1: 行首的“#”/],
    ['empty run-in heading', '##> || 正文', /^test\.hbs:1: 段首小标题为空/],
  ];
  test.each(cases)('%s', (_name, source, message) => {
    expect(() => render(source)).toThrow(TemplateError);
    expect(() => render(source)).toThrow(message);
  });

  test('a heading whose data is blank has no text', () => {
    expect(() => render('甲\n## {{h}}', { h: ' ' })).toThrow(/^test\.hbs:2: 标题为空/);
  });
});

describe('handlebars features templates may use', () => {
  test('else if, unless, with, @index, ../ and @root, block parameters', () => {
    const source = [
      '{{#each items as |item|}}',
      '{{#if item.first}}',
      '# {{item.name}}',
      '{{else if item.second}}',
      '## {{item.name}}',
      '{{else}}',
      '{{@index}}.{{item.name}}（{{../unit}}/{{@root.unit}}）',
      '{{/if}}',
      '{{/each}}',
      '{{#unless hidden}}',
      '{{#with goal}}{{heading}}{{/with}}',
      '{{/unless}}',
    ].join('\n');
    const context = {
      unit: '甲办',
      hidden: false,
      goal: { heading: '目标' },
      items: [
        { name: '一', first: true, second: false },
        { name: '二', first: false, second: true },
        { name: '三', first: false, second: false },
      ],
    };
    expect(render(source, context)).toEqual([
      { kind: 'heading', level: 1, text: '一' },
      { kind: 'heading', level: 2, text: '二' },
      { kind: 'paragraph', text: '2.三（甲办/甲办）' },
      { kind: 'paragraph', text: '目标' },
    ]);
  });

  test('a path into a block parameter that is text is an error naming the path', () => {
    expect(() => render('{{#each xs as |x|}}\n{{x.name}}\n{{/each}}', { xs: ['文字'] })).toThrow(
      /^test\.hbs:2: 字段“x”不是对象，不能取“x\.name”/,
    );
  });
});

describe('slot lines', () => {
  const slots = new Set(['chart', 'title']);
  const pieces = (source: string, context: object = {}) => renderTemplatePieces(source, 'slots.hbs', context, slots);

  test('---name argument--- is a slot when the caller allows the name; the argument may hold values', () => {
    expect(pieces('甲\n---chart 各单位情况（截至{{d}}）---\n---title---', { d: '11月底' })).toEqual([
      { kind: 'paragraph', text: '甲' },
      { kind: 'slot', name: 'chart', argument: '各单位情况（截至11月底）' },
      { kind: 'slot', name: 'title', argument: '' },
    ]);
  });

  test('---page--- is still a page break, and takes no argument', () => {
    expect(pieces('---page---')).toEqual([{ kind: 'pageBreak' }]);
    expect(() => pieces('---page 甲---')).toThrow(/分页行/);
  });

  test('a name the template may not use is an error with the line, not a paragraph', () => {
    expect(() => render('甲\n---chart 图---')).toThrow(/^test\.hbs:2: 未知的占位行“---chart”/);
    expect(() => pieces('---chrat 图---')).toThrow(/未知的占位行“---chrat”（此模板可用：---page---、---chart …---、---title …---）/);
  });

  test('an unclosed slot line is an error', () => {
    expect(() => pieces('---chart 图')).toThrow(/占位行须以“---”结尾/);
    expect(() => pieces('---chart {{x}}', { x: '---' })).toThrow(/占位行须以“---”结尾/);
  });

  test('data cannot open a slot, and lines not starting ---letters stay text', () => {
    expect(pieces('{{x}}', { x: '---chart 图---' })).toEqual([{ kind: 'paragraph', text: '---chart 图---' }]);
    expect(pieces('----\n--- 甲 ---\n\\---chart---')).toEqual([
      { kind: 'paragraph', text: '----' },
      { kind: 'paragraph', text: '--- 甲 ---' },
      { kind: 'paragraph', text: '---chart---' },
    ]);
  });
});
