import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', '.local/', 'openapi/*', '!openapi/client/', 'openapi/client/schema.d.ts', 'coverage/', '.bench/', '.stryker/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    // Tests read loosely typed JSON responses.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // domain/ is pure: no AWS SDK, no HTTP framework, no file or network I/O.
    files: ['domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['@aws-sdk/*', 'aws-cdk-lib', 'aws-cdk-lib/*', 'hono', 'hono/*', '@hono/*'], message: 'domain/ must not depend on AWS or HTTP.' },
          { group: ['fs', 'node:fs', 'fs/*', 'node:fs/*', 'http', 'node:http', 'https', 'node:https', 'net', 'node:net', 'child_process', 'node:child_process'], message: 'domain/ does no I/O.' },
        ],
      }],
    },
  },
  {
    // The package root requires every store it ships (74 KB per Lambda); take classes from the library module.
    files: ['functions/**/*.ts', 'functions/**/*.tsx'],
    ignores: ['functions/http/rateLimiterLibrary.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'rate-limiter-flexible', allowTypeImports: true, message: 'Import from functions/http/rateLimiterLibrary.ts.' }] }],
    },
  },
  {
    // Route files only declare routes and call commands / store reads: no DynamoDB calls, no
    // key literals, no audited commits of their own (functions/README.md).
    files: ['functions/**/routes.ts', 'functions/**/*Routes.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['@aws-sdk/*'], message: 'Route files do no DynamoDB I/O: call a command or a store read.' },
          { group: ['**/store/auditedCommit', '**/store/tableDesign', '**/store/entityStore'], message: 'Writes go through commands (application/versionedChange.ts); keys live in <area>Entities.ts.' },
        ],
      }],
      'no-restricted-syntax': ['error',
        { selector: "Property[key.name='KeyConditionExpression']", message: 'Queries are access patterns in <area>Entities.ts, run by the store.' },
        { selector: "Literal[value=/^[A-Z][A-Z_]*(#|$)/]", message: 'Partition and key literals belong in <area>Entities.ts.' },
        { selector: "TemplateElement[value.raw=/^[A-Z][A-Z_]*#/]", message: 'Key templates belong in <area>Entities.ts.' },
        { selector: "CallExpression[callee.name='commitAudited']", message: 'Commit in a command (commitChange / commitVersionedChange).' },
      ],
    },
  },
);
