// SPDX-License-Identifier: MIT
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedEncodings, registerStaticFiles } from './static-files.js';

describe('static files', () => {
  const root = mkdtempSync(join(tmpdir(), 'endotwin-static-'));
  const script = `console.log(${JSON.stringify('x'.repeat(4000))});\n`;
  let app: FastifyInstance;

  beforeAll(async () => {
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>endotwin</title>');
    writeFileSync(join(root, 'assets', 'app.js'), script);
    writeFileSync(join(root, 'assets', 'app.js.br'), brotliCompressSync(script));
    writeFileSync(join(root, 'assets', 'app.js.gz'), gzipSync(script));
    app = Fastify();
    registerStaticFiles(app, root);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  const get = (url: string, acceptEncoding?: string) =>
    app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

  it('sends the Brotli copy when the client accepts br, else the gzip copy, else the file', async () => {
    const br = await get('/assets/app.js', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('accept-encoding');
    expect(br.headers['content-type']).toMatch(/^text\/javascript/);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    const gz = await get('/assets/app.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);
    const plain = await get('/assets/app.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('sends the file itself when no compressed copy exists or the client refuses both', async () => {
    expect((await get('/', 'br')).headers['content-encoding']).toBeUndefined();
    const refused = await get('/assets/app.js', 'br;q=0, gzip;q=0');
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body).toBe(script);
  });

  it('reads accept-encoding with q-values', () => {
    expect([...acceptedEncodings('gzip;q=0.5, br;q=0, *')]).toEqual(['gzip', '*']);
    expect(acceptedEncodings(undefined).size).toBe(0);
  });
});
