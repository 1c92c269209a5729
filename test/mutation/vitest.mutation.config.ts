import { defineConfig } from 'vitest/config';

// Mutation testing runs the unit suite only: domain/ is pure and its rules are pinned there.
// The generated API client (test/unit/client) tests no domain code. STRYKER_EXCLUDE (comma-separated
// globs) leaves out test files that are red for reasons unrelated to the folder being mutated,
// since Stryker refuses to start when any test fails before mutating.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    exclude: ['test/unit/architecture/**', 'test/unit/openapi/**', 'test/unit/client/**', ...(process.env.STRYKER_EXCLUDE?.split(',').filter(Boolean) ?? [])],
    setupFiles: ['test/setup/zodOpenApi.ts'],
    environment: 'node',
  },
});
