// The add-in's entry: every export here becomes a top-level function in dist/Code.js (see build.mjs),
// which is what Apps Script can call: triggers, menu items and google.script.run targets.
export { onOpen, onInstall } from './menu';
