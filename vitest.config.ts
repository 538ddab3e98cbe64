import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The CLI and browser tests load and save real .xlsx workbooks many times each; on a busy two-core
    // machine one such test can take a minute. The limit only stops a test that hangs.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
