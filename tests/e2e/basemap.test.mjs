// The bundled basemap (src/geo/basemap.rs): land, coasts and borders under every
// Leaflet map, from Natural Earth at the scale the zoom needs, all from the
// deployment. Screenshots of the map are measured, not compared with a golden
// image: the share of pixels of the land colour and of the water colour.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  startApp, readJson, waitReady, assertClean, checkAxe, colourShares, fetchedScales, openRecorded as openHarnessRecorded,
} from './harness.mjs';
import { serve } from './server.mjs';

// basemap.rs LAND and WATER.
const LAND = [0xe9, 0xe6, 0xdf];
const WATER = [0xc9, 0xdf, 0xe6];

let app;
let host;
// A StoryMapJS "gigapixel" story (a 600 × 400 picture in Zoomify tiles, three
// levels, nine tiles) whose tiles another origin serves.
const zoomifyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mapline-zoomify-'));
const tileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mapline-tiles-'));
before(async () => {
  host = await serve({ '/': tileDir }, { fallback: false });
  const story = {
    storymap: {
      map_type: 'zoomify',
      map_as_image: true,
      zoomify: { path: `${host.origin}/painting/`, width: 600, height: 400, attribution: 'A painting, public domain' },
      slides: [
        { type: 'overview', text: { headline: 'The painting' } },
        // StoryMapJS's position of the picture's middle at its top level (2):
        // Mercator pixel (300, 200) of a 1,024-pixel world.
        { location: { lat: 73.226, lon: -74.531, zoom: 2 }, text: { headline: 'Its middle' } },
      ],
    },
  };
  fs.writeFileSync(path.join(zoomifyDir, 'story.json'), JSON.stringify(story));
  // The network's own tiles, named relative to its manifest.
  const sample = readJson('public/data/manifest.json');
  fs.writeFileSync(path.join(zoomifyDir, 'own-tiles.json'), JSON.stringify({
    format: 'mapline/1',
    title: sample.title,
    files: sample.files.map((f) => `/data/${f}`),
    tiles: { url: 'tiles/{z}/{x}/{y}.png', attribution: 'Our own tiles' },
  }));
  app = await startApp({ mounts: { '/zoomify/': zoomifyDir } });
});
after(async () => {
  await app?.close();
  await host?.close();
  fs.rmSync(zoomifyDir, { recursive: true, force: true });
  fs.rmSync(tileDir, { recursive: true, force: true });
});

const openRecorded = (route) => openHarnessRecorded(app, route);

/** The share of the element's screenshot in the land colour and in the water colour. */
async function shares(page, selector) {
  const [land, water] = await colourShares(page, selector, [LAND, WATER]);
  return { land, water };
}

const basemapAt = (page, selector, scale) =>
  page.locator(`${selector}[data-basemap="${scale}"]`).waitFor({ timeout: 30000 });

test('a story shows land and sea at its overview, and the 1:10m coast only once a slide zooms in', async () => {
  const page = await openRecorded('/stories/ending-impunity');
  await basemapAt(page, '.story-map', '110m');
  const overview = await shares(page, '.story-map');
  // The world from the Americas to Central Asia: much land, much sea.
  assert.ok(overview.land > 0.25 && overview.water > 0.25, JSON.stringify(overview));
  assert.deepEqual(fetchedScales(page), ['110m'], 'only the world scale at the overview');
  // Country names where there is room, hidden from screen readers (the slides
  // and lists say where things are), never focusable.
  const labels = page.locator('.leaflet-mapline-labels-pane .map-label');
  await labels.filter({ hasText: 'Brazil' }).waitFor();
  assert.equal(await page.locator('.leaflet-mapline-labels-pane').getAttribute('aria-hidden'), 'true');
  assert.equal(await page.locator('.leaflet-mapline-labels-pane [tabindex]').count(), 0);
  // The launch in Toronto, at zoom 10: the 1:10m shapes, fetched now.
  await page.keyboard.press('ArrowRight');
  await basemapAt(page, '.story-map', '10m');
  assert.deepEqual(fetchedScales(page), ['110m', '10m'], 'the 1:10m file once zoomed in, the 1:50m one never');
  const toronto = await shares(page, '.story-map');
  // Natural Earth's countries count the Great Lakes as land (no lakes layer):
  // land fills the view.
  assert.ok(toronto.land > 0.6, JSON.stringify(toronto));
  await checkAxe(page);
  assertClean(page);
  await page.context().close();
});

test('a StoryMapJS story embedded at a slide with zoom 10 shows the coast it is on', async () => {
  // The shared demo's second slide: Kent County, Maryland, on Chesapeake Bay.
  const page = await openRecorded('/embed/story?source=/anchors/StoryMapJS-demo.json&start_at=slide-2');
  await basemapAt(page, '.story-map', '10m');
  const kent = await shares(page, '.story-map');
  assert.ok(kent.land > 0.2 && kent.water > 0.1, JSON.stringify(kent));
  assert.ok(!fetchedScales(page).includes('50m'), 'no scale the view does not need');
  // Its overview: the whole path from Maryland to Missouri, zoomed to fit.
  await page.goto(app.url('/embed/story?source=/anchors/StoryMapJS-demo.json'));
  await waitReady(page);
  await page.locator('.story-map[data-basemap]').waitFor({ timeout: 30000 });
  const overview = await shares(page, '.story-map');
  assert.ok(overview.land > 0.5, JSON.stringify(overview));
  assertClean(page);
  await page.context().close();
});

test('/map draws the finer basemap under its countries once zoomed in', async () => {
  // The world shapes come slowly, as on a phone: the choropleth and the
  // basemap both ask for them while the first download is under way.
  const page = await app.open();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  page.requested = [];
  page.on('request', (r) => page.requested.push(new URL(r.url()).pathname));
  await page.route('**/countries-110m.json', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 800));
    await route.fallback();
  });
  await page.goto(app.url('/map'));
  await waitReady(page);
  await basemapAt(page, '.map-canvas', '110m');
  assert.equal(await page.locator('.map-canvas.map-basemap-detail').count(), 0);
  assert.deepEqual(fetchedScales(page), ['110m'], 'one fetch of the world shapes for the choropleth and the basemap');
  await page.unroute('**/countries-110m.json');
  await page.goto(app.url('/map?lat=48&lon=5&z=6'));
  await waitReady(page);
  await basemapAt(page, '.map-canvas', '10m');
  assert.equal(await page.locator('.map-canvas.map-basemap-detail').count(), 1);
  const europe = await shares(page, '.map-canvas');
  assert.ok(europe.land > 0.2 && europe.water > 0.05, JSON.stringify(europe));
  // The member countries are still there to click.
  assert.ok((await page.locator('.leaflet-overlay-pane path[data-country]').count()) > 0);
  assertClean(page);
  await page.context().close();
});

test("a StoryMapJS map_type is the reader's opt-in tile layer: nothing leaves before the tick", async () => {
  // The shared demo names osm:standard.
  const page = await openRecorded('/embed/story?source=/anchors/StoryMapJS-demo.json');
  const box = page.getByRole('checkbox', { name: /tile\.openstreetmap\.org/ });
  await box.waitFor();
  assert.equal(await box.isChecked(), false);
  await page.locator('.story-map[data-basemap]').waitFor({ timeout: 30000 });
  await checkAxe(page);
  assertClean(page);
  await box.check();
  // The tiles are asked for (the harness blocks them: nothing leaves 127.0.0.1),
  // from the host the box named, with the credit shown.
  await page.waitForFunction(() => document.querySelector('.story-map img.leaflet-tile'));
  await page.waitForTimeout(300);
  const outside = page.trouble.outside.map((u) => new URL(u).host);
  assert.ok(outside.length > 0, 'tile requests after the tick');
  assert.deepEqual([...new Set(outside)], ['tile.openstreetmap.org']);
  assert.ok(await page.locator('.story-tiles-credit').isVisible());
  assert.match(await page.locator('.story-tiles-credit').innerText(), /OpenStreetMap/);
  await box.uncheck();
  assert.equal(await page.locator('.story-map img.leaflet-tile').count(), 0);
  await page.context().close();
});

test('tiles named relative to the manifest: the tick box names the deployment as their host', async () => {
  const page = await openRecorded('/map?data=/zoomify/own-tiles.json');
  await waitReady(page);
  const { host: deployment } = new URL(app.url('/'));
  const box = page.getByRole('checkbox', { name: `Show the background map (loads tiles from ${deployment})` });
  await box.waitFor();
  assert.equal(await box.isChecked(), false);
  assert.deepEqual(page.trouble.outside, []);
  assertClean(page);
  await page.context().close();
});

test('a zoomify story reads before consent, says what it would load, and shows its picture after', async () => {
  // The tiles: one red JPEG, made by the browser, at every path Zoomify numbers.
  const maker = await app.open('/');
  const jpeg = Buffer.from(await maker.evaluate(async () => {
    const canvas = new OffscreenCanvas(256, 256);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#d01010';
    ctx.fillRect(0, 0, 256, 256);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg' });
    return [...new Uint8Array(await blob.arrayBuffer())];
  }));
  await maker.context().close();
  fs.mkdirSync(path.join(tileDir, 'painting/TileGroup0'), { recursive: true });
  const tiles = ['0-0-0', '1-0-0', '1-1-0', '2-0-0', '2-1-0', '2-2-0', '2-0-1', '2-1-1', '2-2-1'];
  for (const tile of tiles) fs.writeFileSync(path.join(tileDir, `painting/TileGroup0/${tile}.jpg`), jpeg);
  const page = await openRecorded('/embed/story?source=/zoomify/story.json');
  // Before consent: the slides read, the map says what it would load, nothing is asked of the host.
  assert.equal(await page.locator('[data-slide-id]').count(), 2);
  const notice = page.locator('.story-image-consent');
  await notice.waitFor();
  assert.match(await notice.innerText(), new RegExp(new URL(host.origin).host.replace('.', '\\.')));
  await checkAxe(page);
  const painting = () => page.requested.filter((p) => p.includes('TileGroup'));
  assert.deepEqual(painting(), []);
  assert.equal(await page.locator('.story-map[data-basemap]').count(), 0, 'no world under a picture');
  await page.getByRole('button', { name: /^Load from/ }).click();
  await page.locator('.story-map.map-image img.leaflet-tile-loaded').first().waitFor({ timeout: 15000 });
  assert.ok(painting().every((p) => /^\/painting\/TileGroup0\/\d-\d-\d\.jpg$/.test(p)), painting().join());
  assert.ok(await page.locator('.story-image-credit').isVisible());
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(500);
  assert.ok(painting().some((p) => p.startsWith('/painting/TileGroup0/2-')), 'the top level at zoom 2');
  assertClean(page);
  await page.context().close();
});

test("country names follow the reader's language, also when the reader picks another", async () => {
  const page = await openRecorded('/stories/ending-impunity?lang=fr');
  const labels = page.locator('.leaflet-mapline-labels-pane .map-label');
  await labels.filter({ hasText: 'Brésil' }).waitFor();
  assert.equal(await labels.filter({ hasText: 'Brazil' }).count(), 0);
  // Another language from the page's picker: the names change where they
  // are, without a move of the map.
  const count = await labels.count();
  await page.selectOption('.language-select select', 'es');
  await labels.filter({ hasText: 'Brasil' }).waitFor();
  assert.equal(await labels.filter({ hasText: 'Brésil' }).count(), 0);
  assert.equal(await labels.count(), count, 'the same names, in Spanish');
  // /map too.
  await page.goto(app.url('/map?lang=fr'));
  await waitReady(page);
  await labels.filter({ hasText: 'Brésil' }).waitFor();
  await page.selectOption('.language-select select', 'ar');
  await labels.filter({ hasText: 'البرازيل' }).waitFor();
  assert.equal(await labels.filter({ hasText: 'Brésil' }).count(), 0);
  assertClean(page);
  await page.context().close();
});
