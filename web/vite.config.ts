// SPDX-License-Identifier: MIT
/**
 * Vite configuration of the web app: root `web/`, output `web/dist` (served by `endotwin serve` at `/`). In
 * development (`npx vite --config web/vite.config.ts`) the API is proxied to a server on port 8080.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const apiTarget = process.env.ENDOTWIN_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No source maps in the served app: the sources are in the repository, not on the server.
    sourcemap: false,
    // uPlot and React together are well under this; a larger bundle means something heavy crept in.
    chunkSizeWarningLimit: 600,
  },
  server: {
    // The app imports the scenario contract and the validation report from outside web/.
    fs: { allow: [repoRoot] },
    proxy: { '/api': apiTarget, '/health': apiTarget, '/docs': apiTarget },
  },
});
