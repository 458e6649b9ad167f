// Lint lives at the root because ESLint's flat config is discovered there; the rules enforce the runtime layering.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const electronOnlyAtTheEdge = {
  patterns: [{ group: ['electron', 'electron/*'], message: 'Only main/electron and main/preload may import electron.' }],
};
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'net', 'tls', 'dns', 'crypto', 'http', 'https'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test/artifacts/**', 'build/icons/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
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
        { patterns: [...electronOnlyAtTheEdge.patterns, { group: nodeBuiltins, message: 'main/shared runs in the renderer too.' }] },
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
            { group: ['**/main/core/**', '**/main/electron/**', '**/main/preload/**'], message: 'The renderer may import main/shared only.' },
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
        { selector: "ImportSpecifier[imported.name='ipcMain']", message: 'Register handlers through main/electron/ipc.ts.' },
      ],
    },
  },
);
