// SPDX-License-Identifier: MIT
/**
 * Operational failures of the store in words an operator can act on: a read-only database file or folder names
 * the path, and a full disk says "disk full" instead of the follow-up error SQLite gives when a transaction it
 * already rolled back is rolled back again ("cannot rollback - no transaction is active").
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './tables.js';

/** A store failure with an operator-facing message; the driver's error is the `cause`. */
export class StoreError extends Error {
  constructor(
    message: string,
    /** `DISK_FULL` or `READ_ONLY`. */
    readonly code: 'DISK_FULL' | 'READ_ONLY',
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

const DISK_FULL_CODES = new Set(['SQLITE_FULL', 'ENOSPC', '53100']); // 53100: PostgreSQL disk_full
const READ_ONLY_CODES = new Set(['SQLITE_READONLY', 'SQLITE_READONLY_DIRECTORY', 'EROFS', 'EACCES', 'EPERM']);

/**
 * The operator-facing form of a driver error (disk full, read-only), or the error itself when it is neither.
 * @param where the database file or URL, named in read-only messages.
 */
export function describeStoreError(error: unknown, where?: string): unknown {
  const code = codeOf(error);
  if (code === undefined || error instanceof StoreError) return error;
  if (DISK_FULL_CODES.has(code)) {
    return new StoreError(
      `disk full (${code}): the database${where ? ` ${where}` : ''} could not be written; free disk space and ` +
        'retry (the write was rolled back)',
      'DISK_FULL',
      { cause: error },
    );
  }
  if (READ_ONLY_CODES.has(code) || code.startsWith('SQLITE_READONLY')) {
    return new StoreError(
      `the database${where ? ` ${where}` : ''} is read-only (${code}); make the file and its folder writable ` +
        'for this user',
      'READ_ONLY',
      { cause: error },
    );
  }
  return error;
}

/**
 * Runs `work` in a transaction and, when it fails, throws its own error (translated by
 * {@link describeStoreError}), not the error of a rollback that SQLite had already done itself.
 */
export async function inTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  let original: unknown;
  try {
    return await db.transaction().execute(async (trx) => {
      try {
        return await work(trx);
      } catch (error) {
        original = error;
        throw error;
      }
    });
  } catch (error) {
    throw describeStoreError(original ?? error);
  }
}

/**
 * Checks that a SQLite database path can be written before opening it: the file, when it exists, and its folder
 * (SQLite creates its journal files next to it).
 * @throws StoreError naming the path that is read-only.
 */
export function checkSqlitePathWritable(path: string): void {
  const file = resolve(path);
  const folder = dirname(file);
  const check = (target: string, what: string): void => {
    try {
      accessSync(target, constants.W_OK);
    } catch (error) {
      throw new StoreError(
        `cannot write ${what} ${target}: ${codeOf(error) ?? 'not writable'}; SQLite needs to write the database ` +
          'file and create its journal files in the same folder',
        'READ_ONLY',
        { cause: error },
      );
    }
  };
  if (existsSync(file)) check(file, 'the database file');
  if (existsSync(folder)) check(folder, 'the folder of the database,');
}
