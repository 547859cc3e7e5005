// The browser test harness shared by every e2e test file: serves dist/, drives
// Debian's headless Chromium through playwright-core, and fails a page on any
// console error, page error or request leaving 127.0.0.1. `checkAxe` runs
// axe-core with the WCAG 2.2 AA rule tags.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const AXE_SOURCE = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Reads a JSON file of the repo (sample data, fixtures). */
export function readJson(rel) {
  return JSON.parse(fs.readFileSync(path.join(ROOT, rel), 'utf8'));
}

/** The bundled sample dataset, merged from the manifest's files. */
export function sampleData() {
  const manifest = readJson('public/data/manifest.json');
  const merged = { manifest };
  for (const file of manifest.files) {
    const doc = readJson(path.join('public/data', file));
    for (const [key, value] of Object.entries(doc)) {
      if (Array.isArray(value)) merged[key] = [...(merged[key] ?? []), ...value];
    }
  }
  return merged;
}

/**
 * Starts a server for the built app (dist/ at `/`, or `dist` at `prefix`) plus
 * the test fixtures at /fixtures/, any extra `mounts` ({ urlPrefix: directory },
 * e.g. generated data in a temp dir), and a browser.
 */
export async function startApp({ dist = 'dist', prefix = '/', mounts = {} } = {}) {
  const distDir = path.join(ROOT, dist);
  assert.ok(fs.existsSync(path.join(distDir, 'index.html')), `${dist}/index.html is missing: build first`);
  const server = await serve({
    [prefix]: distDir,
    '/fixtures/': path.join(ROOT, 'tests/fixtures'),
    '/anchors/': path.resolve(ROOT, '../shared/fixtures/anchors'),
    ...mounts,
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  return {
    server,
    browser,
    url: (p) => server.origin + p,
    /** Opens a fresh page (own storage) that records everything that goes wrong. */
    async open(p, { viewport = { width: 1280, height: 800 }, context: existing } = {}) {
      const context = existing ?? (await browser.newContext({ viewport, serviceWorkers: 'block' }));
      const page = await context.newPage();
      const trouble = { console: [], pageErrors: [], outside: [] };
      page.on('console', (msg) => {
        if (msg.type() === 'error') trouble.console.push(msg.text());
      });
      page.on('pageerror', (err) => trouble.pageErrors.push(String(err)));
      await page.route('**/*', (route) => {
        const host = new URL(route.request().url()).hostname;
        if (host === '127.0.0.1') return route.continue();
        trouble.outside.push(route.request().url());
        return route.abort('blockedbyclient');
      });
      page.trouble = trouble;
      if (p !== undefined) await page.goto(server.origin + p);
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * A second origin (its own port) serving the host pages a test writes into a
 * temporary folder: `write(name, text)`, then open `${origin}/${name}`.
 */
export async function startHost() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mapline-host-'));
  const server = await serve({ '/': dir }, { fallback: false });
  return {
    origin: server.origin,
    write: (name, text) => fs.writeFileSync(path.join(dir, name), text),
    async close() {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * For the test files that embed: starts the app and a second origin for host
 * pages before the file's tests, stops them after. `env.app`, `env.host`.
 */
export function appAndHostForTests() {
  const env = {};
  before(async () => {
    [env.app, env.host] = await Promise.all([startApp(), startHost()]);
  });
  after(() => Promise.all([env.app?.close(), env.host?.close()]));
  return env;
}

/**
 * The state of #app once it has left `loading`. A published page that is
 * whole without the app starts it at the reader's first input
 * (`#app[data-start="input"]`, src/publish/shell.rs): the test acts as a
 * reader does, with a key press that changes nothing.
 */
export async function settledState(page, timeout = 20000) {
  if (await page.locator('#app[data-start="input"]').count()) await page.keyboard.press('Shift');
  await page.waitForFunction(
    () => ['ready', 'error'].includes(document.getElementById('app')?.dataset.state),
    null,
    { timeout },
  );
  return page.evaluate(() => document.getElementById('app').dataset.state);
}

/** Waits for data-state="ready", failing with the page's own error text otherwise. */
export async function waitReady(page) {
  const state = await settledState(page);
  if (state !== 'ready') {
    const text = await page.evaluate(() => document.getElementById('app').innerText);
    assert.fail(`expected data-state="ready" on ${page.url()}, got "${state}": ${text.slice(0, 500)}`);
  }
}

/** Fails on any console error, page error or request that left 127.0.0.1. */
export function assertClean(page) {
  const { console: consoleErrors, pageErrors, outside } = page.trouble;
  assert.deepEqual(consoleErrors, [], `console errors on ${page.url()}`);
  assert.deepEqual(pageErrors, [], `page errors on ${page.url()}`);
  assert.deepEqual(outside, [], `requests leaving 127.0.0.1 from ${page.url()}`);
}

/** Runs axe-core (WCAG 2.2 AA tags) and fails with a readable list of violations. */
export async function checkAxe(page, { exclude = [] } = {}) {
  const loaded = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(
    async ({ tags, exclude }) => {
      const r = await window.axe.run(
        { include: [document], exclude: exclude.map((s) => [s]) },
        { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] },
      );
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
      }));
    },
    { tags: WCAG_TAGS, exclude },
  );
  assert.deepEqual(result, [], `axe violations on ${page.url()}:\n${JSON.stringify(result, null, 2)}`);
}

/**
 * Opens `route` of `app` in a page that records the paths it requests
 * (`page.requested`), with reduced motion (slides jump), once ready.
 */
export async function openRecorded(app, route) {
  const page = await app.open();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  page.requested = [];
  page.on('request', (r) => page.requested.push(new URL(r.url()).pathname));
  await page.goto(app.url(route));
  await waitReady(page);
  return page;
}

/** The bundled basemap's scales a recorded page fetched ('110m', '50m', '10m'), in order. */
export const fetchedScales = (page) =>
  page.requested.map((p) => p.match(/countries-(\d+m)\.json$/)?.[1]).filter(Boolean);

/**
 * The share of the element's screenshot in each of `colours` ([r, g, b],
 * within 4 per channel; a pixel counts for the first that matches). Maps are
 * measured this way, not compared with a golden image.
 */
export async function colourShares(page, selector, colours) {
  const png = await page.locator(selector).screenshot();
  return page.evaluate(async ({ base64, colours }) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    const counts = colours.map(() => 0);
    for (let i = 0; i < data.length; i += 4) {
      const c = colours.findIndex(
        ([r, g, b]) => Math.abs(data[i] - r) <= 4 && Math.abs(data[i + 1] - g) <= 4 && Math.abs(data[i + 2] - b) <= 4,
      );
      if (c >= 0) counts[c] += 1;
    }
    return counts.map((n) => n / (data.length / 4));
  }, { base64: png.toString('base64'), colours });
}

/**
 * Walks a (virtualised) timeline with the keyboard: the ids of every event, in
 * order. `atEach` runs with each event selected.
 */
export async function walkTimeline(scope, page, atEach = async () => {}) {
  await scope.locator('[data-timeline]').focus();
  await page.keyboard.press('Home');
  const current = () => scope.locator('[aria-current="true"][data-event-id]').getAttribute('data-event-id');
  const seen = [await current()];
  await atEach();
  for (let i = 0; i < 10000; i += 1) {
    await page.keyboard.press('ArrowRight');
    const id = await current();
    if (id === seen.at(-1)) break;
    seen.push(id);
    await atEach();
  }
  return seen;
}
