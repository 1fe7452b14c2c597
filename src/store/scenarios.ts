// SPDX-License-Identifier: MIT
/** The `scenarios` table: saved scenario documents. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ScenarioInput } from '../scenario/index.js';
import { nowIso } from './records.js';
import type { ScenarioRecord, ScenarioSummary } from './records.js';
import type { Database } from './tables.js';

/** Saved scenario documents. */
export class ScenarioRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Saves a (validated) scenario document under a name and returns the record. */
  async save(name: string, document: ScenarioInput): Promise<ScenarioRecord> {
    const record = { id: randomUUID(), name, document, created_at: nowIso() };
    await this.db
      .insertInto('scenarios')
      .values({ ...record, document: JSON.stringify(document) })
      .execute();
    return record;
  }

  /** One scenario with its document, or `undefined`. */
  async get(id: string): Promise<ScenarioRecord | undefined> {
    const row = await this.db.selectFrom('scenarios').selectAll().where('id', '=', id).executeTakeFirst();
    return row && { ...row, document: JSON.parse(row.document) as ScenarioInput };
  }

  /** Scenario names and ids, newest first. */
  list(page: { limit: number; offset: number }): Promise<ScenarioSummary[]> {
    return this.db
      .selectFrom('scenarios')
      .select(['id', 'name', 'created_at'])
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
  }

  /** How many scenarios are saved. */
  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('scenarios')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n); // PostgreSQL returns count(*) as a bigint string
  }
}
