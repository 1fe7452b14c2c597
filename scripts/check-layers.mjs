// SPDX-License-Identifier: MIT
// Fails on an import cycle, on an import that points upward between the layers of the architecture's layer table,
// on a folder under src/ that the table lacks, and on a web/ import of anything of ours beyond what the web app may
// share. Static imports, re-exports, `import type`, type positions `import('…').T` and dynamic `import()` all count.
// Test files (`*.test.ts`, `*.test.tsx`) are exempt: a test may reach into what it tests.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const BELOW_SIMULATE = ['engine', 'physiology', 'scenario', 'analysis', 'protocol'];
const SIMULATE_AND_BELOW = ['simulate', ...BELOW_SIMULATE];

/**
 * The layer table, row by row as the architecture states it: which of our layers each `src/` layer may import
 * (besides itself).
 */
export const LAYERS = {
  engine: [],
  physiology: ['engine'],
  scenario: ['physiology'], // names only
  analysis: ['scenario'],
  protocol: ['scenario', 'physiology', 'analysis'],
  simulate: ['engine', 'physiology', 'scenario', 'analysis', 'protocol'],
  estimate: SIMULATE_AND_BELOW,
  exchange: SIMULATE_AND_BELOW,
  cohort: SIMULATE_AND_BELOW,
  twin: ['estimate', ...SIMULATE_AND_BELOW],
  validate: ['cohort', 'estimate', ...SIMULATE_AND_BELOW],
  store: ['scenario'],
  server: [...SIMULATE_AND_BELOW, 'estimate', 'exchange', 'cohort', 'twin', 'validate', 'store'],
  cli: [...SIMULATE_AND_BELOW, 'estimate', 'exchange', 'cohort', 'twin', 'validate', 'store', 'server'],
};

/**
 * Files directly in `src/` (the package entry `src/index.ts`) are the library's public surface: they may import
 * every layer except the two with effects at the edge, `server` and `cli`.
 */
export const ROOT_FILES_MAY_IMPORT = Object.keys(LAYERS).filter(
  (layer) => layer !== 'server' && layer !== 'cli',
);

/** The one module of ours the web app may import at run time: the zod-free vocabulary of the scenario contract. */
export const WEB_VALUE_IMPORTS = ['src/scenario/vocabulary.ts'];
/**
 * What the web app may import as types only (erased at build time): the scenario contract's document and result
 * types, and the API types the server publishes.
 */
export const WEB_TYPE_IMPORT_PREFIXES = ['src/scenario/', 'src/server/api-types.ts'];

const SOURCE = /\.(ts|tsx)$/;
const TEST = /\.test\.(ts|tsx)$/;
const SKIPPED_DIRS = new Set(['node_modules', 'dist']);

function sourceFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return SKIPPED_DIRS.has(name) ? [] : sourceFiles(path);
    return SOURCE.test(name) && !TEST.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every relative import of a file: its specifier, whether it is erased at build time, and whether it is dynamic. */
export function importsOf(fileName, text) {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, kind);
  const found = [];
  const add = (node, typeOnly, dynamic) => {
    if (node && ts.isStringLiteralLike(node) && node.text.startsWith('.')) {
      found.push({ spec: node.text, typeOnly, dynamic });
    }
  };
  const visit = (node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const allNamedAreTypes =
        clause !== undefined &&
        clause.name === undefined &&
        named !== undefined &&
        ts.isNamedImports(named) &&
        named.elements.length > 0 &&
        named.elements.every((element) => element.isTypeOnly);
      add(node.moduleSpecifier, clause?.isTypeOnly === true || allNamedAreTypes, false);
    } else if (ts.isExportDeclaration(node)) {
      const named = node.exportClause;
      const allNamedAreTypes =
        named !== undefined &&
        ts.isNamedExports(named) &&
        named.elements.length > 0 &&
        named.elements.every((element) => element.isTypeOnly);
      add(node.moduleSpecifier, node.isTypeOnly || allNamedAreTypes, false);
    } else if (ts.isImportTypeNode(node)) {
      const argument = node.argument;
      if (ts.isLiteralTypeNode(argument)) add(argument.literal, true, false);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node.arguments[0], false, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The file an import specifier names (`./x.js` is the source `./x.ts` or `./x.tsx`). */
function resolveImport(from, spec) {
  const base = resolve(dirname(from), spec);
  const stem = base.replace(/\.(js|jsx|mjs)$/, '');
  for (const candidate of [`${stem}.ts`, `${stem}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate)) return candidate;
  }
  return `${stem}.ts`;
}

/** The layer of a path relative to the root: `src/<layer>/…`, `index` for files directly in src/, else its folder. */
function layerOf(path) {
  const parts = path.split(sep);
  if (parts[0] !== 'src') return parts[0];
  return parts.length === 2 ? 'index' : parts[1];
}

function mayImport(from, to) {
  if (from === to) return true;
  if (from === 'index') return ROOT_FILES_MAY_IMPORT.includes(to);
  return (LAYERS[from] ?? []).includes(to);
}

function webMayImport(target, typeOnly) {
  if (target.startsWith(`web${sep}`)) return true;
  const posix = target.split(sep).join('/');
  if (WEB_VALUE_IMPORTS.includes(posix)) return true;
  return typeOnly && WEB_TYPE_IMPORT_PREFIXES.some((prefix) => posix.startsWith(prefix));
}

/**
 * Checks the repository at `root`. Returns the problems found (empty when the layering holds) and how many modules
 * were read.
 */
export function checkLayers(root) {
  const problems = [];
  const src = join(root, 'src');
  for (const name of readdirSync(src)) {
    if (statSync(join(src, name)).isDirectory() && !(name in LAYERS)) {
      problems.push(`src/${name}/ is a layer folder that the layer table lacks`);
    }
  }

  const graph = new Map();
  const check = (file, judge) => {
    const targets = [];
    for (const { spec, typeOnly, dynamic } of importsOf(file, readFileSync(file, 'utf8'))) {
      const target = resolveImport(file, spec);
      // A dynamic import loads on first use, so it cannot close a cycle at module initialisation.
      if (!dynamic) targets.push(target);
      const problem = judge(relative(root, file), relative(root, target), typeOnly);
      if (problem)
        problems.push(`${relative(root, file)} imports ${spec}${dynamic ? ' (dynamic)' : ''}: ${problem}`);
    }
    graph.set(file, targets);
  };

  for (const file of sourceFiles(src)) {
    check(file, (from, to) => {
      const fromLayer = layerOf(from);
      const toLayer = layerOf(to);
      return mayImport(fromLayer, toLayer) ? undefined : `layer '${fromLayer}' may not import '${toLayer}'`;
    });
  }
  for (const file of sourceFiles(join(root, 'web'))) {
    check(file, (_from, to, typeOnly) =>
      webMayImport(to, typeOnly)
        ? undefined
        : `web/ may import only ${WEB_VALUE_IMPORTS.join(', ')} and, as types, ${WEB_TYPE_IMPORT_PREFIXES.join(', ')}`,
    );
  }

  // Cycle detection by depth-first search with colours.
  const colour = new Map();
  const stack = [];
  const visit = (node) => {
    colour.set(node, 'grey');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (colour.get(next) === 'grey') {
        const cycle = stack.slice(stack.indexOf(next)).concat(next);
        problems.push(`import cycle: ${cycle.map((f) => relative(root, f)).join(' -> ')}`);
      } else if (!colour.has(next) && graph.has(next)) visit(next);
    }
    stack.pop();
    colour.set(node, 'black');
  };
  for (const node of graph.keys()) if (!colour.has(node)) visit(node);

  return { problems, modules: graph.size };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { problems, modules } = checkLayers(resolve(dirname(fileURLToPath(import.meta.url)), '..'));
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  console.log(`layers: ${modules} modules, no cycle, no upward import`);
}
