/* global process */
// `npm run test:mutation` (not part of `npm test`: it takes long on 2 cores).
// Narrow it with `npm run test:mutation -- --mutate "domain/audit/**/*.ts"`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'test/mutation/vitest.mutation.config.ts' },
  mutate: ['domain/**/*.ts', '!domain/**/*.json', '!domain/plan/examplePlan.ts', '!domain/assessment/catalogs/**'],
  coverageAnalysis: 'perTest',
  reporters: ['clear-text', 'progress', 'json'],
  // STRYKER_REPORT names the JSON report so folder-by-folder runs keep one report each.
  jsonReporter: { fileName: `.stryker/${process.env.STRYKER_REPORT ?? 'mutation-report'}.json` },
  tempDirName: '.stryker/tmp',
  // Only what the unit suite needs goes into the sandbox: build output and the generated client
  // (whose scratch files come and go) are left behind.
  ignorePatterns: ['.stryker', 'cdk.out', '.bench', 'coverage', 'dist', '.local', 'openapi/client', 'test/integration', 'test/infra', 'test/unit/client'],
  concurrency: 2,
  thresholds: { high: 90, low: 80, break: null },
  timeoutMS: 20000,
};
