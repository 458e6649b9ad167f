// Lint lives at the root because ESLint's flat config is discovered there; the rules enforce the runtime layering.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electronOnlyAtTheEdge = {
  patterns: [
    { group: ['electron', 'electron/*'], message: 'Only main/electron and main/preload may import electron.' },
    {
      group: ['@main/electron/*', '**/main/electron/**'],
      message: 'Only the Electron edge may import the Electron edge.',
    },
  ],
};
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'net', 'tls', 'dns', 'crypto', 'http', 'https'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test/artifacts/**', 'build/icons/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts,mjs,cjs,js}'],
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: { 'simple-import-sort/imports': 'error', 'simple-import-sort/exports': 'error' },
  },
  {
    files: ['**/*.{ts,tsx,mts}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['main/**/*.ts', 'test/**/*.ts', '**/*.mjs', '*.js', 'renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Everything in main/ except the Electron edge runs under plain Node.
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**', 'main/preload/**'],
    rules: { 'no-restricted-imports': ['error', electronOnlyAtTheEdge] },
  },
  {
    // main/shared is imported by the renderer: no Node, no Electron.
    files: ['main/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...electronOnlyAtTheEdge.patterns,
            { group: nodeBuiltins, message: 'main/shared runs in the renderer too.' },
            {
              group: ['@core/*', '@main/*', '@renderer/*', '@test/*', '**/main/core/**'],
              message: 'main/shared imports only main/shared.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...electronOnlyAtTheEdge.patterns,
            { group: nodeBuiltins, message: 'The renderer has no Node.' },
            {
              group: ['**/main/core/**', '**/main/electron/**', '**/main/preload/**', '@core/*', '@main/*', '@test/*'],
              message: 'The renderer may import main/shared only.',
            },
          ],
        },
      ],
    },
  },
  {
    // Raw ipcMain/ipcRenderer only in the typed wrappers.
    files: ['main/electron/**/*.ts'],
    ignores: ['main/electron/ipc.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportSpecifier[imported.name='ipcMain']",
          message: 'Register handlers through main/electron/ipc.ts.',
        },
      ],
    },
  },
);
