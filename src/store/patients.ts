// SPDX-License-Identifier: MIT
/** The `patients` table. */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Patient } from '../scenario/index.js';
import { nowIso } from './records.js';
import type { ImportedLab, PatientRecord } from './records.js';
import type { Database, PatientsTable } from './tables.js';

function toRecord(row: Selectable<PatientsTable>): PatientRecord {
  return {
    id: row.id,
    name: row.name,
    covariates: JSON.parse(row.covariates) as Patient,
    labs: JSON.parse(row.labs) as ImportedLab[],
    created_at: row.created_at,
  };
}

/** Patients and their imported labs. */
export class PatientRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stores a new patient and returns it with its id. */
  async create(input: {
    name: string;
    covariates: Patient;
    labs: readonly ImportedLab[];
  }): Promise<PatientRecord> {
    const row = {
      id: randomUUID(),
      name: input.name,
      covariates: JSON.stringify(input.covariates),
      labs: JSON.stringify(input.labs),
      created_at: nowIso(),
    };
    await this.db.insertInto('patients').values(row).execute();
    return toRecord(row);
  }

  /** One patient with labs, or `undefined`. */
  async get(id: string): Promise<PatientRecord | undefined> {
    const row = await this.db.selectFrom('patients').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  /** Deletes a patient with its labs; `false` when there was none. */
  async delete(id: string): Promise<boolean> {
    const r = await this.db.deleteFrom('patients').where('id', '=', id).executeTakeFirst();
    return r.numDeletedRows > 0n;
  }

  /** Patients, newest first. */
  async list(page: { limit: number; offset: number }): Promise<PatientRecord[]> {
    const rows = await this.db
      .selectFrom('patients')
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return rows.map(toRecord);
  }
}
