// SPDX-License-Identifier: MIT
// docs/seeds.md and its figures are fresh: regenerating them from runs of the model gives the files as committed.
// Fix a failure with `npx tsx scripts/seeds-doc.ts`.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOC, seedsDoc } from '../scripts/seeds-doc.js';

describe('docs/seeds.md', () => {
  it('shows the model as it stands, figures included', { timeout: 600_000 }, async () => {
    const { page, figures } = await seedsDoc();
    expect(page).toBe(readFileSync(DOC, 'utf8'));
    for (const [file, svg] of figures) {
      expect(svg, file).toBe(readFileSync(join(dirname(DOC), 'figures', file), 'utf8'));
    }
  });
});
