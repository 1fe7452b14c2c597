// SPDX-License-Identifier: MIT
/**
 * The `api_tokens` table. Only SHA-256 hashes are stored: tokens are 256 random bits, so a fast hash is enough (a
 * slow password hash protects low-entropy secrets, which these are not).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { nowIso } from './records.js';
import type { Database, TokenScope } from './tables.js';

/** A token as listed: never its secret or hash. */
export interface TokenInfo {
  id: string;
  name: string;
  scope: TokenScope;
  created_at: string;
}

/** SHA-256 of a token, hex-encoded: what the table stores and what lookups compare. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** API bearer tokens. */
export class TokenRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Creates a token; the plain token is returned once and never stored (only its SHA-256 hash is). */
  async create(
    name: string,
    scope: TokenScope = 'read-write',
  ): Promise<{ id: string; token: string; scope: TokenScope }> {
    const id = randomUUID();
    const token = `et_${randomBytes(32).toString('base64url')}`;
    await this.db
      .insertInto('api_tokens')
      .values({ id, name, scope, token_hash: hashToken(token), created_at: nowIso() })
      .execute();
    return { id, token, scope };
  }

  /** The id and scope of the token, or `undefined` when it is not a known token. */
  async verify(token: string): Promise<{ id: string; scope: TokenScope } | undefined> {
    const row = await this.db
      .selectFrom('api_tokens')
      .select(['id', 'scope'])
      .where('token_hash', '=', hashToken(token))
      .executeTakeFirst();
    return row;
  }

  /** Every token, oldest first, without secrets. */
  async list(): Promise<TokenInfo[]> {
    return this.db
      .selectFrom('api_tokens')
      .select(['id', 'name', 'scope', 'created_at'])
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  /** Deletes a token; `false` when there was none with this id. */
  async revoke(id: string): Promise<boolean> {
    const r = await this.db.deleteFrom('api_tokens').where('id', '=', id).executeTakeFirst();
    return r.numDeletedRows > 0n;
  }

  /** How many tokens exist. */
  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('api_tokens')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
