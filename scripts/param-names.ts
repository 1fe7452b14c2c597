// SPDX-License-Identifier: MIT
/**
 * Rewrites src/physiology/param-names.generated.ts (the `ParamName` union) from the model's parameter catalogue.
 * Usage: `npx tsx scripts/param-names.ts`. A test fails while the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { paramNamesSource } from '../src/physiology/param-catalog.js';

const target = new URL('../src/physiology/param-names.generated.ts', import.meta.url);
writeFileSync(target, paramNamesSource());
console.log(`wrote ${target.pathname}`);
