// Installs what is missing and builds what is stale, so that `npm start` and `npm test` work on a fresh clone.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit' });
const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);

function newestUnder(dir) {
  let newest = 0;
  if (!existsSync(dir)) return 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(path) : statSync(path).mtimeMs);
  }
  return newest;
}

// npm writes node_modules/.package-lock.json on every install: older than the lock file means stale.
const installed = join(root, 'node_modules', '.package-lock.json');
if (!existsSync(installed) || mtime(join(root, 'package-lock.json')) > mtime(installed)) {
  console.error('endotwin: installing dependencies (npm ci)…');
  try {
    run('npm ci --no-audit --no-fund');
  } catch {
    // npm ci refuses a lock file that lacks optional packages for other platforms when the registry in use does
    // not serve them (msgpackr-extract's macOS and Windows builds here); npm install accepts the same lock file.
    console.error('endotwin: npm ci failed; installing with npm install from the same lock file…');
    run('npm install --no-audit --no-fund');
  }
}

const stamp = join(root, '.build-stamp');
const sourcesChanged =
  Math.max(
    newestUnder(join(root, 'src')),
    mtime(join(root, 'tsconfig.json')),
    mtime(join(root, 'tsconfig.build.json')),
  ) > mtime(stamp);
if (!existsSync(join(root, 'dist', 'cli', 'main.js')) || sourcesChanged) {
  console.error('endotwin: building (tsc)…');
  run('npx tsc -p tsconfig.build.json');
  execSync(`touch ${JSON.stringify(stamp)}`);
}

// The web app (web/dist, served by `endotwin serve`) is rebuilt when its sources, the contract modules it imports
// or the validation report it embeds are newer than its index.html.
const webIndex = join(root, 'web', 'dist', 'index.html');
const webChanged =
  Math.max(
    newestUnder(join(root, 'web', 'src')),
    mtime(join(root, 'web', 'index.html')),
    mtime(join(root, 'web', 'vite.config.ts')),
    newestUnder(join(root, 'src', 'scenario')),
    mtime(join(root, 'src', 'physiology', 'drug-catalog.ts')),
    mtime(join(root, 'validation', 'REPORT.md')),
  ) > mtime(webIndex);
if (webChanged) {
  console.error('endotwin: building the web app (vite)…');
  run('npx vite build --config web/vite.config.ts --logLevel warn');
  run('node scripts/precompress.mjs web/dist');
}
