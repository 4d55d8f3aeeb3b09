import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  // Type-aware: the rules that need the type checker (floating promises, exhaustive
  // switches over a union such as Change['kind']) catch what the compiler lets through.
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  // Fakes in tests implement async ports (writers, readers) with synchronous bodies.
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'src/testing/recording-writer.ts'],
    rules: {
      '@typescript-eslint/require-await': 'off',
      // vitest's asymmetric matchers (expect.anything(), expect.stringContaining()) are typed `any`
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  // Plain JavaScript (this file, scripts/) is outside the TypeScript project.
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
