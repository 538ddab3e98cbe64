// The sidebar preview: `startPreview({ workbook, port })` serves dist/*.html with a google.script.run
// bridge to the add-in's server functions on a local workbook. `npm run preview` runs ./main.
export { listSidebars, startPreview, type Preview, type PreviewOptions } from './server';
export { BRIDGE_SCRIPT, injectBridge } from './bridge';
export { escapeHtml } from './pages';
