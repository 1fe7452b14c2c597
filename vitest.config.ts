import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.ts',
      'test/**/*.test.ts',
      'validation/**/*.test.ts',
      'web/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    environment: 'node',
    setupFiles: ['test/setup.ts'],
    // Generous on purpose: a test fails on a deadline only when what it waits for never comes. Waits inside tests
    // (test/support/wait.ts) give up first, with a message naming what they waited for.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    env: { TZ: 'UTC' },
  },
});
