// Entry points: each embed and the studio is its own page with its own wasm
// (scripts/setup.sh build_dist), so a page downloads only the code its view
// reaches; links between entry points load the other page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startApp, waitReady, assertClean, checkAxe, ROOT } from './harness.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(() => app?.close());

/** The .wasm files a page fetched, by file name without the hash. */
function wasmRequested(page) {
  return page.requested
    .filter((url) => url.endsWith('.wasm'))
    .map((url) => path.basename(url).replace(/-[0-9a-f]+_bg\.wasm$/, ''));
}

async function openRecording(p) {
  const page = await app.open();
  page.requested = [];
  page.on('request', (request) => page.requested.push(new URL(request.url()).pathname));
  await page.goto(app.url(p));
  return page;
}

/** The app's own stylesheets a page fetched (not Leaflet's), by name without the hash, sorted. */
function cssRequested(page) {
  return page.requested
    .filter((url) => url.endsWith('.css') && !url.includes('/leaflet-'))
    .map((url) => path.basename(url).replace(/-[0-9a-f]+\.css$/, ''))
    .sort();
}

// Each entry links only the stylesheets of the views it draws (its HTML).
const ENTRIES = [
  ['/embed/timeline?source=/anchors/TimelineJS3-eras.json', 'mapline-embed-timeline', '[data-embed="timeline"]', ['shell', 'timeline']],
  ['/embed/story?source=/anchors/StoryMapJS-demo.json', 'mapline-embed-story', '[data-embed="story"]', ['shell', 'story']],
  ['/embed/map', 'mapline-embed-map', '[data-embed="map"]', ['map', 'shell']],
  ['/embed/gallery', 'mapline-embed-gallery', '[data-embed="gallery"]', ['gallery', 'shell']],
  ['/preview', 'mapline-studio', '[data-page="preview"]', ['gallery', 'map', 'preview', 'shell', 'story', 'timeline']],
  ['/timeline', 'mapline-web', '[data-timeline]', ['charts', 'embed', 'gallery', 'map', 'shell', 'story', 'timeline']],
];

for (const [address, wasm, selector, css] of ENTRIES) {
  test(`${address} is its own entry point: it loads ${wasm}.wasm and nothing else`, async () => {
    const page = await openRecording(address);
    await waitReady(page);
    await page.locator(selector).first().waitFor();
    assert.deepEqual(wasmRequested(page), [wasm]);
    assert.deepEqual(cssRequested(page), css);
    await checkAxe(page);
    assertClean(page);
    await page.context().close();
  });
}

test('each entry page has its own wasm, smaller than the reader app', () => {
  const dist = path.join(ROOT, 'dist');
  const wasm = (name) => {
    const file = fs.readdirSync(dist).find((f) => f.startsWith(`${name}-`) && f.endsWith('.wasm'));
    assert.ok(file, `${name} in dist/`);
    return fs.statSync(path.join(dist, file)).size;
  };
  const reader = wasm('mapline-web');
  for (const name of ['mapline-embed-timeline', 'mapline-embed-gallery', 'mapline-studio']) {
    assert.ok(wasm(name) < reader, `${name} (${wasm(name)} B) is smaller than the reader app (${reader} B)`);
  }
  for (const route of ['embed/timeline', 'embed/story', 'embed/map', 'embed/gallery', 'preview']) {
    const html = fs.readFileSync(path.join(dist, route, 'index.html'), 'utf8');
    assert.match(html, /http-equiv="Content-Security-Policy"/, `${route} has the CSP`);
    assert.match(html, /integrity="?sha384-/, `${route} has SRI`);
    assert.ok(fs.existsSync(path.join(dist, route, 'index.html.br')), `${route} is precompressed`);
  }
});

test('the header link to the studio loads its page, and the studio links back to the reader app', async () => {
  const page = await openRecording('/map');
  await waitReady(page);
  await page.locator('.site-nav a[href$="/preview"]').click();
  await page.locator('[data-page="preview"]').waitFor();
  await waitReady(page);
  assert.ok(wasmRequested(page).includes('mapline-studio'));
  await page.locator('.site-nav a[href$="/timeline"]').click();
  await page.locator('[data-timeline]').first().waitFor();
  await waitReady(page);
  assert.equal(new URL(page.url()).pathname, '/timeline');
  assertClean(page);
  await page.context().close();
});
