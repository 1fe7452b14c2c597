// SPDX-License-Identifier: MIT
/** The `scenarios` table: saved scenario documents. */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { ScenarioInput } from '../scenario/index.js';
import { nowIso } from './records.js';
import type { ScenarioRecord, ScenarioSummary } from './records.js';
import type { Database, ScenariosTable } from './tables.js';

function toRecord(row: Selectable<ScenariosTable>): ScenarioRecord {
  return {
    ...row,
    description: row.description ?? null,
    document: JSON.parse(row.document) as ScenarioInput,
  };
}

/** Saved scenario documents. */
export class ScenarioRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Saves a (validated) scenario document under a name, with an optional description, and returns the record. */
  async save(
    name: string,
    document: ScenarioInput,
    description: string | null = null,
  ): Promise<ScenarioRecord> {
    const record = { id: randomUUID(), name, document, created_at: nowIso(), description };
    await this.db
      .insertInto('scenarios')
      .values({ ...record, document: JSON.stringify(document) })
      .execute();
    return record;
  }

  /**
   * Replaces the document and name of a saved scenario in place (its id, creation time and description stay).
   * `undefined` when there is no such scenario.
   */
  async update(id: string, name: string, document: ScenarioInput): Promise<ScenarioRecord | undefined> {
    const r = await this.db
      .updateTable('scenarios')
      .set({ name, document: JSON.stringify(document) })
      .where('id', '=', id)
      .executeTakeFirst();
    return r.numUpdatedRows > 0n ? this.get(id) : undefined;
  }

  /** Deletes a saved scenario; `false` when there was none (runs made from it keep their own copy). */
  async delete(id: string): Promise<boolean> {
    const r = await this.db.deleteFrom('scenarios').where('id', '=', id).executeTakeFirst();
    return r.numDeletedRows > 0n;
  }

  /** One scenario with its document, or `undefined`. */
  async get(id: string): Promise<ScenarioRecord | undefined> {
    const row = await this.db.selectFrom('scenarios').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  /** Scenario names, ids and descriptions, newest first. */
  list(page: { limit: number; offset: number }): Promise<ScenarioSummary[]> {
    return this.db
      .selectFrom('scenarios')
      .select(['id', 'name', 'created_at', 'description'])
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
