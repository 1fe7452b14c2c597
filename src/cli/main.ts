#!/usr/bin/env node
// SPDX-License-Identifier: MIT
/** Entry point of the `endotwin` command (the `bin` of package.json is dist/cli/main.js). */
import { runCli } from './program.js';
import { exitQuietlyOnClosedPipe } from './io.js';

exitQuietlyOnClosedPipe(process.stdout);
process.exitCode = await runCli(process.argv);
