// The template sets a pipeline takes: the bundled templates/, or an office's
// own folder with the bundled ones filling the gaps (templates/README.md).
export { loadTemplates, type TemplateSet } from '../templates/load.js';
