// SPDX-License-Identifier: MIT
/**
 * Unit tests of the web app's pure modules (Markdown, chart specs, exports, document editing), run in Node:
 * `npx vitest run --config web/vitest.config.ts`. The browser end-to-end test is test/web.e2e.test.ts.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    env: { TZ: 'UTC' },
  },
});
