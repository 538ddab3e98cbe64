import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The layers, as lint rules: src/core is pure and imports nothing of ours outside core; src/sheets uses
// core only; src/ui uses core, and the add-in's exports as types only (the typed server calls). Only
// src/addon and src/local may touch the Apps Script services.
const SERVICES = [
  'SpreadsheetApp',
  'HtmlService',
  'LockService',
  'PropertiesService',
  'Utilities',
  'ScriptApp',
  'Session',
  'CacheService',
  'UrlFetchApp',
];

// Imports are relative, so each layer's rule is written per folder depth: from src/core/aba/x.ts the
// prefix '../../' is src/. A file deeper than this would get no layer rule: test/build/lintLayers.test.ts
// checks that none is.
const MAX_DEPTH = 4;

/**
 * One config block per depth under src/<layer>. Each rule names the src/ folders it forbids ('*': any
 * folder outside the layer) and whether type-only imports are allowed.
 */
function layerImports(layer, rules) {
  return Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => {
    const toSrc = `^(\\.\\./){${depth + 1}}`;
    return {
      files: [`src/${layer}/${'*/'.repeat(depth)}*.ts`],
      rules: {
        '@typescript-eslint/no-restricted-imports': [
          'error',
          {
            patterns: rules.map(({ folders, allowTypeImports = false, message }) => ({
              regex: folders === '*' ? toSrc : `${toSrc}(${folders.join('|')})(/|$)`,
              allowTypeImports,
              message,
            })),
          },
        ],
      },
    };
  });
}

function restrictedGlobals(names, message) {
  return ['error', ...names.map((name) => ({ name, message }))];
}

const SERVICE_MESSAGE = 'Only src/addon and src/local touch the Apps Script services.';
// Date is the clock and the machine's time zone: core and sheets work in calendar dates (src/addon/zonedDate.ts).
const PURE_GLOBALS = restrictedGlobals(
  [...SERVICES, 'Date'],
  'src/core and src/sheets are pure: no services, no clock (see src/addon/zonedDate.ts).',
);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'demo/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  ...layerImports('core', [{ folders: '*', message: 'src/core is pure: it imports nothing outside core.' }]),
  ...layerImports('sheets', [
    { folders: ['addon', 'local', 'ui'], message: 'src/sheets uses src/core only.' },
  ]),
  ...layerImports('ui', [
    { folders: ['sheets', 'local'], message: 'The sidebars reach the ledger through the server calls only.' },
    {
      folders: ['addon'],
      allowTypeImports: true,
      message: 'The sidebars import the add-in as types only (import type), for the typed server calls.',
    },
  ]),
  ...layerImports('addon', [
    { folders: ['local', 'ui'], message: 'The add-in runs without src/local and src/ui.' },
  ]),
  {
    files: ['src/**/*.ts'],
    ignores: ['src/addon/**', 'src/local/**'],
    rules: { 'no-restricted-globals': restrictedGlobals(SERVICES, SERVICE_MESSAGE) },
  },
  { files: ['src/core/**/*.ts', 'src/sheets/**/*.ts'], rules: { 'no-restricted-globals': PURE_GLOBALS } },
);
