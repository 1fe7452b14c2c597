// SPDX-License-Identifier: MIT
// The layer check (`npm run deps`) on small planted trees: it passes a clean one and fails on each kind of breach
// the architecture's layer table forbids.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { LAYERS, checkLayers, importsOf } from '../scripts/check-layers.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const roots: string[] = [];

/** A temporary repository holding the given files (path relative to the root → text). */
function tree(files: Readonly<Record<string, string>>): string {
  const root = mkdtempSync(join(tmpdir(), 'endotwin-layers-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A clean tree: physiology imports engine, the web app imports the vocabulary and result types. */
const clean = {
  'src/engine/solver.ts': 'export const solve = 1;\n',
  'src/physiology/model.ts': "import { solve } from '../engine/solver.js';\nexport const model = solve;\n",
  'src/scenario/vocabulary.ts': "export const WEEKDAYS = ['mon'] as const;\n",
  'src/scenario/result.ts': 'export interface Result { day: number }\n',
  'src/index.ts': "export { model } from './physiology/model.js';\n",
  'web/src/app.tsx':
    "import { WEEKDAYS } from '../../src/scenario/vocabulary.js';\n" +
    "import type { Result } from '../../src/scenario/result.js';\n" +
    "import { view } from './view.js';\nexport const app = [WEEKDAYS, view] as unknown as Result;\n",
  'web/src/view.tsx': 'export const view = 2;\n',
};

describe('check-layers', () => {
  it('passes the repository itself', () => {
    expect(checkLayers(repoRoot).problems).toEqual([]);
  });

  it('passes a clean tree', () => {
    expect(checkLayers(tree(clean)).problems).toEqual([]);
  });

  it('fails on an upward import in web/ (a value import of a zod module)', () => {
    const root = tree({
      ...clean,
      'src/scenario/schema.ts': "import { z } from 'zod';\nexport const s = z.string();\n",
      'web/src/form.tsx': "import { s } from '../../src/scenario/schema.js';\nexport const form = s;\n",
    });
    const { problems } = checkLayers(root);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^web\/src\/form\.tsx imports \.\.\/\.\.\/src\/scenario\/schema\.js: web\/ may/,
    );
  });

  it('fails on a web/ import of a layer other than scenario, even type-only', () => {
    const root = tree({
      ...clean,
      'web/src/model-view.ts':
        "import type { model } from '../../src/physiology/model.js';\nexport type M = typeof model;\n",
    });
    expect(checkLayers(root).problems).toEqual([expect.stringMatching(/^web\/src\/model-view\.ts imports/)]);
  });

  it('fails on an upward dynamic import', () => {
    const root = tree({
      ...clean,
      'src/engine/lazy.ts':
        "export async function load() {\n  return (await import('../physiology/model.js')).model;\n}\n",
    });
    expect(checkLayers(root).problems).toEqual([
      "src/engine/lazy.ts imports ../physiology/model.js (dynamic): layer 'engine' may not import 'physiology'",
    ]);
  });

  it('fails on an upward import in a .tsx file of src/', () => {
    const root = tree({
      ...clean,
      'src/engine/view.tsx': "export { model } from '../physiology/model.js';\n",
    });
    expect(checkLayers(root).problems).toEqual([
      expect.stringMatching(/layer 'engine' may not import 'physiology'/),
    ]);
  });

  it('fails on a layer folder the table lacks', () => {
    const root = tree({ ...clean, 'src/helpers/x.ts': 'export const x = 1;\n' });
    expect(checkLayers(root).problems).toEqual(['src/helpers/ is a layer folder that the layer table lacks']);
  });

  it('fails on an import cycle, but not on one closed only by a dynamic import', () => {
    const cyclic = tree({
      ...clean,
      'src/engine/a.ts': "import { b } from './b.js';\nexport const a = b;\n",
      'src/engine/b.ts': "import { a } from './a.js';\nexport const b = a;\n",
    });
    expect(checkLayers(cyclic).problems).toEqual([
      expect.stringMatching(/^import cycle: src\/engine\/a\.ts/),
    ]);
    const lazy = tree({
      ...clean,
      'src/engine/a.ts': "import { b } from './b.js';\nexport const a = b;\n",
      'src/engine/b.ts': "export const b = 1;\nexport const later = () => import('./a.js');\n",
    });
    expect(checkLayers(lazy).problems).toEqual([]);
  });

  it('reads every import form, and ignores imports written in comments', () => {
    const text = [
      "import './side-effect.js';",
      "import type { A } from './a.js';",
      "import { type B, type C } from './b.js';",
      "export * from './c.js';",
      "export type { D } from './d.js';",
      "type E = import('./e.js').E;",
      "const f = await import('./f.js');",
      "// import { g } from './g.js';",
      "/* await import('./h.js') */",
      "import { readFileSync } from 'node:fs';",
    ].join('\n');
    expect(importsOf('x.ts', text)).toEqual([
      { spec: './side-effect.js', typeOnly: false, dynamic: false },
      { spec: './a.js', typeOnly: true, dynamic: false },
      { spec: './b.js', typeOnly: true, dynamic: false },
      { spec: './c.js', typeOnly: false, dynamic: false },
      { spec: './d.js', typeOnly: true, dynamic: false },
      { spec: './e.js', typeOnly: true, dynamic: false },
      { spec: './f.js', typeOnly: false, dynamic: true },
    ]);
  });

  it('has a row for the new estimate and exchange layers', () => {
    expect(LAYERS['twin']).toContain('estimate');
    expect(LAYERS['estimate']).not.toContain('cohort');
    expect(LAYERS['exchange']).toContain('simulate');
  });
});
