// SPDX-License-Identifier: MIT
// Browser end-to-end test of the trial page: the real API server (in-process, SQLite in memory) serving the app
// built into a temporary folder, driven by Debian's chromium through playwright-core. A user adds an arm, shortens
// the example trial, runs it, watches it finish and reads the summary, the forest plot and the distributions.
// The screenshot goes to test-artifacts/web/trials.png.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/server/index.js';
import { openStore } from '../src/store/index.js';
import type { Store } from '../src/store/index.js';
import { READINESS_TIMEOUT_MS } from './support/wait.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && process.env.CI === 'true') {
  throw new Error(`${CHROMIUM} is missing: install the Debian package chromium to run the browser tests`);
}

describe.skipIf(!hasChromium)('the trial page in a browser', () => {
  const webRoot = mkdtempSync(join(tmpdir(), 'endotwin-web-trials-'));
  let store: Store;
  let app: FastifyInstance;
  let browser: Browser;
  let base = '';

  beforeAll(async () => {
    execFileSync(
      'npx',
      [
        'vite',
        'build',
        '--config',
        'web/vite.config.ts',
        '--outDir',
        webRoot,
        '--emptyOutDir',
        '--logLevel',
        'warn',
      ],
      {
        cwd: root,
        stdio: 'inherit',
        timeout: READINESS_TIMEOUT_MS,
      },
    );
    store = await openStore(':memory:');
    app = await buildServer({ store, webRoot });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('define arms, run with live progress, then the summary, forest plot and distributions', async () => {
    const page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/trials`);
    await page.getByRole('button', { name: 'Add arm' }).waitFor();
    await page.getByLabel('Arm name', { exact: true }).fill('rhGH 0.3 mg');
    await page.getByLabel('Drug', { exact: true }).selectOption('rhgh');
    await page.getByLabel('Dose amount', { exact: true }).fill('0.3');
    await page.getByLabel('Dose unit', { exact: true }).selectOption('mg');
    await page.getByLabel('Dose time', { exact: true }).fill('21:00');
    await page.getByRole('button', { name: 'Add arm' }).click();
    await expect.poll(() => page.locator('.arm-list li').count()).toBe(3);
    const editor = page.getByLabel('Trial document (YAML)');
    const text = await editor.inputValue();
    await editor.fill(text.replace('n: 20', 'n: 6').replace('duration_days: 28', 'duration_days: 14'));
    await page.getByRole('button', { name: 'Run trial' }).click();
    await page.waitForURL(/\/trials\/[0-9a-f-]+$/);
    await page
      .locator('[data-testid="trial-status"][data-status="done"]')
      .waitFor({ timeout: READINESS_TIMEOUT_MS });
    const rows = page.getByTestId('trial-summary').locator('tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(3);
    await expect.poll(() => page.getByTestId('forest-igf1_change_pct').locator('circle').count()).toBe(2);
    await expect
      .poll(() => page.getByTestId('distribution-igf1_change_pct').locator('circle').count())
      .toBe(18);
    mkdirSync(join(root, 'test-artifacts', 'web'), { recursive: true });
    await page.screenshot({ path: join(root, 'test-artifacts', 'web', 'trials.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
