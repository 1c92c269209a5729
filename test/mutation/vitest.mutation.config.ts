import { defineConfig } from 'vitest/config';

// Mutation testing runs the unit suite only: domain/ is pure and its rules are pinned there.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    exclude: ['test/unit/architecture/**', 'test/unit/openapi/**'],
    setupFiles: ['test/setup/zodOpenApi.ts'],
    environment: 'node',
  },
});
