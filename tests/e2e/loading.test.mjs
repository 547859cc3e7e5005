// What a first view downloads: Leaflet (about 46 KB gzip of JS and CSS) is
// fetched only by pages with a map, once per page, from the versioned folder
// index.html copies it into; its stylesheet comes before the app's own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, waitReady, settledState, assertClean, checkAxe } from './harness.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** Opens `route` recording every request whose path names Leaflet's files. */
async function openRecording(route) {
  const page = await app.open();
  const leaflet = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (/\/leaflet[^/]*\.(js|css)$/.test(pathname)) leaflet.push(pathname);
  });
  await page.goto(app.url(route));
  return { page, leaflet };
}

for (const route of ['/', '/timeline', '/embed/timeline', '/galleries']) {
  test(`${route} does not fetch Leaflet`, async () => {
    const { page, leaflet } = await openRecording(route);
    await waitReady(page);
    assert.deepEqual(leaflet, [], 'no Leaflet request');
    assert.equal(await page.evaluate(() => typeof window.L), 'undefined');
    assertClean(page);
    await page.context().close();
  });
}

test('/map fetches Leaflet once, stylesheet first in <head>', async () => {
  const { page, leaflet } = await openRecording('/map');
  await waitReady(page);
  assert.deepEqual(leaflet.sort(), ['/leaflet-1.9.4/leaflet.css', '/leaflet-1.9.4/leaflet.js']);
  const firstSheet = await page.evaluate(
    () => document.head.querySelector('link[rel="stylesheet"]')?.getAttribute('href'),
  );
  assert.equal(firstSheet, 'leaflet-1.9.4/leaflet.css', "Leaflet's rules come before the app's");
  // map.css overrides Leaflet's font (`.leaflet-container { font: inherit }`).
  const fonts = await page.evaluate(() => [
    getComputedStyle(document.querySelector('.leaflet-container')).fontFamily,
    getComputedStyle(document.body).fontFamily,
  ]);
  assert.equal(fonts[0], fonts[1], 'the map inherits the page font');

  // Leaving the map and coming back reuses the loaded Leaflet.
  await page.getByRole('link', { name: 'Timeline', exact: true }).click();
  await page.waitForURL('**/timeline');
  await waitReady(page);
  await page.getByRole('link', { name: 'Map', exact: true }).click();
  await page.waitForURL('**/map');
  await waitReady(page);
  assert.equal(await page.locator('.leaflet-container').count(), 1);
  assert.equal(leaflet.length, 2, 'Leaflet was fetched once');
  assert.equal(await page.locator('head script[src$="leaflet.js"]').count(), 1);
  assertClean(page);
  await page.context().close();
});

test('when Leaflet cannot load, the map says so and its tables still work', async () => {
  const page = await app.open();
  await page.route('**/leaflet-1.9.4/leaflet.js', (route) => route.fulfill({ status: 404, body: '' }));
  await page.goto(app.url('/map'));
  assert.equal(await settledState(page), 'error');
  const text = await page.locator('#app').innerText();
  assert.match(text, /Leaflet could not be loaded/);
  assert.ok((await page.locator('table tbody tr').count()) > 0, 'the country table is there');
  assert.deepEqual(page.trouble.pageErrors, [], 'no page error');
  assert.deepEqual(page.trouble.outside, [], 'nothing left 127.0.0.1');
  // The connection is back: "Try again" loads Leaflet afresh and draws the map,
  // without reloading the page (the failed script is gone from <head>).
  await page.unroute('**/leaflet-1.9.4/leaflet.js');
  const retry = page.locator('.map-error').getByRole('button', { name: 'Try again' });
  await retry.focus();
  await page.keyboard.press('Enter');
  await page.locator('.leaflet-container').waitFor();
  assert.equal(await settledState(page), 'ready');
  assert.equal(await page.locator('.map-error').count(), 0);
  assert.equal(await page.locator('head script[src$="leaflet.js"]').count(), 1);
  assert.ok((await page.locator('.leaflet-overlay-pane path[data-country]').count()) > 0, 'the countries are drawn');
  await checkAxe(page);
  await page.context().close();
});
