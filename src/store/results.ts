// SPDX-License-Identifier: MIT
/**
 * The `results` and `result_series` tables: a result document is stored without its series (JSON text), and each
 * series as a Float64 blob, so a long series costs 8 bytes a sample instead of its decimal text.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Result } from '../scenario/index.js';
import { nowIso } from './records.js';
import { decodeSeries, encodeSeries } from './series-codec.js';
import type { Database } from './tables.js';

/** Samples per piece of a streamed series (about 200 KB of JSON text). */
const SAMPLES_PER_CHUNK = 10_000;

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
    const document = await this.documentOf(runId);
    if (document === undefined) return undefined;
    const result = JSON.parse(document) as Result;
    result.series = options.series ? await this.readSeries(runId) : { t_min: [] };
    return result;
  }

  /** How many sampled values the stored results of a client's runs hold together. */
  async storedValuesOf(clientId: string): Promise<number> {
    const row = await this.db
      .selectFrom('result_series')
      .innerJoin('runs', 'runs.id', 'result_series.run_id')
      .select((eb) => eb.fn.sum<number | string | null>('result_series.length').as('n'))
      .where('runs.client_id', '=', clientId)
      .executeTakeFirstOrThrow();
    return Number(row.n ?? 0);
  }

  /**
   * The result document of a run as JSON text in pieces, reading one series at a time: the same text as
   * `JSON.stringify(await get(runId))`, without the whole result in memory. `undefined` when there is no result.
   */
  async jsonChunks(runId: string): Promise<AsyncIterable<string> | undefined> {
    const stored = await this.documentOf(runId);
    if (stored === undefined) return undefined;
    const index = await this.db
      .selectFrom('result_series')
      .select(['name', 'length'])
      .where('run_id', '=', runId)
      .orderBy('position')
      .execute();
    // The stored document holds `series: null` in its place; a unique marker splits it around the series.
    const marker = `series-${randomUUID()}`;
    const document = JSON.stringify({ ...(JSON.parse(stored) as object), series: marker });
    const [head, tail] = document.split(JSON.stringify(marker));
    const readOne = (name: string) => this.readOneSeries(runId, name);
    return (async function* chunks(): AsyncGenerator<string> {
      yield `${head}{`;
      for (const [i, { name, length }] of index.entries()) {
        const values = await readOne(name);
        if (values.length !== length) {
          throw new Error(
            `series ${name} of run ${runId} holds ${values.length} samples, expected ${length}`,
          );
        }
        yield `${i > 0 ? ',' : ''}${JSON.stringify(name)}:[`;
        for (let from = 0; from < values.length; from += SAMPLES_PER_CHUNK) {
          const part = values.slice(from, from + SAMPLES_PER_CHUNK).map((v) => JSON.stringify(v));
          yield `${from > 0 ? ',' : ''}${part.join(',')}`;
        }
        yield ']';
      }
      yield `}${tail}`;
    })();
  }

  /** The stored result document (series left out) of a run, or `undefined`. */
  private async documentOf(runId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('results')
      .select('document')
      .where('run_id', '=', runId)
      .executeTakeFirst();
    return row?.document;
  }

  private async readOneSeries(runId: string, name: string): Promise<number[]> {
    const row = await this.db
      .selectFrom('result_series')
      .select('data')
      .where('run_id', '=', runId)
      .where('name', '=', name)
      .executeTakeFirstOrThrow();
    return decodeSeries(row.data);
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
