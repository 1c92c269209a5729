import { defineConfig } from 'vitest/config';

// Three suites, run in order by `npm test`:
// - unit: pure domain rules and small adapters, no I/O
// - integration: the HTTP apps against one in-memory DynamoDB Local per run
// - infra: CDK synth assertions and cdk-nag
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          setupFiles: ['test/setup/zodOpenApi.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          setupFiles: ['test/setup/zodOpenApi.ts'],
          environment: 'node',
          globalSetup: ['test/integration/support/globalSetup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Real Chromium (Debian's package) against the local stack in-process: the console and public pages.
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          setupFiles: ['test/setup/zodOpenApi.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One browser at a time on two cores: the files share nothing but the machine.
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
          // On a loaded 2-core machine a page step has stalled past the test timeout (seen twice with
          // Stryker running beside it; never alone). One retry, and every retry is printed by vitest.
          retry: 1,
        },
      },
      {
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          setupFiles: ['test/setup/zodOpenApi.ts'],
          environment: 'node',
          testTimeout: 120_000,
        },
      },
    ],
  },
});
