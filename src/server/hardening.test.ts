// SPDX-License-Identifier: MIT
/** DNS rebinding, security headers, Retry-After on 429, and run limits keyed by token or proxied address. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../store/index.js';
import type { Store } from '../store/index.js';
import { buildServer } from './app.js';
import type { ServerOptions } from './app.js';
import { hostName } from './hardening.js';

type App = Awaited<ReturnType<typeof buildServer>>;
const TOKEN = 'a-test-token-of-32-characters-xx';
// Long enough to stay queued or running while the test submits the next one.
const LONG_RUN = {
  duration_days: 30,
  patient: { age_years: 45, sex: 'male', weight_kg: 82, height_cm: 178 },
};

describe('hostName', () => {
  it('strips the port and IPv6 brackets', () => {
    expect(hostName('LocalHost:8080')).toBe('localhost');
    expect(hostName('[::1]:8080')).toBe('::1');
    expect(hostName('127.0.0.1')).toBe('127.0.0.1');
  });
});

describe('browser hardening', () => {
  let store: Store;
  let app: App;
  const start = async (options: Partial<ServerOptions> = {}): Promise<App> => {
    app = await buildServer({ store, workers: 1, ...options });
    return app;
  };
  beforeEach(async () => {
    store = await openStore(':memory:');
  });
  afterEach(async () => {
    await app.close();
    await store.close();
  });

  it('refuses a foreign Host on loopback without a token (DNS rebinding), accepts loopback names', async () => {
    await start();
    const foreign = await app.inject({
      method: 'GET',
      url: '/api/v1/runs',
      headers: { host: 'evil.example:8080' },
    });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json()).toMatchObject({ error: { code: 'HOST_NOT_ALLOWED' } });
    const suffix = await app.inject({
      method: 'GET',
      url: '/health',
      headers: { host: '127.0.0.1.evil.example' },
    });
    expect(suffix.statusCode).toBe(403);
    for (const host of ['localhost:8080', '127.0.0.1:8080', '[::1]:8080', '127.1.2.3']) {
      const res = await app.inject({ method: 'GET', url: '/api/v1/runs', headers: { host } });
      expect(res.statusCode, host).toBe(200);
    }
  });

  it('leaves the Host to the token check when a token is configured', async () => {
    await start({ token: TOKEN });
    const res = await app.inject({
      method: 'GET',
      url: '/api/v1/runs',
      headers: { host: 'api.example.org', authorization: `Bearer ${TOKEN}` },
    });
    expect(res.statusCode).toBe(200);
  });

  it('sends the security headers on answers and errors', async () => {
    await start();
    for (const url of ['/health', '/api/v1/runs', '/api/v1/nothing']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
      expect(res.headers['content-security-policy'], url).toContain("default-src 'self'");
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
    }
  });

  it('answers 429 with Retry-After', async () => {
    await start({ maxConcurrentRunsPerClient: 1 });
    expect((await app.inject({ method: 'POST', url: '/api/v1/runs', payload: LONG_RUN })).statusCode).toBe(
      202,
    );
    const res = await app.inject({ method: 'POST', url: '/api/v1/runs', payload: LONG_RUN });
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  const submitFrom = (
    forwardedFor: string,
    extra: Record<string, string> = {},
    remoteAddress = '127.0.0.1',
  ) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/runs',
      payload: LONG_RUN,
      remoteAddress,
      headers: { 'x-forwarded-for': forwardedFor, ...extra },
    });

  it('keys the run limit by the trusted proxy’s client address with trustProxy', async () => {
    await start({ maxConcurrentRunsPerClient: 1, trustProxy: '127.0.0.1' });
    expect((await submitFrom('10.0.0.1')).statusCode).toBe(202);
    expect((await submitFrom('10.0.0.1')).statusCode).toBe(429);
    expect((await submitFrom('10.0.0.2')).statusCode).toBe(202);
  });

  it('ignores X-Forwarded-For without trustProxy (the socket address is the client)', async () => {
    await start({ maxConcurrentRunsPerClient: 1 });
    expect((await submitFrom('10.0.0.1')).statusCode).toBe(202);
    expect((await submitFrom('10.0.0.2')).statusCode).toBe(429);
  });

  it('keys the run limit by token, whatever the address', async () => {
    await start({ maxConcurrentRunsPerClient: 1, token: TOKEN });
    const auth = { authorization: `Bearer ${TOKEN}` };
    expect((await submitFrom('x', auth, '127.0.0.1')).statusCode).toBe(202);
    expect((await submitFrom('x', auth, '127.0.0.2')).statusCode).toBe(429);
  });
});
