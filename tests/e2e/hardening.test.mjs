// What the app does with what it cannot trust: a request that never answers,
// a data file whose bytes are not UTF-8, an embed given the wrong kind of
// document or a story with no slides, and positions off the globe on their way
// to Leaflet.
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

/** Opens `route` with the loading timeout shortened to `ms` (a hook for tests only). */
async function openWithTimeout(route, ms) {
  const page = await app.open();
  await page.addInitScript((limit) => {
    window.maplineTestInactivityMs = limit;
  }, ms);
  await page.goto(app.url(route));
  return page;
}

/** Waits until `check()` (a test-side condition) holds. */
async function until(check) {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 50));
}

const panics = (page) => page.trouble.console.filter((line) => line.includes('panicked at'));

test('a request that never answers ends in the error box, and Try again asks again', async () => {
  const page = await openWithTimeout('/embed/timeline?source=/never/timeline.json', 2000);
  assert.equal(await settledState(page), 'error');
  const box = page.locator('.load-error');
  assert.match(await box.innerText(), /never\/timeline\.json: no answer for 2 seconds/);
  const asked = () => app.server.requests.filter((r) => r.path === '/never/timeline.json').length;
  const before = asked();
  // The first request was taken from early.js and aborted when given up.
  await page.waitForFunction(() => !('maplineEarly' in window));
  await page.getByRole('button', { name: 'Try again' }).click();
  // Asking again shows the progress indicator, not the old error.
  await page.getByRole('status').filter({ hasText: 'Loading data…' }).waitFor();
  assert.equal(await page.locator('.load-error').count(), 0);
  // The retry is a new request (the app's own fetch this time), given up in turn.
  await until(() => asked() === before + 1);
  await page.locator('.load-error').waitFor();
  assert.equal(await settledState(page), 'error');
  assert.match(await box.innerText(), /no answer for 2 seconds/);
  await checkAxe(page);
  assert.deepEqual(page.trouble.pageErrors, []);
  assert.deepEqual(panics(page), []);
  await page.context().close();
});

test('a download that stops halfway is given up too', async () => {
  const page = await openWithTimeout('/?data=/stall/manifest.json', 2000);
  assert.equal(await settledState(page), 'error');
  assert.match(await page.locator('.load-error').innerText(), /stall\/manifest\.json: no answer for 2 seconds/);
  assert.deepEqual(page.trouble.pageErrors, []);
  await page.context().close();
});

test('a fetched data file with bytes that are not UTF-8 is reported where they are, and the rest loads', async () => {
  const page = await app.open('/?data=/fixtures/bad-bytes/manifest.json');
  await waitReady(page);
  const text = await page.locator('.problems').innerText();
  assert.match(text, /fixtures\/bad-bytes\/members\.json:5:34: invalid UTF-8 \(byte 0xE9\)/);
  assert.equal(await page.locator('[data-stat="members"] .stat-value').innerText(), '2', 'both members load');
  assertClean(page);
  await page.context().close();
});

test('/embed/story given a timeline says what it holds and links to the timeline embed', async () => {
  const page = await app.open('/embed/story?source=/anchors/TimelineJS3-all-media-types.json');
  await waitReady(page);
  const elsewhere = page.locator('.embed-elsewhere[data-holds="timeline"]');
  assert.match(await elsewhere.innerText(), /This document holds a timeline, which this embed does not show\.\s+Show it in: Timeline \(embed\)/);
  assert.doesNotMatch(await page.locator('#app').innerText(), /needs a source/);
  await checkAxe(page);
  await elsewhere.getByRole('link').click();
  await page.waitForURL((url) => url.pathname === '/embed/timeline' && url.searchParams.get('source') === '/anchors/TimelineJS3-all-media-types.json');
  await waitReady(page);
  await page.locator('[data-timeline]').waitFor();
  assertClean(page);
  await page.context().close();
});

test('/embed/timeline given a story says what it holds and links to the story embed', async () => {
  const page = await app.open('/embed/timeline?source=/anchors/StoryMapJS-demo.json');
  await waitReady(page);
  const elsewhere = page.locator('.embed-elsewhere[data-holds="story"]');
  assert.match(await elsewhere.innerText(), /This document holds a story/);
  assert.match(await elsewhere.getByRole('link').getAttribute('href'), /\/embed\/story\?source=\/anchors\/StoryMapJS-demo\.json$/);
  assertClean(page);
  await page.context().close();
});

test('a story with no slides says so instead of "1 of 0"', async () => {
  for (const route of ['/embed/story?source=/fixtures/story-no-slides.json', '/stories/empty?source=/fixtures/story-no-slides.json']) {
    const page = await app.open(route);
    await waitReady(page);
    assert.equal(await page.locator('.story-no-slides').innerText(), 'This story has no slides yet.');
    assert.doesNotMatch(await page.locator('#app').innerText(), /of 0/);
    assert.equal(await page.locator('.story-nav').count(), 0, 'nothing to step through');
    await checkAxe(page);
    assertClean(page);
    await page.context().close();
  }
});

test('slides placed off the globe never reach Leaflet: no crash, and every slide still reads', async () => {
  const page = await app.open('/embed/story?source=/fixtures/storymap-off-the-globe.json');
  await waitReady(page);
  await page.locator('.story-map.leaflet-container').waitFor();
  const headlines = await page.locator('[data-slide-id] h2').allInnerTexts();
  assert.deepEqual(headlines, ['o', 'a', 'b']);
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  for (const expected of ['a', 'b']) {
    await page.keyboard.press('ArrowRight');
    await page.locator('[data-slide-id][aria-current="true"] h2', { hasText: new RegExp(`^${expected}$`) }).waitFor();
    assert.ok(await page.locator('[data-slide-id][aria-current="true"] h2').isVisible());
  }
  await page.keyboard.press('ArrowLeft');
  await page.locator('[data-slide-id][aria-current="true"] h2', { hasText: /^a$/ }).waitFor();
  assert.equal(await page.locator('.story-map path.story-marker').count(), 0, 'no marker off the globe');
  assert.deepEqual(page.trouble.pageErrors, [], 'no page error (Leaflet threw "Invalid LatLng object")');
  assert.deepEqual(panics(page), [], 'no panic (RefCell already borrowed)');
  assert.notEqual(await page.evaluate(() => document.getElementById('app').dataset.state), 'error');
  await page.context().close();
});

test('a slide at longitude -1e308 is skipped on the map and the valid one still shows', async () => {
  const page = await app.open('/embed/story?source=/fixtures/storymap-huge-longitude.json');
  await waitReady(page);
  await page.locator('.story-map.leaflet-container').waitFor();
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press('ArrowRight');
  await page.locator('[data-slide-id][aria-current="true"] h2', { hasText: 'Montreal' }).waitFor();
  await page.locator('.story-map path.story-marker.story-current').waitFor();
  assert.equal(await page.locator('.story-map path.story-marker').count(), 1, 'only the place on the globe');
  await page.keyboard.press('ArrowLeft');
  await page.locator('[data-slide-id][aria-current="true"] h2', { hasText: 'far west' }).waitFor();
  assert.deepEqual(page.trouble.pageErrors, []);
  assert.deepEqual(panics(page), []);
  await page.context().close();
});

test('a map move Leaflet refuses leaves the view, not a broken page', async () => {
  const page = await app.open('/embed/story?source=/anchors/StoryMapJS-demo.json');
  await waitReady(page);
  await page.locator('.story-map.leaflet-container').waitFor();
  // Whatever Leaflet throws on a move must not cross into the app.
  await page.evaluate(() => {
    const refuse = () => {
      throw new Error('refused by the test');
    };
    window.L.Map.prototype.flyTo = refuse;
    window.L.Map.prototype.setView = refuse;
    window.L.Map.prototype.flyToBounds = refuse;
    window.L.Map.prototype.fitBounds = refuse;
  });
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  const ids = await page.locator('[data-slide-id]').evaluateAll((slides) => slides.map((s) => s.dataset.slideId));
  for (const id of ids.slice(1, 4)) {
    await page.keyboard.press('ArrowRight');
    await page.locator(`[data-slide-id="${id}"][aria-current="true"]`).waitFor();
  }
  assert.deepEqual(page.trouble.pageErrors, []);
  assert.deepEqual(panics(page), []);
  await page.context().close();
});
