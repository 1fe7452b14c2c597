// SPDX-License-Identifier: MIT
/** The HTTP API: `buildServer` and what its callers need. */
export { buildServer, SERVER_DEFAULTS } from './app.js';
export type { ServerOptions } from './app.js';
export { isLoopbackHost, MIN_TOKEN_LENGTH } from './auth.js';
export { packageRoot, packageVersion } from './version.js';
