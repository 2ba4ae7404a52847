// The layers of src/ and what each may import, enforced by `npm test`
// (npm run lint:deps). Data flows load → model → derive → compose → render →
// write; a lower layer never imports a higher one. docs/ARCHITECTURE.md
// explains each layer and why the table is as it is: keep the two in step.
//
// Read a row as: files in src/<layer>/ may import only the layers listed
// (and their own layer). npm packages and node: built-ins are not layers.

/** @type {Record<string, string[]>} */
const LAYERS = {
  // Diagnostics as data, the user-facing error type, paths for messages.
  diagnostics: [],
  // GB/T 9704 and Excel layout facts, text-width estimate, file-name limits.
  layout: ['diagnostics'],
  // Plan and progress data, calendar dates, document models, vocabulary.
  model: ['layout', 'diagnostics'],
  // File formats at the edge: the xlsx reader and writer (exceljs), XML by
  // namespace (saxes), Office files from outside (ooxml/), strict UTF-8 text. Know no plan.
  formats: ['layout', 'diagnostics'],
  // Reading files: plan folders, JSON with positions, tables, unit forms.
  load: ['formats', 'model', 'layout', 'diagnostics'],
  // Pure functions of the model: deadlines, states, statistics, periods.
  derive: ['model', 'layout', 'diagnostics'],
  // Lint rules over a loaded plan folder.
  check: ['load', 'derive', 'model', 'layout', 'diagnostics'],
  // The template engine: grammar, helpers, loading a template set (its files
  // decoded as strictly as plan files, by formats/text.ts).
  templates: ['formats', 'derive', 'model', 'layout', 'diagnostics'],
  // Document models from the data and the templates.
  compose: ['templates', 'derive', 'model', 'layout', 'diagnostics'],
  // Document models to Word and Excel bytes; never compose.
  render: ['formats', 'model', 'layout', 'diagnostics'],
  // Files on disk: atomic writes, files replaced together, the folder lock and
  // recovery of interrupted runs, zip, PDF conversion, the packet folder.
  write: ['formats', 'model', 'layout', 'diagnostics'],
  // One pipeline per document, called by the CLI and (later) the server.
  documents: ['write', 'render', 'compose', 'templates', 'check', 'derive', 'load', 'formats', 'model', 'layout', 'diagnostics'],
  // The office's web server (zhenggai serve): database, accounts, pages; makes
  // documents only through the pipelines; reads the model and derive for its pages.
  server: ['documents', 'derive', 'model', 'layout', 'diagnostics'],
  // Parse arguments, call one pipeline (or start the server), print.
  cli: ['server', 'documents', 'diagnostics'],
};

const layerRules = Object.entries(LAYERS).map(([layer, allowed]) => ({
  name: `layer-${layer}`,
  comment: `src/${layer}/ may import only: ${allowed.length > 0 ? allowed.join(', ') : 'nothing else in src/'} (docs/ARCHITECTURE.md)`,
  severity: 'error',
  from: { path: `^src/${layer}/` },
  to: { path: '^src/', pathNot: `^src/(${[layer, ...allowed].join('|')})/` },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import cycle hides which module is the lower one.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-loose-files',
      comment: 'Every module of src/ lives in one of the layers above.',
      severity: 'error',
      from: { path: `^src/(?!(${Object.keys(LAYERS).join('|')})/)` },
      to: {},
    },
    {
      name: 'no-tests-from-src',
      comment: 'src/ never imports test or bench code.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|bench)/' },
    },
    ...layerRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js'] },
    moduleSystems: ['es6'],
  },
};
