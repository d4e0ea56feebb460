import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', '.local-cloud/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    // Pure domain code must not reach for AWS: adapters own every SDK call.
    files: ['shared/*/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@aws-sdk/*', '**/adapters/**'] }],
    },
  },
  {
    // Adapters store what use-cases decide, including when: time comes from the injected clock, so that every
    // time-based rule (expiry, audit timestamps) is testable and consistent within one operation.
    files: ['shared/*/adapters/**/*.ts', 'shared/kernel/storage/**/*.ts', 'shared/kernel/idempotency/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Adapters must not read the wall clock: take the time from the use-case (its injected Clock).' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Adapters must not read the wall clock: take the time from the use-case (its injected Clock).' },
      ],
    },
  },
  {
    // Tests must never be focused or skipped.
    files: ['test/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'it', property: 'only' },
        { object: 'it', property: 'skip' },
        { object: 'describe', property: 'only' },
        { object: 'describe', property: 'skip' },
        { object: 'test', property: 'only' },
        { object: 'test', property: 'skip' },
      ],
    },
  },
);
