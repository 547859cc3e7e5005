// One bad record costs only that record, on the published views: a timeline
// keeps its good events around an impossible date, a story its good slides
// around a "NaN" latitude (each problem listed with its place), and a
// manifest may list peer files (a TimelineJS3 sheet CSV and a TimelineJS3
// JSON file) beside Mapline documents: the site reads it with the same loader
// as the preview and `mapline check` (the embeds, built without the CSV
// importer, list the CSV file as left out and say where it is read).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, waitReady, assertClean, checkAxe } from './harness.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(() => app?.close());

const problems = (page) => page.locator('.problems li').allInnerTexts();

test('a timeline keeps its good events around one impossible date', async () => {
  const page = await app.open('/timeline?data=/fixtures/bad-records/manifest.json');
  await waitReady(page);
  const ids = await page.locator('[data-timeline] [data-event-id]').evaluateAll(
    (els) => [...new Set(els.map((el) => el.dataset.eventId))].sort(),
  );
  assert.deepEqual(ids, ['good-one', 'good-two']);
  const listed = await problems(page);
  assert.ok(
    listed.some((p) => p.startsWith('fixtures/bad-records/documents.json:5:32: timelines[0].events[1].date: invalid date')),
    listed.join('\n'),
  );
  await checkAxe(page);
  assertClean(page);
  await page.context().close();
});

test('a story keeps its good slide around a "NaN" latitude', async () => {
  const page = await app.open('/stories/s?data=/fixtures/bad-records/manifest.json');
  await waitReady(page);
  const slides = await page.locator('[data-slide-id]').evaluateAll((els) => els.map((el) => el.dataset.slideId));
  assert.deepEqual(slides, ['good-place']);
  const listed = await problems(page);
  assert.ok(listed.some((p) => p.includes('stories[0].slides[0].place.lat')), listed.join('\n'));
  assertClean(page);
  await page.context().close();
});

test('a manifest listing a TimelineJS3 sheet and a TimelineJS3 file shows every event of both', async () => {
  const page = await app.open('/timeline?data=/fixtures/mixed/manifest.json');
  await waitReady(page);
  const headlines = await page.locator('[data-timeline] [data-event-id]').evaluateAll(
    (els) => [...new Set(els.map((el) => el.dataset.eventId))].length,
  );
  assert.equal(headlines, 4);
  // Made-up ids carry their file's name, so the two files never collide.
  assert.equal(await page.locator('.problems [data-severity="error"]').count(), 0);
  assert.equal(await page.locator('[data-event-id="women-csv-event-1"]').count() > 0, true);
  assert.equal(await page.locator('[data-event-id="women-json-event-1"]').count() > 0, true);
  assertClean(page);
  await page.context().close();
});

test('the timeline embed (built without the CSV importer) shows the manifest\'s other file and says where its CSV is read', async () => {
  const data = '/fixtures/mixed/manifest.json';
  const page = await app.open(`/embed/timeline?data=${encodeURIComponent(data)}`);
  await waitReady(page);
  const ids = await page.locator('[data-timeline] [data-event-id]').evaluateAll(
    (els) => [...new Set(els.map((el) => el.dataset.eventId))],
  );
  assert.ok(ids.length > 0 && ids.every((id) => id.startsWith('women-json-')), ids.join(', '));
  // The left-out file is an error listed in the frame, with the address of
  // the full app on the same data.
  const listed = await page.locator('.embed .problems [data-severity="error"]').allInnerTexts();
  assert.equal(listed.length, 1, listed.join('\n'));
  const home = new URL(`/?data=${encodeURIComponent(data)}`, page.url()).href;
  assert.equal(listed[0], `fixtures/mixed/women.csv: CSV templates are read by the full app: open it at ${home}`);
  await checkAxe(page);
  assertClean(page);
  await page.context().close();
});

test('links inside another dataset stay in it, through a reload', async () => {
  const data = '/fixtures/bad-records/manifest.json';
  const page = await app.open(`/timeline?data=${encodeURIComponent(data)}&lang=en`);
  await waitReady(page);
  await page.locator('.site-nav a[href*="/stories"]').click();
  await page.locator('[data-page="stories"]').waitFor();
  assert.equal(new URL(page.url()).searchParams.get('data'), data);
  await page.reload();
  await waitReady(page);
  assert.equal(await page.locator('[data-page="stories"] h2').allInnerTexts().then((t) => t.join('|')), 'A story with one bad slide');
  // And on to the story itself.
  await page.locator('[data-page="stories"] h2 a').click();
  await page.locator('[data-slide-id="good-place"]').waitFor();
  assert.equal(new URL(page.url()).searchParams.get('data'), data);
  assertClean(page);
  await page.context().close();
});

test('the importers come as a module of their own: without it the network\'s own data loads, and the peer\'s file says why', async () => {
  const data = '/fixtures/own-and-peer/manifest.json';
  // With the module: the TimelineJS3 file's events are on the timeline.
  const page = await app.open(`/timeline?data=${encodeURIComponent(data)}`);
  await waitReady(page);
  assert.ok(await page.locator('[data-timeline] [data-event-id^="women-event-"]').count() > 0);
  assert.ok(app.server.requests.some(({ path: p }) => p.includes('split_mapline_importers')), 'the importers\' module was fetched');
  assertClean(page);
  await page.context().close();
  // Without it (a phone that lost its network): the members still load, and
  // the peer's file is an error that says what happened. Nothing panics.
  const offline = await app.open(undefined);
  await offline.route('**/split_mapline_importers*.wasm*', (route) => route.abort('internetdisconnected'));
  await offline.goto(app.url(`/map?data=${encodeURIComponent(data)}`));
  await waitReady(offline);
  await offline.locator('tr[data-member-id="own-member"]').waitFor();
  const errors = await offline.locator('.problems [data-severity="error"]').allInnerTexts();
  assert.equal(errors.length, 1, errors.join('\n'));
  assert.match(errors[0], /^fixtures\/mixed\/women\.json: the code that reads TimelineJS3, StoryMapJS and CSV files could not be downloaded/);
  assert.deepEqual(offline.trouble.pageErrors, []);
  await checkAxe(offline);
  await offline.context().close();
});
