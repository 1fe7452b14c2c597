// SPDX-License-Identifier: MIT
/**
 * The `api_tokens` table. Only SHA-256 hashes are stored: tokens are 256 random bits, so a fast hash is enough (a
 * slow password hash protects low-entropy secrets, which these are not).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { nowIso } from './records.js';
import type { Database } from './tables.js';

/** SHA-256 of a token, hex-encoded: what the table stores and what lookups compare. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** API bearer tokens. */
export class TokenRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Creates a token; the plain token is returned once and never stored. */
  async create(name: string): Promise<{ id: string; token: string }> {
    const id = randomUUID();
    const token = `et_${randomBytes(32).toString('base64url')}`;
    await this.db
      .insertInto('api_tokens')
      .values({ id, name, token_hash: hashToken(token), created_at: nowIso() })
      .execute();
    return { id, token };
  }

  /** The id of the token, or `undefined` when it is not a known token. */
  async verify(token: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('api_tokens')
      .select('id')
      .where('token_hash', '=', hashToken(token))
      .executeTakeFirst();
    return row?.id;
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
