// ESLint flat config of okta-revoke-scan: @eslint/js recommended + typescript-eslint strict and stylistic, type-checked.
// Run from the repository root: `npm run lint` (`npm run lint:install` first). Files and ignores are
// relative to the working directory (ESLint's rule when a config is named with -c).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/**
 * The repository root: type information comes from its tsconfig.test.json (every linted file but the
 * HTML report's page script) and src/report/html/client/tsconfig.json (that script, with the DOM's types).
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export default defineConfig(
  { ignores: ['dist/**', 'node_modules/**', 'tools/**', 'bench/out/**', 'coverage/**'] },
  {
    files: ['src/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', 'test/**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: { project: ['./tsconfig.test.json', './src/report/html/client/tsconfig.json'], tsconfigRootDir: root },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Off: tsconfig has noUncheckedIndexedAccess, so every index read is `T | undefined`; a `!`
      // marks a read the loop bounds make safe (no-unnecessary-type-assertion still flags a `!`
      // the type does not need).
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Off: this tool escapes control characters in what it prints; the regular expressions that
      // find them (and the tests that prove none get through) match them on purpose.
      'no-control-regex': 'off',
      // Numbers in messages (`${n} events`) are what templates are for; other non-strings stay flagged.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `() => done()` callbacks and `return stop()` in void functions are plain; void used as a value is still flagged.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true, ignoreVoidReturningFunctions: true }],
      // `a || b` on strings is deliberate: Okta writes '' for an absent name, which falls back too.
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true } }],
      // A stream's 'error' or a caught value is passed on as it came (only-throw-error allows the same by default).
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
      // An empty arrow is how a callback is ignored (a no-op diagnostic sink, a listener); empty methods stay flagged.
      '@typescript-eslint/no-empty-function': ['error', { allow: ['arrowFunctions'] }],
      // `{ a: _a, ...rest }` leaves a field out; `_` marks what is unused on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Off in tests: they read JSON.parse output and vitest's asymmetric matchers (both `any`) and
      // check them with expect; typing each parsed document would add casts that prove nothing.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
