// SPDX-License-Identifier: MIT
/**
 * `endotwin serve [--port P] [--host H] [--db PATH|postgres://…] [--fit-timeout S]`: the HTTP API and the web app. Preloads the
 * example scenarios into an empty store, prints the address, and on SIGINT/SIGTERM stops cleanly (unfinished runs
 * become `interrupted`, the store is closed).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import { ScenarioError, issuesFromZod, readDocument, scenarioSchema } from '../../scenario/index.js';
import { parseScenario } from '../../protocol/index.js';
import type { ParsedScenario } from '../../scenario/index.js';
import { packageRoot } from '../../server/version.js';
import type { Store } from '../../store/index.js';
import type { CommandContext } from '../context.js';
import { invalidInput } from '../errors.js';
import { parseNumberOption } from '../options.js';

/** The address `serve` binds by default: only this machine can reach it. */
const DEFAULT_HOST = '127.0.0.1';

/** Options of `serve` as commander hands them over. */
interface ServeCliOptions {
  port?: string;
  host?: string;
  db?: string;
  trustProxy?: string;
  fitTimeout?: string;
}

/** The range of `--fit-timeout`, seconds: a fit takes seconds, and an hour is the run time limit. */
const FIT_TIMEOUT_RANGE = { min: 1, max: 3600, unit: 's' } as const;

/** A running server and how to stop it. */
export interface RunningServer {
  readonly app: FastifyInstance;
  readonly store: Store;
  /** e.g. `http://127.0.0.1:8080` */
  readonly url: string;
  /** Example scenarios saved into an empty store at start, and the files skipped with their reason. */
  readonly preloaded: { saved: string[]; skipped: string[] };
  /** Closes the server (unfinished runs become interrupted), then the store. */
  stop(): Promise<void>;
}

/** A validated example document, or the reason it is not valid. */
async function readExample(path: string): Promise<ParsedScenario | ScenarioError> {
  try {
    const raw = readDocument(await readFile(path, 'utf8'));
    const parsed = scenarioSchema.safeParse(raw);
    if (!parsed.success) return new ScenarioError(issuesFromZod(parsed.error, raw));
    parseScenario(parsed.data); // the cross-field checks too
    return parsed.data;
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
}

/** The comment lines at the top of a YAML file, joined into one paragraph (`null` when there are none). */
export function leadingComment(text: string): string | null {
  const lines: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.startsWith('#')) break;
    lines.push(line.replace(/^#\s?/, '').trim());
  }
  const joined = lines.join(' ').replace(/\s+/g, ' ').trim();
  return joined === '' ? null : joined;
}

/**
 * Saves every valid `*.yaml` scenario of `dir` into the store when the store has no scenario yet. Returns the
 * names saved and, for files that do not validate, a message each (they are skipped).
 */
export async function preloadExamples(
  store: Store,
  dir: string,
): Promise<{ saved: string[]; skipped: string[] }> {
  const saved: string[] = [];
  const skipped: string[] = [];
  if ((await store.scenarios.count()) > 0) return { saved, skipped };
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.yaml')).sort();
  for (const file of files) {
    const example = await readExample(join(dir, file));
    if (example instanceof ScenarioError) {
      skipped.push(`${file}: ${example.message.split('\n')[0]}`);
      continue;
    }
    await store.scenarios.save(
      example.name,
      example,
      leadingComment(await readFile(join(dir, file), 'utf8')),
    );
    saved.push(example.name);
  }
  return { saved, skipped };
}

/**
 * Opens the store, builds the server and listens. ENDOTWIN_TOKEN, when set, is the bearer token of the data
 * routes (required off loopback).
 */
export async function startServe(options: {
  port: number;
  host: string;
  db: string;
  /** Proxy addresses (comma-separated) whose X-Forwarded-For names the client. */
  trustProxy?: string;
  /** Most time one twin fit may take, ms (default the server's, 25 s). */
  fitTimeoutMs?: number;
}): Promise<RunningServer> {
  // Loaded here, not at the top: the other commands should not pay for Fastify and the database drivers.
  const [{ buildServer }, { openStore }] = await Promise.all([
    import('../../server/index.js'),
    import('../../store/index.js'),
  ]);
  const store = await openStore(options.db);
  try {
    const preloaded = await preloadExamples(store, join(packageRoot(), 'examples'));
    const token = process.env.ENDOTWIN_TOKEN;
    const app = await buildServer({
      store,
      host: options.host,
      ...(token !== undefined && token !== '' ? { token } : {}),
      ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
      ...(options.fitTimeoutMs !== undefined ? { fitTimeoutMs: options.fitTimeoutMs } : {}),
      webRoot: join(packageRoot(), 'web', 'dist'),
      logger: true,
    });
    await app.listen({ host: options.host, port: options.port });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const host = options.host.includes(':') ? `[${options.host}]` : options.host;
    return {
      app,
      store,
      url: `http://${host}:${port}`,
      preloaded,
      async stop() {
        await app.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** Resolves on the first SIGINT or SIGTERM. */
function nextStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

async function runServe(options: ServeCliOptions, context: CommandContext): Promise<void> {
  const port = parseNumberOption('--port', options.port ?? process.env.PORT ?? '8080', {
    min: 0,
    max: 65535,
  });
  if (!Number.isInteger(port))
    throw invalidInput(`--port must be a whole number from 0 to 65535, got ${port}`);
  const fitTimeoutS =
    options.fitTimeout === undefined
      ? undefined
      : parseNumberOption('--fit-timeout', options.fitTimeout, FIT_TIMEOUT_RANGE);
  const server = await startServe({
    port,
    host: options.host ?? DEFAULT_HOST,
    db: options.db ?? './endotwin.db',
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
    ...(fitTimeoutS !== undefined ? { fitTimeoutMs: fitTimeoutS * 1000 } : {}),
  });
  const { skipped } = server.preloaded;
  if (skipped.length > 0) context.io.err(`examples not preloaded:\n  ${skipped.join('\n  ')}\n`);
  context.io.out(
    `endotwin is running: open ${server.url} in a browser (API docs at ${server.url}/docs).\n` +
      'Research and education software, not a medical device: model outputs are not dosing advice.\n' +
      'Press Ctrl+C to stop.\n',
  );
  const signal = await nextStopSignal();
  context.io.err(`${signal}: stopping; unfinished runs are marked interrupted\n`);
  await server.stop();
}

/** Adds the `serve` command. */
export function registerServe(program: Command, context: CommandContext): void {
  program
    .command('serve')
    .description('serve the HTTP API (OpenAPI at /docs) and the web app; SQLite ./endotwin.db by default')
    .option('--port <port>', 'TCP port (default: $PORT or 8080)')
    .option('--host <host>', `address to bind (default ${DEFAULT_HOST}; others need ENDOTWIN_TOKEN)`)
    .option('--db <path|url>', 'SQLite file, :memory:, or a postgres:// URL (default ./endotwin.db)')
    .option(
      '--trust-proxy <addresses>',
      'reverse proxies (IPs or CIDRs, comma-separated) whose X-Forwarded-For names the client',
    )
    .option(
      '--fit-timeout <seconds>',
      `most time one twin fit (with its prediction) may take, ${FIT_TIMEOUT_RANGE.min}–${FIT_TIMEOUT_RANGE.max} s (default 25; more is a 422 FIT_TIMEOUT)`,
    )
    .action((options: ServeCliOptions) => runServe(options, context));
}
