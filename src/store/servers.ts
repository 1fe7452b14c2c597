// SPDX-License-Identifier: MIT
/**
 * The `servers` table: one row per API server using the database, with a heartbeat. Times of heartbeats come from
 * the database's clock, not the servers', so servers on machines whose clocks disagree still judge each other
 * fairly.
 */
import { sql } from 'kysely';
import type { Kysely, RawBuilder } from 'kysely';
import type { DialectName } from './migrations.js';
import { nowIso } from './records.js';
import type { Database } from './tables.js';

/** The database's current time in milliseconds since 1970, as a SQL expression. */
export function databaseNowMs(dialect: DialectName): RawBuilder<number> {
  return dialect === 'postgres'
    ? sql<number>`(extract(epoch from clock_timestamp()) * 1000)::double precision`
    : sql<number>`((julianday('now') - 2440587.5) * 86400000.0)`;
}

/** A server as the table lists it. */
export interface ServerInfo {
  readonly id: string;
  readonly label: string;
  readonly started_at: string;
  /** How long ago its last heartbeat was, by the database's clock (ms). */
  readonly silent_ms: number;
}

/** Server identities and heartbeats. */
export class ServerRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectName,
  ) {}

  /** Adds (or, after it was declared gone, adds again) a server with a fresh heartbeat. */
  async register(id: string, label: string): Promise<void> {
    const now = databaseNowMs(this.dialect);
    await this.db
      .insertInto('servers')
      .values({ id, label, started_at: nowIso(), heartbeat_ms: now })
      .onConflict((oc) => oc.column('id').doUpdateSet({ heartbeat_ms: now }))
      .execute();
  }

  /** Renews a server's heartbeat. `false` when its row is gone: another server declared it gone meanwhile. */
  async heartbeat(id: string): Promise<boolean> {
    const r = await this.db
      .updateTable('servers')
      .set({ heartbeat_ms: databaseNowMs(this.dialect) })
      .where('id', '=', id)
      .executeTakeFirst();
    return r.numUpdatedRows > 0n;
  }

  /** Removes a server (at its shutdown). */
  async remove(id: string): Promise<void> {
    await this.db.deleteFrom('servers').where('id', '=', id).execute();
  }

  /** Removes the servers silent for longer than `leaseMs` (they are gone); returns their ids. */
  async removeGone(leaseMs: number): Promise<string[]> {
    const cutoff = sql<number>`${databaseNowMs(this.dialect)} - ${leaseMs}`;
    const rows = await this.db
      .deleteFrom('servers')
      .where('heartbeat_ms', '<', cutoff)
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  /** The registered servers, oldest first. */
  async list(): Promise<ServerInfo[]> {
    const rows = await this.db
      .selectFrom('servers')
      .select(['id', 'label', 'started_at'])
      .select(sql<number>`${databaseNowMs(this.dialect)} - heartbeat_ms`.as('silent_ms'))
      .orderBy('started_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ ...r, silent_ms: Number(r.silent_ms) }));
  }
}
