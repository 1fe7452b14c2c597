// SPDX-License-Identifier: MIT
// `endotwin serve` refuses a bad option before it opens a store or a port.
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../../test/support/cli-harness.js';

describe('endotwin serve --fit-timeout', () => {
  it.each(['0', '3601', 'soon', '-5'])(
    'refuses %j with exit 2, naming the option and its range',
    async (value) => {
      const r = await runCliCaptured('serve', '--port', '0', '--db', ':memory:', '--fit-timeout', value);
      expect(r.code).toBe(2);
      expect(r.err).toContain('--fit-timeout must be a number from 1 to 3600 s');
      expect(r.out).toBe('');
    },
  );
});
