// SPDX-License-Identifier: MIT
/**
 * The `results` and `result_series` tables: a result document is stored without its series (JSON text), and each
 * series as a Float64 blob, so a long series costs 8 bytes a sample instead of its decimal text.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Result } from '../scenario/index.js';
import { nowIso } from './records.js';
import { decodeSeries, encodeSeries } from './series-codec.js';
import type { Database } from './tables.js';

/**
 * Writes a result inside the caller's transaction. The document keeps `series: null` in its place, so key order
 * survives the round trip.
 */
export async function insertResult(trx: Transaction<Database>, runId: string, result: Result): Promise<void> {
  const document = JSON.stringify({ ...result, series: null });
  await trx.insertInto('results').values({ run_id: runId, document, created_at: nowIso() }).execute();
  const rows = Object.entries(result.series).map(([name, values], position) => ({
    run_id: runId,
    name,
    position,
    length: values.length,
    data: encodeSeries(values),
  }));
  if (rows.length > 0) await trx.insertInto('result_series').values(rows).execute();
}

/** Reading stored results. */
export class ResultRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * The result of a finished run, or `undefined` when there is none.
   * @param options.series `false` leaves `series` empty (`{ t_min: [] }`) and skips reading the blobs.
   */
  async get(runId: string, options: { series: boolean } = { series: true }): Promise<Result | undefined> {
    const row = await this.db
      .selectFrom('results')
      .select('document')
      .where('run_id', '=', runId)
      .executeTakeFirst();
    if (!row) return undefined;
    const result = JSON.parse(row.document) as Result;
    result.series = options.series ? await this.readSeries(runId) : { t_min: [] };
    return result;
  }

  private async readSeries(runId: string): Promise<Result['series']> {
    const rows = await this.db
      .selectFrom('result_series')
      .select(['name', 'data', 'length'])
      .where('run_id', '=', runId)
      .orderBy('position')
      .execute();
    const series: Result['series'] = { t_min: [] };
    for (const row of rows) {
      const values = decodeSeries(row.data);
      if (values.length !== row.length) {
        throw new Error(
          `series ${row.name} of run ${runId} holds ${values.length} samples, expected ${row.length}`,
        );
      }
      series[row.name] = values;
    }
    return series;
  }
}
