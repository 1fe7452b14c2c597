// SPDX-License-Identifier: MIT
/** Malformed input never yields a 500: deep nesting, degenerate series, and the framework's own errors. */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/index.js';
import type { Store } from '../store/index.js';
import { buildServer } from './app.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-body.js';

type App = Awaited<ReturnType<typeof buildServer>>;

/** Sends raw bytes to the listening server and returns the raw response. */
function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    socket.on('end', () => resolve(received));
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
  });
}

function envelope(text: string): { code: string; message: string } {
  const body = JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)) as {
    error: { code: string; message: string };
  };
  return body.error;
}

describe('nestsDeeperThan', () => {
  it('counts brackets outside strings only', () => {
    expect(nestsDeeperThan('[[[]]]', 3)).toBe(false);
    expect(nestsDeeperThan('[[[[]]]]', 3)).toBe(true);
    expect(nestsDeeperThan('{"a":"[[[[[[\\"[[["}', 1)).toBe(false);
  });
});

describe('bad input never answers 500', () => {
  let store: Store;
  let app: App;
  let port: number;

  beforeAll(async () => {
    store = await openStore(':memory:');
    app = await buildServer({ store, workers: 1 });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    port = typeof address === 'object' && address !== null ? address.port : 0;
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it.each(['/api/v1/runs', '/api/v1/scenarios', '/api/v1/analysis/pulses'])(
    'refuses a JSON body nested 20,000 levels deep on %s with a 400',
    async (url) => {
      for (const payload of [
        '['.repeat(20_000) + ']'.repeat(20_000),
        '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000),
      ]) {
        const res = await app.inject({
          method: 'POST',
          url,
          payload,
          headers: { 'content-type': 'application/json' },
        });
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json()).toMatchObject({ error: { code: 'INVALID_REQUEST' } });
        expect(res.json<{ error: { message: string } }>().error.message).toContain(String(MAX_JSON_DEPTH));
      }
    },
  );

  const times = Array.from({ length: 144 }, (_, i) => i * 10);
  it.each([0, 1e-300])('answers 400 naming `value` for a pulse series of constant %s', async (v) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/analysis/pulses',
      payload: { t_min: times, value: times.map(() => v) },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'INVALID_REQUEST', path: 'value' } });
  });

  it('answers 400 or 422, never 500, for a varying series of values near 1e-300', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/analysis/pulses',
      payload: { t_min: times, value: times.map((_, i) => (i % 7 === 0 ? 3e-300 : 1e-300)) },
    });
    expect([200, 400, 422], res.body).toContain(res.statusCode);
  });

  it('answers a malformed URL with 400 in the error envelope', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/runs/%zz' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'BAD_REQUEST' } });
  });

  it('answers an over-long path parameter with 414 in the error envelope', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/runs/${'a'.repeat(5000)}` });
    expect(res.statusCode).toBe(414);
    expect(res.json()).toMatchObject({ error: { code: 'URI_TOO_LONG' } });
  });

  it('answers oversized headers with 431 in the error envelope', async () => {
    const raw = await rawRequest(
      port,
      `GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(raw.startsWith('HTTP/1.1 431')).toBe(true);
    expect(envelope(raw).code).toBe('HEADERS_TOO_LARGE');
  });

  it('answers a request line that is not HTTP with 400 in the error envelope', async () => {
    const raw = await rawRequest(port, 'NOT A REQUEST\r\n\r\n');
    expect(raw.startsWith('HTTP/1.1 400')).toBe(true);
    expect(envelope(raw).code).toBe('BAD_REQUEST');
  });

  const patient = { age_years: 45, sex: 'male', weight_kg: 82, height_cm: 178 };

  it('refuses 16,000 repeated regimen lines with a short 400 naming regimen and the cap', async () => {
    const regimen = Array.from({ length: 16_000 }, () => 'rhgh 1 mg sc at 08:00');
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/runs',
      payload: { duration_days: 2, patient, regimen },
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json<{ error: { path: string; message: string } }>();
    expect(error.path).toBe('regimen');
    expect(error.message).toContain('at most 100 regimen lines');
    expect(error.message.length).toBeLessThan(300);
  });

  it('refuses, as contraindicated, lines that together exceed a drug’s daily maximum', async () => {
    const regimen = Array.from({ length: 11 }, () => 'rhgh 1 mg sc at 08:00');
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/runs',
      payload: { duration_days: 2, patient, regimen },
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('CONTRAINDICATION_DAILY_EXPOSURE_ABOVE_MAXIMUM');
  });

  it('refuses a series named twice with a 400', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/runs',
      payload: { duration_days: 2, patient, output: { series: ['gh_ug_l', 'gh_ug_l'] } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { path: 'output.series' } });
  });
});
