// SPDX-License-Identifier: MIT
// Browser end-to-end test of the web app: the real API server (in-process, temporary SQLite file, examples
// preloaded) serving the built app, driven by Debian's chromium through playwright-core. It walks the new user's
// path: an example with its description, an edit in the form and one in the YAML, save, save as, rename and delete,
// Run, the endpoints and their windows, another 24-hour window, the exports, a second scenario, Compare with every
// panel, a virtual trial and its chart export, a patient, and the validation report, with no page or console
// error. Each page is screenshot at 1440 px and 390 px wide into test-artifacts/web/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { READINESS_TIMEOUT_MS, waitUntil } from './support/wait.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const ARTIFACTS = join(root, 'test-artifacts', 'web');
const DISCLAIMER =
  'Research and education software — not a medical device. Model outputs are not dosing advice.';
const MISSING_CHROMIUM =
  `${CHROMIUM} is missing: install the Debian package \`chromium\` (apt-get install -y chromium) to run the ` +
  'browser end-to-end test';

const hasChromium = existsSync(CHROMIUM);
const inCi = process.env.CI === 'true';

function newestUnder(dir: string): number {
  if (!existsSync(dir)) return 0;
  return Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true }).map((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? newestUnder(path) : statSync(path).mtimeMs;
    }),
  );
}

function mtime(path: string): number {
  return existsSync(path) ? statSync(path).mtimeMs : 0;
}

/** Builds web/dist when it is missing or older than what it is built from (the rule of scripts/ensure.mjs). */
function buildWebIfStale(): void {
  const sources = Math.max(
    newestUnder(join(root, 'web', 'src')),
    mtime(join(root, 'web', 'index.html')),
    mtime(join(root, 'web', 'vite.config.ts')),
    newestUnder(join(root, 'src', 'scenario')),
    mtime(join(root, 'src', 'physiology', 'drug-catalog.ts')),
    mtime(join(root, 'validation', 'REPORT.md')),
  );
  if (sources > mtime(join(root, 'web', 'dist', 'index.html'))) {
    execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
      timeout: READINESS_TIMEOUT_MS,
    });
  }
}

/** An example scenario shortened to `days` days (regimen lines and monitoring cut to match), renamed. */
function shortenedExample(file: string, days: number, name: string): Record<string, unknown> {
  const doc = parse(readFileSync(join(root, 'examples', file), 'utf8')) as Record<string, unknown>;
  const regimen = (doc.regimen as Record<string, unknown>[] | undefined) ?? [];
  const monitoring = doc.monitoring as Record<string, unknown> | undefined;
  return {
    ...doc,
    name,
    duration_days: days,
    regimen: regimen.map((line) => ({ ...line, end_day: days })),
    ...(monitoring ? { monitoring: { ...monitoring, at_days: [0, 7, days] } } : {}),
  };
}

const SERMORELIN = 'Sermorelin 300 mcg nightly, 5 on / 2 off, 14 days (e2e)';
const RHGH = 'rhGH 0.2 mg daily, adult GH deficiency, 14 days (e2e)';

interface Server {
  url: string;
  stop(): Promise<void>;
}

/** The real server on a free loopback port with a temporary SQLite file, examples and the two short copies saved. */
async function startServer(dbFile: string): Promise<Server> {
  const { openStore } = await import('../src/store/index.js');
  const { buildServer } = await import('../src/server/index.js');
  const { preloadExamples } = await import('../src/cli/commands/serve.js');
  const store = await openStore(dbFile);
  await preloadExamples(store, join(root, 'examples'));
  // The patient step fits a twin: on a busy 2-core machine that may take longer than the 25 s default.
  const app = await buildServer({
    store,
    webRoot: join(root, 'web', 'dist'),
    workers: 1,
    fitTimeoutMs: READINESS_TIMEOUT_MS,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('the server has no TCP address');
  const url = `http://127.0.0.1:${address.port}`;
  for (const doc of [
    shortenedExample('sermorelin-nightly.yaml', 14, SERMORELIN),
    shortenedExample('rhgh-daily.yaml', 14, RHGH),
  ]) {
    const response = await fetch(`${url}/api/v1/scenarios`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(doc),
    });
    if (response.status !== 201) throw new Error(`saving ${String(doc.name)}: ${await response.text()}`);
  }
  return {
    url,
    async stop() {
      await app.close();
      await store.close();
    },
  };
}

const WIDE = { width: 1440, height: 1000 };
const PHONE = { width: 390, height: 844 };

/** How far the page sticks out sideways, in CSS pixels (run in the page; no DOM types in this project). */
function sidewaysOverflow(): number {
  const view = globalThis as unknown as {
    innerWidth: number;
    document: { documentElement: { scrollWidth: number } };
  };
  return view.document.documentElement.scrollWidth - view.innerWidth;
}

/** Full-page screenshots at 1440 px and at 390 px (a phone), then back to the wide view. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}-1440.png`), fullPage: true });
  await page.setViewportSize(PHONE);
  // At phone width nothing may stick out sideways: the page scrolls only vertically. The charts follow the new
  // width through a ResizeObserver, so wait until the layout has settled. The check is a function, not a string:
  // a string would be evaluated in the page, which its Content-Security-Policy (no 'unsafe-eval') reports as an
  // error whenever Playwright has to poll, that is on a slow machine.
  const overflow = (): Promise<number> => page.evaluate(sidewaysOverflow);
  await waitUntil(async () => (await overflow()) <= 1, `${name} to fit the phone screen`).catch(
    () => undefined,
  );
  expect(await overflow(), `${name} is wider than the phone screen`).toBeLessThanOrEqual(1);
  await page.screenshot({ path: join(ARTIFACTS, `${name}-390.png`), fullPage: true });
  await page.setViewportSize(WIDE);
}

async function expectDisclaimer(page: Page): Promise<void> {
  const disclaimer = page.getByTestId('disclaimer');
  await disclaimer.waitFor({ state: 'visible' });
  expect(await disclaimer.textContent()).toBe(DISCLAIMER);
}

/** Opens a saved scenario from the list and waits until the API has validated it. */
async function openScenario(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scenarios' }).click();
  await page.getByRole('navigation', { name: 'Saved scenarios' }).getByRole('link', { name }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.getByText('✓ Valid scenario').waitFor();
}

/** Clicks Run and waits for the run's IGF-1 chart; returns the run id. */
async function runAndWaitForPlots(page: Page): Promise<string> {
  await page.getByRole('button', { name: '▶ Run' }).click();
  await page.waitForURL(/\/runs\/[^/]+$/);
  const runId = new URL(page.url()).pathname.split('/').pop() ?? '';
  await page
    .locator('[data-testid="chart-igf1-daily"] canvas')
    .first()
    .waitFor({ timeout: READINESS_TIMEOUT_MS });
  return runId;
}

if (!hasChromium && !inCi) console.warn(`skipping test/web.e2e.test.ts: ${MISSING_CHROMIUM}`);

describe.runIf(!hasChromium && inCi)('web app in a browser (CI)', () => {
  it('has Debian chromium', () => {
    throw new Error(MISSING_CHROMIUM);
  });
});

describe.runIf(hasChromium)('web app in a browser', () => {
  let server: Server;
  let context: BrowserContext;
  let page: Page;
  let scratch: string;
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    buildWebIfStale();
    mkdirSync(ARTIFACTS, { recursive: true });
    scratch = mkdtempSync(join(tmpdir(), 'endotwin-web-e2e-'));
    server = await startServer(join(scratch, 'e2e.db'));
    const { chromium } = await import('playwright-core');
    context = await chromium.launchPersistentContext(join(scratch, 'chromium-profile'), {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      viewport: WIDE,
      acceptDownloads: true,
      timezoneId: 'UTC',
      locale: 'en-GB',
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(READINESS_TIMEOUT_MS);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
  });

  afterAll(async () => {
    await context?.close();
    await server?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('shows the disclaimer and the preloaded examples', async () => {
    await page.goto(server.url);
    await page.waitForURL(/\/scenarios$/);
    await expectDisclaimer(page);
    const list = page.getByRole('navigation', { name: 'Saved scenarios' });
    await list.getByRole('link', { name: SERMORELIN }).waitFor();
    expect(await list.getByRole('link').count()).toBeGreaterThanOrEqual(8 + 2);
    expect(await page.title()).toBe('Scenario: New scenario · endotwin');
    await screenshot(page, '1-scenarios');

    // An example shows its description (the leading comment of its file) under its name.
    await list.getByRole('link', { name: 'Sermorelin 300 mcg nightly, 5 on / 2 off, 26 weeks' }).click();
    await expect
      .poll(() => page.getByTestId('scenario-description').textContent())
      .toContain('reference scenario');
    await page.getByText('✓ Valid scenario').waitFor();
    await screenshot(page, '1b-example');
  });

  it('keeps form and YAML in sync and shows the API’s issue next to the field', async () => {
    await openScenario(page, SERMORELIN);
    const yaml = page.getByLabel(/^YAML/);
    const age = page.getByLabel(/^Age/);

    await age.fill('10');
    expect(await yaml.inputValue()).toContain('age_years: 10');
    const issue = page.locator('.field-issues').filter({ hasText: 'patient.age_years' });
    await issue.waitFor();
    expect(await issue.textContent()).toMatch(/18/); // the schema's minimum age
    await screenshot(page, '2-editor-invalid');

    await age.fill('62');
    await page.getByText('✓ Valid scenario').waitFor();
    await yaml.fill((await yaml.inputValue()).replace('seed: 42', 'seed: 7'));
    expect(await page.getByLabel(/^Seed/).inputValue()).toBe('7');
    await page.getByText('✓ Valid scenario').waitFor();

    // Leaving with unsaved edits asks first; staying keeps them.
    await page.getByTestId('unsaved').waitFor();
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.message());
        void dialog.dismiss();
      }),
    );
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Runs' }).click();
    expect(await asked).toContain('unsaved changes');
    expect(await page.getByLabel(/^Seed/).inputValue()).toBe('7');

    // Save updates the saved scenario in place (same id).
    const idBefore = new URL(page.url()).pathname.split('/').pop();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved. It is in the list on the left').waitFor();
    expect(page.url()).toMatch(new RegExp(`/scenarios/${idBefore ?? ''}\\?saved=1$`));
    expect(await page.getByLabel(/^Seed/).inputValue()).toBe('7');
    await page.getByText('✓ Valid scenario').waitFor();
    expect(await page.getByTestId('unsaved').count()).toBe(0);
  });

  it('saves a copy under a new name, renames it in place and deletes it', async () => {
    const list = page.getByRole('navigation', { name: 'Saved scenarios' });
    await page.getByRole('button', { name: 'Save as…' }).click();
    await page.getByLabel('Name of the copy').fill('Scratch copy (e2e)');
    await page.getByRole('button', { name: 'Save copy' }).click();
    await page.getByRole('heading', { level: 1, name: 'Scratch copy (e2e)' }).waitFor();
    await list.getByRole('link', { name: 'Scratch copy (e2e)' }).waitFor();
    const copyId = new URL(page.url()).pathname.split('/').pop();

    await page.getByLabel(/^Name/).fill('Renamed copy (e2e)');
    await page.getByText('✓ Valid scenario').waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Renamed copy (e2e)' }).waitFor();
    await list.getByRole('link', { name: 'Renamed copy (e2e)' }).waitFor();
    expect(await list.getByRole('link', { name: 'Scratch copy (e2e)' }).count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe(`/scenarios/${copyId ?? ''}`);
    await screenshot(page, '2b-renamed');

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('The scenario was deleted.').waitFor();
    await expect.poll(() => list.getByRole('link', { name: 'Renamed copy (e2e)' }).count()).toBe(0);
    await openScenario(page, SERMORELIN);
  });

  it('runs the sermorelin scenario and draws its plots', async () => {
    await runAndWaitForPlots(page);
    await expectDisclaimer(page);
    expect(await page.getByTestId('run-status').getAttribute('data-status')).toBe('done');
    const profile = page.getByTestId('chart-gh-profile');
    await profile.locator('canvas').first().waitFor();
    expect(await profile.locator('.chart-markers').textContent()).toContain('Sermorelin');
    expect(await page.getByTestId('chart-gh-daily').locator('canvas').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('chart-events').locator('canvas').count()).toBeGreaterThan(0);

    const igf1 = page.getByTestId('chart-igf1-daily');
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      igf1.getByRole('button', { name: 'PNG' }).click(),
    ]);
    // The file name says which run it comes from.
    expect(png.suggestedFilename()).toMatch(
      /^endotwin-sermorelin-300-mcg-nightly-5-on-2-off-14-days-e2e-[0-9a-f]{8}-igf1-daily\.png$/,
    );
    const pngBytes = readFileSync(await png.path());
    expect(pngBytes.subarray(1, 4).toString('latin1')).toBe('PNG');

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      igf1.getByRole('button', { name: 'CSV' }).click(),
    ]);
    const rows = readFileSync(await csv.path(), 'utf8')
      .trim()
      .split('\n');
    expect(rows[0]).toBe('day,IGF-1 (morning) (ng/mL),97.5th percentile,2.5th percentile');
    // One row per simulated day, 0 to 13 of the 14, with the reference bounds on every row.
    expect(rows.slice(1).map((row) => Number(row.split(',')[0]))).toEqual([...Array(14).keys()]);
    expect(rows.slice(1).every((row) => row.split(',').every((cell) => cell !== ''))).toBe(true);

    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      igf1.getByRole('button', { name: 'SVG' }).click(),
    ]);
    const svgText = readFileSync(await svg.path(), 'utf8');
    expect(svgText).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    // The run's name, seed and model version are in the image.
    expect(svgText).toMatch(/Sermorelin 300 mcg nightly[^<]*seed 7 · model [^<]+engine /);

    // The endpoints name the windows they compare (when the result states them).
    const windows = page.getByTestId('endpoint-windows');
    await windows.waitFor();
    expect(await windows.textContent()).toMatch(/Baseline: mean of days? -?\d|does not state the windows/);

    // Another 24 hours, from 06:00 instead of noon; the chart and its text alternative follow.
    const picker = page.locator('.window-picker select');
    await picker.nth(0).selectOption('0');
    await picker.nth(1).selectOption('6');
    const shifted = page.getByTestId('chart-gh-profile');
    await expect
      .poll(() => shifted.locator('h3').textContent())
      .toBe('24-hour GH profile, day 0 06:00 → day 1 06:00');
    expect(await shifted.locator('.chart-summary').textContent()).toContain('06:00 to 06:00');
    expect(await shifted.locator('.chart-shades').textContent()).toContain('sleep');
    await screenshot(page, '3-run-sermorelin');
  });

  it('zooms a plot by dragging and resets it on double-click (the SVG export follows the view)', async () => {
    const igf1 = page.getByTestId('chart-igf1-daily');
    const xTicks = async (): Promise<number[]> => {
      const [svg] = await Promise.all([
        page.waitForEvent('download'),
        igf1.getByRole('button', { name: 'SVG' }).click(),
      ]);
      const text = readFileSync(await svg.path(), 'utf8');
      // x tick labels sit 18 px below the plot frame (y = 366 in the export's layout).
      return [...text.matchAll(/<text x="[\d.]+" y="366" text-anchor="middle">([^<]+)<\/text>/g)].map((m) =>
        Number(m[1]),
      );
    };
    // Days 0 to 13 in nice steps of 2.
    expect(await xTicks()).toEqual([0, 2, 4, 6, 8, 10, 12]);

    const over = igf1.locator('.u-over');
    const box = await over.boundingBox();
    if (!box) throw new Error('the IGF-1 plot has no drawing area');
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.1, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.3, y, { steps: 5 });
    await page.mouse.move(box.x + box.width * 0.5, y, { steps: 5 });
    await page.mouse.up();
    const zoomed = await xTicks();
    expect(Math.min(...zoomed)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...zoomed)).toBeLessThanOrEqual(7);

    await over.dblclick();
    expect(await xTicks()).toEqual([0, 2, 4, 6, 8, 10, 12]);
  });

  it('runs a second scenario and compares both on the same axes', async () => {
    await openScenario(page, RHGH);
    await runAndWaitForPlots(page);
    await screenshot(page, '4-run-rhgh');
    // SI units: the endpoint, the IGF-1 legend and the labs switch, and the choice holds on the next pages.
    await page.getByTestId('unit-toggle').getByLabel(/^SI/).check();
    await expect.poll(() => page.getByTestId('endpoints').textContent()).toContain('(mmol/L)');
    expect(await page.getByTestId('chart-igf1-daily').locator('.u-legend').textContent()).toContain('nmol/L');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compare' }).click();
    await expectDisclaimer(page);
    const picker = page.locator('.run-picker');
    await picker.getByLabel(new RegExp(`^${SERMORELIN.replace(/[()/+]/g, '\\$&')}`)).check();
    await picker.getByLabel(new RegExp(`^${RHGH.replace(/[()/+]/g, '\\$&')}`)).check();
    expect(await page.getByTestId('unit-toggle').getByLabel(/^SI/).isChecked()).toBe(true);
    const legend = page.getByTestId('chart-compare-igf1').locator('.u-legend');
    await legend.waitFor();
    await expect.poll(() => legend.textContent()).toContain(SERMORELIN);
    expect(await legend.textContent()).toContain(RHGH);
    expect(await page.getByTestId('chart-compare-gh-profile').locator('canvas').count()).toBeGreaterThan(0);
    // Every daily panel, not only GH and IGF-1: IGF-1 SDS, body composition, glucose and more.
    for (const id of [
      'compare-igf1-sds',
      'compare-gh-mean-ug-l',
      'compare-lean-mass-kg',
      'compare-glucose-fasting-mg-dl',
    ]) {
      expect(await page.getByTestId(`chart-${id}`).locator('canvas').count(), id).toBeGreaterThan(0);
    }
    expect(await page.locator('[data-testid="compare-charts"] figure.chart').count()).toBeGreaterThanOrEqual(
      10,
    );
    await screenshot(page, '5-compare');
  });

  it('runs a small trial and exports its forest plot', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trials' }).click();
    const editor = page.getByLabel('Trial document (YAML)');
    await editor.waitFor();
    const text = await editor.inputValue();
    await editor.fill(text.replace('n: 20', 'n: 4').replace('duration_days: 28', 'duration_days: 14'));
    await page.getByRole('button', { name: 'Run trial' }).click();
    await page.waitForURL(/\/trials\/[0-9a-f-]+$/);
    await page.locator('[data-testid="trial-status"][data-status="done"]').waitFor({ timeout: 180_000 });
    const forest = page.getByTestId('forest-igf1_change_pct');
    await forest.locator('circle').first().waitFor();
    expect(await forest.locator('figcaption').textContent()).toContain('IGF-1 change (%)');
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      forest.getByRole('button', { name: 'SVG' }).click(),
    ]);
    expect(svg.suggestedFilename()).toBe(
      'endotwin-sermorelin-nightly-vs-placebo-in-older-adults-forest-igf1-change-pct.svg',
    );
    expect(readFileSync(await svg.path(), 'utf8')).toContain('<style>');
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      forest.getByRole('button', { name: 'PNG' }).click(),
    ]);
    expect(
      readFileSync(await png.path())
        .subarray(1, 4)
        .toString('latin1'),
    ).toBe('PNG');
    const [patients] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Per-patient endpoints (CSV)' }).click(),
    ]);
    const rows = readFileSync(await patients.path(), 'utf8')
      .trim()
      .split('\n');
    expect(rows[0]).toMatch(/^patient,arm,/);
    expect(rows.length).toBe(1 + 4 * 2); // paired design: every patient in both arms
    await screenshot(page, '5c-trial');
  }, 240_000);

  it('stores a patient with pasted labs, lists it, and plots the labs against the twin', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
    await page.getByRole('heading', { level: 1, name: 'Patients' }).waitFor();
    await page.getByText('No patients yet.').waitFor();
    await page.getByLabel(/^Name/).fill('Patient E2E');
    await page.getByRole('button', { name: 'Store patient' }).click();
    await page.getByRole('heading', { level: 1, name: 'Patient E2E' }).waitFor();
    expect(await page.getByTestId('patient-labs').locator('tbody tr').count()).toBe(3);

    await page.getByLabel(/^Regimen taken so far/).fill('sermorelin 500 mcg sc at bedtime daily');
    await page.getByLabel('Predict (days)').fill('14');
    await page.getByLabel('Draws (1–50)').fill('4');
    await page.getByRole('button', { name: 'Fit and predict' }).click();
    const chart = page.getByTestId('chart-patient-igf1-prediction');
    await chart.locator('canvas').first().waitFor({ timeout: READINESS_TIMEOUT_MS });
    // Still in SI units, chosen on the run page.
    expect(await chart.locator('.u-legend').textContent()).toContain('nmol/L');
    expect(await page.getByTestId('twin-parameters').locator('tbody tr').count()).toBeGreaterThan(0);
    await expectDisclaimer(page);
    await screenshot(page, '5b-patient');

    await page.getByRole('link', { name: 'Patients' }).first().click();
    await page.getByTestId('patient-list').getByRole('link', { name: 'Patient E2E' }).waitFor();
  });

  it('renders the validation page and raises no page error', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Validation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Validation against published data' }).waitFor();
    await expectDisclaimer(page);
    expect(await page.title()).toBe('Validation · endotwin');
    await screenshot(page, '6-validation');
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
