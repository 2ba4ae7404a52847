// Running a template: handlebars text in, Blocks out. Pure (no I/O).
//
// Safety comes from rewriting the parsed template before handlebars compiles
// it, in an isolated environment (Handlebars.create(); the global one is never
// touched):
//  - every {{…}} that prints becomes {{__zg_value …}}, which wraps the value in
//    sentinels (grammar.ts), so structure marks are read from template text
//    only and a value is printed as text, never as HTML (no &amp;);
//  - every field path is strict: a.b.c reads a with handlebars' strict lookup
//    and b, c through __zg_get, which accepts own properties only — a typo is
//    an error with a line number, and no path reaches a prototype;
//  - only the helpers in helpers.ts and the block helpers each/if/unless/with
//    exist; partials, decorators, log and lookup do not.

import { createRequire } from 'node:module';
import type Handlebars from 'handlebars';
import handlebarsRuntimeModule from 'handlebars/runtime.js';
import { PRECOMPILED_TEMPLATES } from './precompiled.js';
import type { Block } from '../model/document/official-document.js';
import { markValue, parseTemplateOutput, parseTemplatePieces, stripNoncharacters, type TemplatePiece } from './grammar.js';
import { BLOCK_HELPERS, HelperArgumentError, TEMPLATE_HELPERS, type TemplateHelper } from './helpers.js';
import { locateField, locateText, TemplateError, TemplateFault } from './template-error.js';

type Node = hbs.AST.Node;
type Program = hbs.AST.Program;
type Statement = hbs.AST.Statement;
type Expression = hbs.AST.Expression;
type PathExpression = hbs.AST.PathExpression & { strict?: boolean };
type SubExpression = hbs.AST.SubExpression;
type MustacheStatement = hbs.AST.MustacheStatement;
type BlockStatement = hbs.AST.BlockStatement;
type Hash = hbs.AST.Hash | undefined;
type Location = hbs.AST.SourceLocation;

// Internal helpers; the `__` prefix is refused in templates, so none can call them.
const VALUE_HELPER = '__zg_value';
const GET_HELPER = '__zg_get';

/** Names that would reach a prototype; refused in any path. */
const FORBIDDEN_SEGMENTS: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

// --- rewriting the parsed template -----------------------------------------

function fault(message: string, node: Node): TemplateFault {
  return new TemplateFault(message, node.loc?.start.line);
}

function internalPath(name: string, loc: Location): PathExpression {
  return { type: 'PathExpression', data: false, depth: 0, parts: [name], original: name, loc };
}

function stringLiteral(value: string, loc: Location): hbs.AST.StringLiteral {
  return { type: 'StringLiteral', value, original: value, loc };
}

function subExpression(path: PathExpression, params: Expression[], loc: Location): SubExpression {
  return { type: 'SubExpression', path, params, hash: undefined as unknown as hbs.AST.Hash, loc };
}

/** A bare name such as `units`: no `this.`, `../`, `@` or dots. */
function isPlainName(path: Node): path is PathExpression {
  const p = path as PathExpression;
  return p.type === 'PathExpression' && !p.data && p.depth === 0 && p.parts.length === 1 && p.original === p.parts[0];
}

function pathText(path: PathExpression, upTo: number): string {
  return (path.data ? '@' : '') + path.parts.slice(0, upTo + 1).join('.');
}

/**
 * A field reference. The first segment uses handlebars' strict lookup (which
 * knows this, ../, @data and block parameters); each further segment goes
 * through __zg_get, which names the whole path when it is missing.
 */
function fieldExpression(path: PathExpression): Expression {
  for (const part of path.parts) {
    if (FORBIDDEN_SEGMENTS.has(part) || part.startsWith('__')) throw fault(`不允许访问字段“${part}”`, path);
  }
  const head: PathExpression = { ...path, parts: path.parts.slice(0, 1), strict: true };
  let expression: Expression = head;
  for (let i = 1; i < path.parts.length; i += 1) {
    const params = [expression, stringLiteral(path.parts[i]!, path.loc), stringLiteral(pathText(path, i), path.loc)];
    expression = subExpression(internalPath(GET_HELPER, path.loc), params, path.loc);
  }
  return expression;
}

function helperCall(path: Node, params: Expression[], hash: Hash, node: Node): SubExpression {
  const name = (path as PathExpression).original ?? String(path.type);
  const helper: TemplateHelper | undefined = isPlainName(path) ? TEMPLATE_HELPERS.get(name) : undefined;
  if (!helper) throw fault(`未知助手“${name}”`, node);
  if (params.length !== helper.arity) throw fault(`助手“${name}”需要 ${helper.arity} 个参数，这里有 ${params.length} 个`, node);
  if (hash && hash.pairs.length > 0) throw fault(`助手“${name}”不接受“键=值”参数`, node);
  return subExpression(path as PathExpression, params.map(rewriteExpression), node.loc);
}

function rewriteExpression(expression: Expression): Expression {
  switch (expression.type) {
    case 'PathExpression':
      return fieldExpression(expression as PathExpression);
    case 'SubExpression': {
      const sub = expression as SubExpression;
      return helperCall(sub.path, sub.params, sub.hash, sub);
    }
    default:
      return expression; // string, number, boolean, null, undefined literals
  }
}

/** What a {{…}} prints, before it is wrapped: a literal, a field, or a helper call. */
function printedExpression(mustache: MustacheStatement): Expression {
  const { path, params, hash } = mustache;
  const called = params.length > 0 || (hash !== undefined && hash.pairs.length > 0);
  if (path.type !== 'PathExpression') {
    if (called) throw fault('文字常量后不能再跟参数', mustache);
    return path;
  }
  if (called) return helperCall(path, params, hash, mustache);
  const name = (path as PathExpression).original;
  if (isPlainName(path) && (TEMPLATE_HELPERS.has(name) || BLOCK_HELPERS.has(name))) {
    throw fault(`助手“${name}”缺少参数`, mustache);
  }
  return fieldExpression(path as PathExpression);
}

/** {{x}} → {{__zg_value x "x"}}: the second argument names the expression in error messages. */
function valueStatement(mustache: MustacheStatement): MustacheStatement {
  const shown = mustache.path.type === 'PathExpression' ? (mustache.path as PathExpression).original : 'literal';
  return {
    type: 'MustacheStatement',
    path: internalPath(VALUE_HELPER, mustache.loc),
    params: [printedExpression(mustache), stringLiteral(shown, mustache.loc)],
    hash: undefined as unknown as hbs.AST.Hash,
    escaped: false,
    strip: mustache.strip,
    loc: mustache.loc,
  };
}

function blockStatement(block: BlockStatement): BlockStatement {
  const name = block.path.original;
  if (!isPlainName(block.path) || !BLOCK_HELPERS.has(name)) {
    throw fault(`“{{#${name}}}”不是可用的块（只有 each、if、unless、with）`, block);
  }
  if (block.params.length !== 1) throw fault(`“{{#${name}}}”需要 1 个参数，这里有 ${block.params.length} 个`, block);
  if (block.hash && block.hash.pairs.length > 0) throw fault(`“{{#${name}}}”不接受“键=值”参数`, block);
  block.params = block.params.map(rewriteExpression);
  if (block.program) rewriteProgram(block.program);
  if (block.inverse) rewriteProgram(block.inverse);
  return block;
}

function rewriteStatement(statement: Statement): Statement {
  switch (statement.type) {
    case 'ContentStatement':
    case 'CommentStatement':
      return statement;
    case 'MustacheStatement':
      return valueStatement(statement as MustacheStatement);
    case 'BlockStatement':
      return blockStatement(statement as BlockStatement);
    case 'PartialStatement':
    case 'PartialBlockStatement':
      throw fault('模板不能引用其他模板（{{> …}}）', statement);
    default:
      throw fault(`不支持的模板写法（${statement.type}）`, statement);
  }
}

function rewriteProgram(program: Program): void {
  program.body = program.body.map(rewriteStatement);
}

// --- the environment --------------------------------------------------------

type HelperOptions = Handlebars.HelperOptions & { loc?: Location };

function lineOf(options: HelperOptions): number | undefined {
  return options.loc?.start.line;
}

function describeUnprintable(value: unknown): string {
  if (value === undefined || value === null) return '没有值（可选字段请先用 {{#if …}} 判断）';
  if (Array.isArray(value)) return '是列表，请用 {{#each …}}、units 或 measures';
  if (typeof value === 'boolean') return '是“是/否”值，请用 {{#if …}} 判断';
  return '不是文字，请写出其下的字段名';
}

function valueHelper(value: unknown, shown: unknown, options: HelperOptions): string {
  if (typeof value === 'string') return markValue(value);
  if (typeof value === 'number' && Number.isFinite(value)) return markValue(String(value));
  throw new TemplateFault(`“${String(shown)}”${describeUnprintable(value)}`, lineOf(options));
}

function getHelper(parent: unknown, name: string, shown: string, options: HelperOptions): unknown {
  if (parent === null || typeof parent !== 'object') {
    const parentPath = shown.slice(0, shown.length - name.length - 1);
    throw new TemplateFault(`字段“${parentPath}”${parent == null ? '没有值' : '不是对象'}，不能取“${shown}”`, lineOf(options));
  }
  if (!Object.hasOwn(parent, name)) throw new TemplateFault(`未知字段“${shown}”`, lineOf(options));
  return (parent as Record<string, unknown>)[name];
}

function publicHelper(helper: TemplateHelper) {
  return (...args: unknown[]): string | number => {
    const options = args.pop() as HelperOptions;
    try {
      return helper.fn(...args);
    } catch (error) {
      if (error instanceof HelperArgumentError) throw new TemplateFault(error.message, lineOf(options));
      throw error;
    }
  };
}

function createEnvironment(handlebars: typeof Handlebars): typeof Handlebars {
  const env = handlebars.create();
  env.unregisterHelper('log');
  env.unregisterHelper('lookup');
  env.registerHelper(VALUE_HELPER, valueHelper as Handlebars.HelperDelegate);
  env.registerHelper(GET_HELPER, getHelper as Handlebars.HelperDelegate);
  for (const [name, helper] of TEMPLATE_HELPERS) env.registerHelper(name, publicHelper(helper));
  return env;
}

/**
 * Two environments with the same helpers. The bundled templates come
 * precompiled and need only handlebars' runtime; its compiler (parser, code
 * generator) is loaded on the first template that is not precompiled (an
 * office's own, or a bundled one edited since) — loading it at every start
 * cost `packet` about 10 ms of CPU (issue 14). Both share the runtime's
 * modules (Node's module cache), so Handlebars.Exception is one class.
 */
// handlebars/runtime's typings declare nothing; it is handlebars' object without compile, precompile and parse, which only compilerEnv is asked for.
const HandlebarsRuntime = handlebarsRuntimeModule as unknown as typeof Handlebars;
const runtimeEnv = createEnvironment(HandlebarsRuntime);
let compilerEnvCache: typeof Handlebars | undefined;

function compilerEnv(): typeof Handlebars {
  compilerEnvCache ??= createEnvironment(createRequire(import.meta.url)('handlebars') as typeof Handlebars);
  return compilerEnvCache;
}

const COMPILE_OPTIONS: CompileOptions = {
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: {
    log: false,
    lookup: false,
    [VALUE_HELPER]: true,
    [GET_HELPER]: true,
    ...Object.fromEntries([...TEMPLATE_HELPERS.keys()].map((name) => [name, true])),
  },
  noEscape: true,
};

const RUNTIME_OPTIONS: Handlebars.RuntimeOptions = {
  allowProtoPropertiesByDefault: false,
  allowProtoMethodsByDefault: false,
  allowCallsToHelperMissing: false,
};

/** BOM and Windows line ends from Notepad are not content; noncharacters are reserved for value marks. */
function normalizeSource(source: string): string {
  return stripNoncharacters(source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
}

const compiledCache = new Map<string, HandlebarsTemplateDelegate>();

/** The parsed template with its field paths and helpers rewritten (see the top of this file): what is compiled or precompiled. */
function rewrittenAst(source: string): Program {
  const ast = compilerEnv().parseWithoutProcessing(source);
  rewriteProgram(ast);
  return ast;
}

/**
 * A template's compiled function. The bundled templates come precompiled
 * (precompiled.ts, made at build time from the same rewritten tree and
 * options): compiling them at every run was a tenth of `packet`'s start-up
 * (issue 14). They are looked up by their whole normalized text, so an
 * office's own template, or a bundled one edited since, is compiled here.
 */
function compiled(source: string): HandlebarsTemplateDelegate {
  const cached = compiledCache.get(source);
  if (cached) return cached;
  const spec = PRECOMPILED_TEMPLATES.get(source);
  const template = spec === undefined ? compilerEnv().compile(rewrittenAst(source), COMPILE_OPTIONS) : runtimeEnv.template(spec);
  compiledCache.set(source, template);
  return template;
}

/**
 * A template precompiled as JavaScript source (an object literal of
 * handlebars' template specification), from the same rewritten tree and
 * options `compiled` uses: for scripts/precompile-templates.mjs, which writes
 * src/templates/precompiled.ts. Throws TemplateError as rendering would.
 */
export function precompileTemplate(source: string, fileName: string): { normalized: string; spec: string } {
  const normalized = normalizeSource(source);
  try {
    return { normalized, spec: compilerEnv().precompile(rewrittenAst(normalized), COMPILE_OPTIONS) as unknown as string };
  } catch (error) {
    throw templateErrorFrom(error, fileName, normalized);
  }
}

// --- errors -----------------------------------------------------------------

/** Handlebars appends “ - line:column” to located messages; the file:line prefix replaces it. */
function withoutLocation(message: string): string {
  return message.replace(/ - \d+:\d+$/, '');
}

function translateHandlebarsMessage(message: string): string {
  const notDefined = /^"(.+)" not defined in /.exec(message);
  if (notDefined) return `未知字段“${notDefined[1]}”`;
  const mismatch = /^(\S+) doesn't match (\S+)$/.exec(message);
  if (mismatch) return `“{{#${mismatch[1]}}}”与“{{/${mismatch[2]}}}”不配对`;
  const unknownHelper = /unknown helper (\S+)$/.exec(message);
  if (unknownHelper) return `未知助手“${unknownHelper[1]}”`;
  return `模板错误：${message}`;
}

function templateErrorFrom(error: unknown, file: string, source: string): unknown {
  if (error instanceof TemplateError) return error;
  if (error instanceof TemplateFault) {
    const line = error.line ?? (error.hint === undefined ? undefined : locateText(source, error.hint));
    return new TemplateError(file, line, error.message);
  }
  if (!(error instanceof Error)) return error;
  if (error instanceof HandlebarsRuntime.Exception) {
    const located = error as unknown as { lineNumber?: number };
    return new TemplateError(file, located.lineNumber, translateHandlebarsMessage(withoutLocation(error.message)));
  }
  // The parser's own errors: “Parse error on line 3:\n…\nExpecting 'ID', got 'INVALID'”.
  const parse = /^(?:Parse|Lexical) error on line (\d+)/.exec(error.message);
  if (parse) {
    const lines = error.message.split('\n');
    return new TemplateError(file, Number(parse[1]), `模板语法错误：${lines[lines.length - 1]}`);
  }
  // A field looked up where the data is not an object (e.g. {{name}} inside
  // {{#each}} over a list of texts): handlebars gives no position, so find the
  // expression that asks for the name.
  const onNonObject = /Cannot use 'in' operator to search for '([^']+)'|reading '([^']+)'/.exec(error.message);
  if (error instanceof TypeError && onNonObject) {
    const name = onNonObject[1] ?? onNonObject[2]!;
    return new TemplateError(file, locateField(source, name), `未知字段“${name}”（此处的数据不是对象）`);
  }
  return error;
}

/**
 * Renders a template with a context and reads the output into blocks.
 * `fileName` is how errors name the template (e.g. templates/notice.hbs).
 * Throws TemplateError (a UserError) for any fault of the template.
 */
export function renderTemplate(source: string, fileName: string, context: object): Block[] {
  return run(source, fileName, context, parseTemplateOutput);
}

/**
 * As renderTemplate, for a template that may use the named slot lines
 * (`---chart …---`): they come back as SlotLine pieces for the caller to fill.
 */
export function renderTemplatePieces(source: string, fileName: string, context: object, slots: ReadonlySet<string>): TemplatePiece[] {
  return run(source, fileName, context, (output) => parseTemplatePieces(output, slots));
}

function run<T>(source: string, fileName: string, context: object, parse: (output: string) => T): T {
  const normalized = normalizeSource(source);
  try {
    const output = compiled(normalized)(context, RUNTIME_OPTIONS);
    return parse(output);
  } catch (error) {
    throw templateErrorFrom(error, fileName, normalized);
  }
}
