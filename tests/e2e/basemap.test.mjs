// The bundled basemap (src/map/basemap.rs): land, coasts and borders under every
// Leaflet map, from Natural Earth at the scale the zoom needs, all from the
// deployment. Screenshots of the map are measured, not compared with a golden
// image: the share of pixels of the land colour and of the water colour.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, waitReady, assertClean, checkAxe } from './harness.mjs';

// basemap.rs LAND and WATER.
const LAND = [0xe9, 0xe6, 0xdf];
const WATER = [0xc9, 0xdf, 0xe6];

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

/** A page that records the URLs it requests, with reduced motion (slides jump). */
async function openRecorded(route) {
  const page = await app.open();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  page.requested = [];
  page.on('request', (r) => page.requested.push(new URL(r.url()).pathname));
  await page.goto(app.url(route));
  await waitReady(page);
  return page;
}

const fetchedScales = (page) =>
  page.requested.map((p) => p.match(/countries-(\d+m)\.json$/)?.[1]).filter(Boolean);

/** The share of the element's screenshot in the land colour and in the water colour. */
async function shares(page, selector) {
  const png = await page.locator(selector).screenshot();
  return page.evaluate(async ({ base64, land, water }) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    const near = (i, [r, g, b]) =>
      Math.abs(data[i] - r) <= 4 && Math.abs(data[i + 1] - g) <= 4 && Math.abs(data[i + 2] - b) <= 4;
    let l = 0;
    let w = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (near(i, land)) l += 1;
      else if (near(i, water)) w += 1;
    }
    const total = data.length / 4;
    return { land: l / total, water: w / total };
  }, { base64: png.toString('base64'), land: LAND, water: WATER });
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
  const page = await openRecorded('/map');
  await basemapAt(page, '.map-canvas', '110m');
  assert.equal(await page.locator('.map-canvas.map-basemap-detail').count(), 0);
  assert.deepEqual(fetchedScales(page), ['110m'], 'one fetch of the world shapes for the choropleth and the basemap');
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
