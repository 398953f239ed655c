// Lint: the TypeScript rules, the React hooks rules (dependency arrays checked), and the
// import walls of docs/ARCHITECTURE.md as import restrictions (src/architecture.test.ts
// checks them in full; this catches a wrong import in the editor, as it is typed).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** Import patterns a folder must not use, with the reason shown to whoever writes one. */
const walls = (message, ...group) => ({ 'no-restricted-imports': ['error', { patterns: [{ group, message }] }] });

/** Tests may drive the real engine from any folder (the walls hold for what ships). */
const TESTS = ['**/*.test.ts', '**/*.test.tsx', '**/testing.tsx', '**/testEngine.ts', '**/arbitraries.ts'];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'reports/', 'playwright-report/', 'public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Node scripts and the embed journeys' host server.
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly' } },
  },
  {
    // Playwright's fixtures call their `use` argument: not React's hook.
    files: ['e2e/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    files: ['src/sim/**/*.ts', 'src/scenario/**/*.ts'],
    ignores: TESTS,
    rules: walls('the engine and the scenario language know nothing of the app', '**/ui/**', '**/store/**', '**/worker/**', '**/bridge/**', '**/protocol/**', 'react', 'react-dom', 'zustand'),
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/viz/**/*.ts', 'src/store/**/*.ts'],
    ignores: TESTS,
    rules: walls('the page draws from the store; the engine runs in the worker', '**/sim/engine/**', '**/worker/**', '**/scenario/parser*', '**/lessons/resolve*'),
  },
  {
    files: ['src/bridge/**/*.ts'],
    ignores: TESTS,
    rules: walls('the bridge knows only the protocol', '**/sim/**', '**/scenario/**', '**/store/**', '**/ui/**', '**/worker/**'),
  },
);
