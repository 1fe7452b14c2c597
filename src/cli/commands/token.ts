// SPDX-License-Identifier: MIT
/**
 * `endotwin token create|list|revoke [--db PATH|postgres://…]`: the API's bearer tokens. A new token is printed
 * once, on stdout; the store keeps only its SHA-256 hash. Scopes: `read` (GET only) or `read-write` (default).
 */
import type { Command } from 'commander';
import type { TokenScope } from '../../store/index.js';
import type { Store } from '../../store/index.js';
import type { CommandContext } from '../context.js';
import { invalidInput } from '../errors.js';

const DEFAULT_DB = './endotwin.db';
const SCOPES: readonly TokenScope[] = ['read', 'read-write'];

interface DbOption {
  db?: string;
}

async function withStore<T>(db: string | undefined, work: (store: Store) => Promise<T>): Promise<T> {
  const { openStore } = await import('../../store/index.js');
  // A server may be running on this store: leave its runs alone.
  const store = await openStore(db ?? DEFAULT_DB);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

function parseScope(raw: string | undefined): TokenScope {
  if (raw === undefined) return 'read-write';
  if ((SCOPES as readonly string[]).includes(raw)) return raw as TokenScope;
  throw invalidInput(`--scope must be one of ${SCOPES.join(', ')}, got ${JSON.stringify(raw.slice(0, 80))}`);
}

function parseName(raw: string): string {
  const hasControl = [...raw].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
  if (raw.length === 0 || raw.length > 200 || hasControl) {
    throw invalidInput('the token name must be 1 to 200 characters without control characters');
  }
  return raw;
}

/** Adds the `token` command and its `create`, `list` and `revoke` subcommands. */
export function registerToken(program: Command, context: CommandContext): void {
  const token = program.command('token').description('manage the API bearer tokens (stored as hashes)');
  const dbHelp = `SQLite file or postgres:// URL of the server's store (default ${DEFAULT_DB})`;

  token
    .command('create <name>')
    .description('create a token and print it once (it cannot be shown again)')
    .option('--scope <scope>', 'read (GET only) or read-write (default)')
    .option('--db <path|url>', dbHelp)
    .action(async (name: string, options: DbOption & { scope?: string }) => {
      const scope = parseScope(options.scope);
      const created = await withStore(options.db, (store) => store.tokens.create(parseName(name), scope));
      context.io.out(`${created.token}\n`);
      context.io.err(
        `token ${created.id} (${scope}) created; it is shown only now: keep it, only its hash is stored\n`,
      );
    });

  token
    .command('list')
    .description('list the tokens: id, scope, created, name (never the tokens themselves)')
    .option('--db <path|url>', dbHelp)
    .action(async (options: DbOption) => {
      const tokens = await withStore(options.db, (store) => store.tokens.list());
      for (const t of tokens) context.io.out(`${t.id}\t${t.scope}\t${t.created_at}\t${t.name}\n`);
      if (tokens.length === 0) context.io.err('no tokens\n');
    });

  token
    .command('revoke <id>')
    .description('delete a token; requests with it are refused from then on')
    .option('--db <path|url>', dbHelp)
    .action(async (id: string, options: DbOption) => {
      const revoked = await withStore(options.db, (store) => store.tokens.revoke(id));
      if (!revoked) throw invalidInput(`no token with id ${JSON.stringify(id.slice(0, 80))}`);
      context.io.err(`token ${id} revoked\n`);
    });
}
