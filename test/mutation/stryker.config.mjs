// `npm run test:mutation` (not part of `npm test`: it takes long on 2 cores).
// Narrow it with `npm run test:mutation -- --mutate "domain/audit/**/*.ts"`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'test/mutation/vitest.mutation.config.ts' },
  mutate: ['domain/**/*.ts', '!domain/**/*.json', '!domain/plan/examplePlan.ts', '!domain/assessment/catalogs/**'],
  coverageAnalysis: 'perTest',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: '.stryker/mutation-report.json' },
  tempDirName: '.stryker/tmp',
  concurrency: 2,
  thresholds: { high: 90, low: 80, break: null },
  timeoutMS: 20000,
};
