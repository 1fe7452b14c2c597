// Fails on an import cycle or on an import that points upward between the layers of ARCHITECTURE.md.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
const src = join(root, 'src');

/** Which of our layers each layer may import (besides itself). */
const allowed = {
  engine: [],
  physiology: ['engine'],
  scenario: ['physiology'],
  protocol: ['scenario', 'physiology', 'analysis'], // screening and titration read IGF-1 SDS from analysis
  analysis: ['scenario'],
  simulate: ['engine', 'physiology', 'scenario', 'protocol', 'analysis'],
  cohort: ['simulate', 'analysis', 'scenario', 'physiology', 'protocol', 'engine'],
  validate: ['simulate', 'analysis', 'scenario', 'cohort'], // the virtual-trials section runs trial documents
  store: ['scenario'],
  twin: ['simulate', 'analysis', 'scenario', 'protocol'], // a patient's fitted twin runs simulate with overrides
  exchange: ['engine', 'physiology', 'scenario', 'analysis', 'protocol', 'simulate', 'cohort'],
  server: [
    'engine',
    'physiology',
    'scenario',
    'protocol',
    'analysis',
    'simulate',
    'cohort',
    'store',
    'twin',
    'exchange',
  ],
  cli: [
    'engine',
    'physiology',
    'scenario',
    'protocol',
    'analysis',
    'simulate',
    'cohort',
    'store',
    'server',
    'validate',
    'twin',
    'exchange',
  ],
  index: ['engine', 'physiology', 'scenario', 'protocol', 'analysis', 'simulate', 'cohort'],
};

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

function layerOf(file) {
  const first = relative(src, file).split('/')[0];
  return first.replace(/\.ts$/, '');
}

const importRe = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]/g;
const graph = new Map();
const problems = [];
for (const file of files(src)) {
  const text = readFileSync(file, 'utf8');
  const targets = [];
  for (const m of text.matchAll(importRe)) {
    const spec = m[1];
    if (/^import\s+type\b/.test(m[0].trim())) {
      // type-only imports still count for the layer rule, but not for runtime cycles
    }
    const target = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
    targets.push(target);
    const from = layerOf(file);
    const to = layerOf(target);
    if (from !== to && !(allowed[from] ?? []).includes(to)) {
      problems.push(`${relative(root, file)} imports ${spec}: layer '${from}' may not import '${to}'`);
    }
  }
  graph.set(file, targets);
}

// Cycle detection by depth-first search with colours.
const colour = new Map();
const stack = [];
function visit(node) {
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
}
for (const node of graph.keys()) if (!colour.has(node)) visit(node);

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`layers: ${graph.size} modules, no cycle, no upward import`);
