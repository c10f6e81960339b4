// ESLint 9 flat config: typescript-eslint type-checked rules plus the purity rules of core.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'tmp/**',
      '**/dist/**',
      '**/node_modules/**',
      'fixtures/**',
      'packages/cli/bin/**',
      '*.config.*',
      'packages/web/vite.config.ts',
      '.dependency-cruiser.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./packages/*/tsconfig.test.json', './tsconfig.bench.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unnecessary-condition': 'off',
    },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    ignores: [
      'packages/core/src/time/**',
      'packages/core/src/units/**',
      'packages/core/src/ids/**',
      'packages/core/src/**/*.test.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date']",
          message: 'Use Instant from core/time; Date belongs at the edges',
        },
        { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'Inject a clock' },
        { selector: "MemberExpression[object.name='Math'][property.name='random']", message: 'Inject a random source' },
        {
          selector: 'TSAsExpression[typeAnnotation.typeName.name=/^(Km|KmPerSec|Sec|Rad|Deg|Instant|NoradId)$/]',
          message: 'Use the constructors in core/units, core/time or core/ids',
        },
      ],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'console', 'fetch', 'document', 'window'],
    },
  },
  {
    files: ['**/*.test.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
