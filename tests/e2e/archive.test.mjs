// A network's own vector basemap (the manifest's `basemap`: a PMTiles archive
// it hosts), drawn by protomaps-leaflet from range requests under every map,
// with the bundled Natural Earth shapes where it cannot draw or when it fails.
// The archive is written here, before the tests, from world-atlas's 1:110m
// countries (tests/e2e/make-pmtiles.py, with PyPI's pmtiles and
// mapbox-vector-tile: scripts/setup.sh ensure_pmtiles_tools installs them),
// with synthetic highways around the sample story's Toronto slide.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ROOT, startApp, assertClean, checkAxe, readJson, colourShares, fetchedScales, openRecorded as openHarnessRecorded,
} from './harness.mjs';

// geo/basemap.rs LAND; protomaps-leaflet's light flavour: earth and highways.
const LAND = [0xe9, 0xe6, 0xdf];
const EARTH = [0xe2, 0xdf, 0xda];
const HIGHWAY = [0xff, 0xff, 0xff];
const PROTOMAPS_JS = '/protomaps-leaflet-5.1.0/protomaps-leaflet.js';
const CREDIT = 'Natural Earth, streets made up for this test';

let app;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mapline-archive-'));

before(async () => {
  execFileSync('bash', ['-c', 'source scripts/setup.sh && ensure_pmtiles_tools'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync(
    path.join(ROOT, 'target/pmtiles-venv/bin/python'),
    ['tests/e2e/make-pmtiles.py', 'node_modules/world-atlas/countries-110m.json', path.join(dir, 'world.pmtiles')],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  // Bytes that are no archive, at a path that answers.
  fs.writeFileSync(path.join(dir, 'broken.pmtiles'), Buffer.alloc(20000, 'not an archive '));
  const sample = readJson('public/data/manifest.json');
  const manifest = (name, pmtiles) =>
    fs.writeFileSync(
      path.join(dir, name),
      JSON.stringify({
        format: 'mapline/1',
        title: sample.title,
        files: sample.files.map((f) => `/data/${f}`),
        basemap: { pmtiles, attribution: CREDIT },
      }),
    );
  manifest('manifest.json', 'world.pmtiles');
  manifest('broken.json', 'broken.pmtiles');
  manifest('missing.json', 'missing.pmtiles');
  app = await startApp({ mounts: { '/archive/': dir } });
});
after(async () => {
  await app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const openRecorded = (route) => openHarnessRecorded(app, route);

/** Counts, over the archive layer's drawn tiles, the pixels of each colour given. */
function archivePixels(page, selector, colours) {
  return page.evaluate(({ selector, colours }) => {
    const counts = colours.map(() => 0);
    for (const canvas of document.querySelectorAll(`${selector} .leaflet-mapline-archive-pane canvas.leaflet-tile`)) {
      if (!canvas.width || !canvas.height) continue;
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] < 250) continue;
        colours.forEach(([r, g, b], c) => {
          if (Math.abs(data[i] - r) <= 4 && Math.abs(data[i + 1] - g) <= 4 && Math.abs(data[i + 2] - b) <= 4) counts[c] += 1;
        });
      }
    }
    return counts;
  }, { selector, colours });
}

const shares = colourShares;

/** Polls `measure` until `ok` holds of its result (tiles fade in), or fails with the last one. */
async function until(measure, ok, what, timeout = 15000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await measure();
    if (ok(last)) return last;
    if (Date.now() > end) assert.fail(`${what}: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const archiveRequests = () => app.server.requests.filter((r) => r.path === '/archive/world.pmtiles');

test("a story draws the network's archive from range requests, streets and all at its Toronto slide", async () => {
  const before = archiveRequests().length;
  const page = await openRecorded('/stories/ending-impunity?data=/archive/manifest.json');
  await page.locator('.story-map[data-archive="open"]').waitFor({ timeout: 30000 });
  // The launch in Toronto, at zoom 10: the archive's own tiles there.
  await page.keyboard.press('ArrowRight');
  const [earth, streets] = await until(
    () => archivePixels(page, '.story-map', [EARTH, HIGHWAY]),
    ([e, s]) => e > 50000 && s > 300,
    'earth and highway pixels in the archive tiles',
  );
  assert.ok(earth > 50000 && streets > 300, `${earth} earth, ${streets} street pixels`);
  // On screen: the archive's land covers the view, the bundled land is under it.
  const [earthShare, landShare] = await until(
    () => shares(page, '.story-map', [EARTH, LAND]),
    ([e]) => e > 0.5,
    'the archive land on screen',
  );
  assert.ok(earthShare > 0.5 && landShare < 0.05, JSON.stringify({ earthShare, landShare }));
  // Every read of the archive was a range request answered 206.
  const reads = archiveRequests().slice(before);
  assert.ok(reads.length >= 2, `header and tiles: ${JSON.stringify(reads)}`);
  assert.ok(reads.every((r) => /^bytes=\d+-\d+$/.test(r.range) && r.status === 206), JSON.stringify(reads));
  // protomaps-leaflet came from the deployment, once; the bundled 1:10m shapes
  // (0.9 MB gzip) were not needed under the archive.
  assert.equal(page.requested.filter((p) => p === PROTOMAPS_JS).length, 1);
  assert.ok(!fetchedScales(page).includes('10m'), fetchedScales(page).join());
  assert.match(await page.locator('.map-basemap-credit').innerText(), new RegExp(CREDIT));
  await checkAxe(page);
  assertClean(page);
  await page.context().close();
});

test('/map, its embed and the story embed draw the archive under their markers', async () => {
  for (const [route, selector] of [
    ['/map?data=/archive/manifest.json&lat=43.65&lon=-79.38&z=10', '.map-canvas'],
    ['/embed/map?data=/archive/manifest.json&lat=43.65&lon=-79.38&z=10', '.map-canvas'],
    ['/embed/story?data=/archive/manifest.json&id=ending-impunity&start_at=impunity-launch', '.story-map'],
  ]) {
    const page = await openRecorded(route);
    await page.locator(`${selector}[data-archive="open"]`).waitFor({ timeout: 30000 });
    const [earth, streets] = await until(
      () => archivePixels(page, selector, [EARTH, HIGHWAY]),
      ([e, s]) => e > 50000 && s > 100,
      `${route}: earth and highway pixels`,
    );
    assert.ok(earth > 50000 && streets > 100, `${route}: ${earth} earth, ${streets} street pixels`);
    // Under the markers and the countries: its pane is below theirs.
    const z = await page.evaluate((s) => {
      const pane = (name) => Number(getComputedStyle(document.querySelector(`${s} .leaflet-${name}-pane`)).zIndex);
      return { archive: pane('mapline-archive'), markers: pane('mapline-markers'), overlay: pane('overlay') };
    }, selector);
    assert.ok(z.archive < z.overlay && z.archive < z.markers, `${route}: ${JSON.stringify(z)}`);
    assert.ok(page.requested.includes(PROTOMAPS_JS), route);
    assertClean(page);
    await page.context().close();
  }
});

test("the archive's place names follow the language the reader picks: its layer is made again, once", async () => {
  const page = await openRecorded('/map?data=/archive/manifest.json&lat=43.65&lon=-79.38&z=10&lang=fr');
  const map = page.locator('.map-canvas[data-archive="open"]');
  await map.waitFor({ timeout: 30000 });
  assert.equal(await map.getAttribute('data-archive-lang'), 'fr');
  await page.selectOption('.language-select select', 'es');
  await page.locator('.map-canvas[data-archive-lang="es"]').waitFor();
  // One archive layer, the new one, still drawing the streets.
  assert.equal(await page.locator('.leaflet-mapline-archive-pane > .leaflet-layer').count(), 1);
  const [earth, streets] = await until(
    () => archivePixels(page, '.map-canvas', [EARTH, HIGHWAY]),
    ([e, s]) => e > 50000 && s > 100,
    'earth and highway pixels after the language changed',
  );
  assert.ok(earth > 50000 && streets > 100, `${earth} earth, ${streets} street pixels`);
  assertClean(page);
  await page.context().close();
});

test('over the archive /map zooms past the bundled limit (12) to its deepest level plus 3', async () => {
  const page = await openRecorded('/map?data=/archive/manifest.json&lat=43.65&lon=-79.38&z=11');
  await page.locator('.map-canvas[data-archive="open"]').waitFor({ timeout: 30000 });
  const zoomIn = page.locator('.leaflet-control-zoom-in');
  const zoom = () => Number(new URL(page.url()).searchParams.get('z'));
  for (const want of [12, 13]) {
    await zoomIn.click();
    await page.waitForFunction((z) => new URL(location.href).searchParams.get('z') === String(z), want);
  }
  // The test archive stops at 10: 13 is the last level its layer draws.
  assert.equal(zoom(), 13);
  assert.equal(await zoomIn.getAttribute('aria-disabled'), 'true');
  assertClean(page);
  await page.context().close();
});

test('without a basemap in the manifest, protomaps-leaflet and no archive are ever fetched', async () => {
  for (const route of ['/map', '/stories/ending-impunity', '/embed/story']) {
    const page = await openRecorded(route);
    await page.locator('[data-basemap]').first().waitFor({ timeout: 30000 });
    assert.deepEqual(page.requested.filter((p) => p.includes('protomaps') || p.endsWith('.pmtiles')), [], route);
    assert.equal(await page.locator('[data-archive]').count(), 0, route);
    assertClean(page);
    await page.context().close();
  }
});

test('a broken archive is said over the map, and the bundled basemap draws the slide', async () => {
  const page = await openRecorded('/stories/ending-impunity?data=/archive/broken.json');
  await page.locator('.story-map[data-archive="failed"]').waitFor({ timeout: 30000 });
  const alert = page.locator('.story-map .map-overlay-error [role="alert"]');
  assert.ok(await alert.isVisible());
  assert.match(await alert.innerText(), /detailed map could not be loaded/);
  assert.match(await alert.innerText(), /broken\.pmtiles/);
  // Toronto at zoom 10 from the bundled 1:10m shapes, as without an archive.
  await page.keyboard.press('ArrowRight');
  await page.locator('.story-map[data-basemap="10m"]').waitFor({ timeout: 30000 });
  const [land] = await shares(page, '.story-map', [LAND]);
  assert.ok(land > 0.6, `bundled land ${land}`);
  assert.equal(await page.locator('.leaflet-mapline-archive-pane canvas').count(), 0);
  await checkAxe(page);
  assertClean(page);
  await page.context().close();
});

test('a missing archive is said above /map, which keeps its bundled basemap', async () => {
  const page = await openRecorded('/map?data=/archive/missing.json&lat=48&lon=5&z=6');
  await page.locator('.map-canvas[data-archive="failed"]').waitFor({ timeout: 30000 });
  const alert = page.locator('.map-layout > .load-error[role="alert"]');
  assert.match(await alert.innerText(), /detailed map could not be loaded/);
  assert.match(await alert.innerText(), /missing\.pmtiles/);
  await page.locator('.map-canvas[data-basemap="10m"]').waitFor({ timeout: 30000 });
  // The member countries are still there to click.
  assert.ok((await page.locator('.leaflet-overlay-pane path[data-country]').count()) > 0);
  // The browser's own line for the 404 is the one console error.
  const { console: errors } = page.trouble;
  assert.ok(errors.length > 0 && errors.every((e) => /Failed to load resource.*404/.test(e)), errors.join('\n'));
  page.trouble.console = [];
  await checkAxe(page);
  assertClean(page);
  await page.context().close();
});
