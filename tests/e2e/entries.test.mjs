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

/**
 * The .wasm files a page fetched: an entry's by file name without the hash;
 * the modules of the reader app's split wasm (its content-hashed folder,
 * scripts/post-build.sh) as `mapline-web/<module>`.
 */
function wasmRequested(page) {
  return page.requested
    .filter((url) => url.endsWith('.wasm'))
    .map((url) => {
      // A split entry's modules are in its content-hashed folder.
      const split = url.match(/\/(mapline-[a-z-]+)-[0-9a-f]{16}\/([^/]+)\.wasm$/);
      return split ? `${split[1]}/${split[2]}` : path.basename(url).replace(/-[0-9a-f]+_bg\.wasm$/, '');
    });
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
// The timeline embed's wasm is split in two: the first view's main module,
// then the app's (src/bin/mapline-embed-timeline.rs).
const ENTRIES = [
  ['/embed/timeline?source=/anchors/TimelineJS3-eras.json', ['mapline-embed-timeline/mapline-embed-timeline_bg', 'mapline-embed-timeline/split_mapline_timeline_app'], '[data-embed="timeline"]', ['shell', 'timeline']],
  ['/embed/story?source=/anchors/StoryMapJS-demo.json', ['mapline-embed-story'], '[data-embed="story"]', ['shell', 'story']],
  ['/embed/map', ['mapline-embed-map'], '[data-embed="map"]', ['map', 'shell']],
  ['/embed/gallery', ['mapline-embed-gallery'], '[data-embed="gallery"]', ['gallery', 'shell']],
  ['/preview', ['mapline-studio'], '[data-page="preview"]', ['gallery', 'map', 'preview', 'shell', 'story', 'timeline']],
];

for (const [address, wasm, selector, css] of ENTRIES) {
  test(`${address} is its own entry point: it loads ${wasm.join(' then ')} and nothing else`, async () => {
    const page = await openRecording(address);
    await waitReady(page);
    await page.locator(selector).first().waitFor();
    assert.deepEqual(wasmRequested(page), wasm);
    assert.deepEqual(cssRequested(page), css);
    await checkAxe(page);
    assertClean(page);
    await page.context().close();
  });
}

// The reader app's wasm is split per page group (src/reader/lazy.rs): the home
// page loads the main module alone; another page loads its group's module
// and the chunks it shares with other groups, never another group's module.
const READER_PAGES = [
  ['/', null],
  ['/timeline', 'timeline'],
  ['/map', 'map'],
  ['/stories/ending-impunity', 'story'],
  ['/cases/iryna-khalip', 'record'],
];
const GROUPS = ['map', 'timeline', 'story', 'gallery', 'record', 'embed'];

for (const [address, group] of READER_PAGES) {
  test(`${address} loads the reader app's main module${group ? ` and the ${group} pages' code` : ' alone'}`, async () => {
    const page = await openRecording(address);
    await waitReady(page);
    const wasm = wasmRequested(page);
    assert.equal(wasm[0], 'mapline-web/mapline-web_bg', `the main module first: ${wasm}`);
    assert.ok(wasm.every((name) => name.startsWith('mapline-web/')), `only the reader app's modules: ${wasm}`);
    const groups = GROUPS.filter((g) => wasm.includes(`mapline-web/split_mapline_${g}_pages`));
    assert.deepEqual(groups, group ? [group] : []);
    if (!group) assert.equal(wasm.length, 1, `nothing but the main module: ${wasm}`);
    if (address === '/timeline') {
      assert.deepEqual(cssRequested(page), ['charts', 'embed', 'gallery', 'map', 'shell', 'story', 'timeline']);
      await checkAxe(page);
    }
    assertClean(page);
    await page.context().close();
  });
}

test('a page whose code fails to download says so and offers a retry; the rest of the app works', async () => {
  const page = await openRecording('/');
  await waitReady(page);
  const split = /\/mapline-web-[0-9a-f]+\/(?!mapline-web_bg)[^/]+\.wasm$/;
  await page.route(split, (route) => route.abort());
  await page.locator('.site-nav a[href$="/map"]').click();
  await page.waitForFunction(() => document.getElementById('app')?.dataset.state === 'error');
  const alert = page.locator('.load-error[role="alert"]');
  assert.match(await alert.innerText(), /could not be downloaded/);
  assert.equal(await alert.locator('button').count(), 1);
  assert.deepEqual(page.trouble.pageErrors, [], 'no panic');
  await page.unroute(split);
  await page.locator('.site-nav a[href$="/timeline"]').click();
  await page.locator('[data-timeline]').first().waitFor();
  await waitReady(page);
  await page.context().close();
});

test('each entry page has its own wasm, smaller than the reader app', () => {
  const dist = path.join(ROOT, 'dist');
  // An entry's wasm: its file, or every module in its split folder.
  const wasm = (name) => {
    const file = fs.readdirSync(dist).find((f) => f.startsWith(`${name}-`) && f.endsWith('.wasm'));
    if (file) return fs.statSync(path.join(dist, file)).size;
    const folder = fs.readdirSync(dist).find((f) => new RegExp(`^${name}-[0-9a-f]{16}$`).test(f));
    assert.ok(folder, `${name} in dist/`);
    return fs
      .readdirSync(path.join(dist, folder))
      .filter((f) => f.endsWith('.wasm'))
      .reduce((sum, f) => sum + fs.statSync(path.join(dist, folder, f)).size, 0);
  };
  // The reader app: every module of its split wasm.
  const folder = fs.readdirSync(dist).find((f) => /^mapline-web-[0-9a-f]{16}$/.test(f));
  assert.ok(folder, 'the reader app\'s split wasm in dist/');
  const modules = fs.readdirSync(path.join(dist, folder)).filter((f) => f.endsWith('.wasm'));
  assert.ok(modules.includes('mapline-web_bg.wasm') && modules.length > 6, `main module, groups, chunks: ${modules}`);
  const reader = modules.reduce((sum, f) => sum + fs.statSync(path.join(dist, folder, f)).size, 0);
  const home = fs.readFileSync(path.join(dist, '404.html'), 'utf8');
  for (const file of ['mapline-web.js', '__wasm_split.js', 'mapline-web_bg.wasm']) {
    assert.match(home, new RegExp(`href="/${folder}/${file.replace('.', '\\.')}"[^>]*integrity="sha384-`), `SRI for ${file}`);
  }
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
