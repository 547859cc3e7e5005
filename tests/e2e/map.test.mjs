// /map: the shaded countries match the data, a country opens by keyboard and by
// a click on the map, filters change both map and list, the URL carries the view
// across a reload, navigating away and back leaves no error, axe passes with the
// panel open, and the page works 360 px wide. Counts come from the sample data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, waitReady, settledState, assertClean, checkAxe, sampleData } from './harness.mjs';

const data = sampleData();
const membersByCountry = new Map();
for (const m of data.members) membersByCountry.set(m.country, [...(membersByCountry.get(m.country) ?? []), m.id]);
// The country with the most members (ties: the first code), to open.
const [busiest] = [...membersByCountry.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
const [busyCode, busyMembers] = busiest;
const americas = new Set(data.members.filter((m) => m.region === 'americas').map((m) => m.country));

const shaded = (page) => page.locator('.leaflet-overlay-pane path[data-country]').count();
const shadedCodes = (page) =>
  page.$$eval('.leaflet-overlay-pane path[data-country]', (els) => els.map((e) => e.dataset.country).sort());
const rowCodes = (page) => page.$$eval('tr[data-country]', (els) => els.map((e) => e.dataset.country).sort());

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

test('every country with members is shaded once, and listed', async () => {
  const page = await app.open('/map');
  await waitReady(page);
  assert.equal(membersByCountry.size, 70, 'the sample data has members in 70 countries');
  assert.equal(await shaded(page), membersByCountry.size);
  const expected = [...membersByCountry.keys()].sort();
  assert.deepEqual(await shadedCodes(page), expected);
  assert.deepEqual(await rowCodes(page), expected);
  assert.equal(await page.locator('tr[data-member-id]').count(), data.members.length);
  // Small states without a 110m shape (Bahrain, Singapore, Malta…) are circles.
  assert.equal(await page.locator('.leaflet-container').count(), 1);
  assert.ok((await page.locator('.map-canvas').getAttribute('aria-label')).length > 0, 'the map has a name');
  // Member markers are on the canvas.
  assert.equal(await page.locator('.leaflet-mapline-markers-pane canvas').count(), 1);
  assert.equal(await page.locator('#app').getAttribute('data-state'), 'ready');
  await checkAxe(page);
  assertClean(page);
  await page.context().close();
});

test('a country opens by keyboard, lists its members, and Escape returns focus', async () => {
  const page = await app.open('/map');
  await waitReady(page);
  const button = page.locator(`tr[data-country="${busyCode}"] button`);
  await button.focus();
  await page.keyboard.press('Enter');
  const panel = page.locator(`.map-panel[data-panel-country="${busyCode}"]`);
  await panel.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'map-panel-title', 'focus moves to the panel');
  const ids = await panel.locator('[data-member-id]').evaluateAll((els) => els.map((e) => e.dataset.memberId).sort());
  assert.deepEqual(ids, [...busyMembers].sort());
  const href = await panel.locator(`[data-member-id="${busyMembers[0]}"] a`).getAttribute('href');
  assert.equal(href, `/members/${busyMembers[0]}`);
  // The open country is outlined on the map.
  await page.locator(`path[data-country="${busyCode}"].map-highlight`).waitFor({ state: 'attached' });
  await checkAxe(page);
  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'detached' });
  assert.equal(
    await page.evaluate(() => document.activeElement.closest('tr')?.dataset.country),
    busyCode,
    'focus returns to the row that opened the panel',
  );
  // Enter on the row itself opens it too.
  await page.locator(`tr[data-country="${busyCode}"]`).focus();
  await page.keyboard.press('Enter');
  await panel.waitFor();
  assert.match(page.url(), new RegExp(`country=${busyCode}`));
  assertClean(page);
  await page.context().close();
});

test('a click on a shaded country opens its panel; focus in the list highlights it', async () => {
  const page = await app.open('/map');
  await waitReady(page);
  const box = await page.locator('path[data-country="BR"]').boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 3);
  await page.locator('.map-panel[data-panel-country="BR"]').waitFor();
  await page.keyboard.press('Escape');
  await page.locator('.map-panel').waitFor({ state: 'detached' });
  await page.mouse.move(0, 0);
  await page.locator('tr[data-country="CA"] button').focus();
  // Focus in the list outlines the country on the map.
  await page.locator('path[data-country="CA"].map-highlight').waitFor({ state: 'attached' });
  assert.equal(await page.locator('path.map-highlight').count(), 1, 'only the focused country is outlined');
  assertClean(page);
  await page.context().close();
});

test('a filter changes both the map and the list, and the URL carries the view across a reload', async () => {
  const page = await app.open('/map');
  await waitReady(page);
  await page.locator('select[data-filter="region"]').selectOption('americas');
  await page.waitForFunction((n) => document.querySelectorAll('tr[data-country]').length === n, americas.size);
  assert.equal(await shaded(page), americas.size);
  assert.deepEqual(await shadedCodes(page), [...americas].sort());
  assert.deepEqual(await rowCodes(page), [...americas].sort());
  const americanMembers = data.members.filter((m) => m.region === 'americas').length;
  assert.equal(await page.locator('tr[data-member-id]').count(), americanMembers);
  // Zoom in with the map's own (focusable) control, and open a country.
  await page.locator('.leaflet-control-zoom-in').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('z') === '3');
  const code = [...americas].sort()[0];
  await page.locator(`tr[data-country="${code}"] button`).click();
  await page.locator(`.map-panel[data-panel-country="${code}"]`).waitFor();
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('region'), 'americas');
  assert.equal(url.searchParams.get('country'), code);
  const [lat, lon] = [url.searchParams.get('lat'), url.searchParams.get('lon')];
  assert.ok(lat && lon, 'the centre is in the URL');

  await page.reload();
  await waitReady(page);
  assert.equal(new URL(page.url()).search, url.search, 'the reload keeps the view as written');
  assert.equal(await page.locator('select[data-filter="region"]').inputValue(), 'americas');
  assert.equal(await shaded(page), americas.size);
  await page.locator(`.map-panel[data-panel-country="${code}"]`).waitFor();
  assertClean(page);
  await page.context().close();
});

test('a campaign or status filter keeps the countries with matching cases', async () => {
  const page = await app.open('/map?status=open');
  await waitReady(page);
  const withOpen = new Set(data.cases.filter((c) => c.status === 'open').map((c) => c.country));
  const expected = [...membersByCountry.keys()].filter((c) => withOpen.has(c)).sort();
  assert.ok(expected.length > 0 && expected.length < membersByCountry.size);
  assert.deepEqual(await rowCodes(page), expected);
  assert.deepEqual(await shadedCodes(page), expected);
  await page.locator('button', { hasText: 'Clear filters' }).click();
  await page.waitForFunction((n) => document.querySelectorAll('tr[data-country]').length === n, membersByCountry.size);
  assert.equal(new URL(page.url()).searchParams.get('status'), null);
  assertClean(page);
  await page.context().close();
});

test('the country list sorts by members', async () => {
  const page = await app.open('/map');
  await waitReady(page);
  await page.locator('button[data-sort="members"]').click();
  const counts = await page.$$eval('tr[data-country] td:nth-of-type(1)', (els) => els.map((e) => Number(e.textContent)));
  assert.deepEqual(counts, [...counts].sort((a, b) => b - a));
  assert.equal(await page.locator('th[aria-sort="descending"] button[data-sort="members"]').count(), 1);
  const first = await page.locator('tr[data-country]').first().getAttribute('data-country');
  assert.equal(membersByCountry.get(first).length, busyMembers.length, 'a country with the most members comes first');
  assertClean(page);
  await page.context().close();
});

test('navigating away and back recreates the map without errors', async () => {
  const page = await app.open('/map');
  await waitReady(page);
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  for (let i = 0; i < 3; i++) {
    await page.evaluate(() => {
      window.__oldMap = document.querySelector('.leaflet-container');
    });
    await nav.getByRole('link', { name: 'Timeline' }).click();
    await page.waitForURL('**/timeline');
    await waitReady(page);
    assert.equal(await page.locator('.leaflet-container').count(), 0, 'the map is gone');
    // Leaflet's map.remove() ran: the old container no longer holds a map.
    assert.deepEqual(
      await page.evaluate(() => [window.__oldMap._leaflet_id, window.__oldMap.querySelector('.leaflet-map-pane')]),
      [undefined, null],
    );
    await nav.getByRole('link', { name: 'Map' }).click();
    await page.waitForURL('**/map*');
    await waitReady(page);
    assert.equal(await page.locator('.leaflet-container').count(), 1);
    assert.equal(await shaded(page), membersByCountry.size);
  }
  assertClean(page);
  await page.context().close();
});

test('the map shows its list when the shapes cannot be loaded', async () => {
  const context = await app.browser.newContext({ serviceWorkers: 'block' });
  const page = await app.open(undefined, { context });
  // Registered after the harness's route, so it is matched first.
  await page.route('**/countries-110m.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(app.url('/map'));
  assert.equal(await settledState(page), 'error');
  assert.match(await page.locator('.map-error').innerText(), /countries-110m\.json/);
  assert.equal(await page.locator('tr[data-country]').count(), membersByCountry.size, 'the list still renders');
  await context.close();
});

test('at 360 px wide the page fits and the panel is a bottom sheet', async () => {
  const page = await app.open('/map', { viewport: { width: 360, height: 740 } });
  await waitReady(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling (overflow ${overflow}px)`);
  await page.locator(`tr[data-country="${busyCode}"] button`).focus();
  await page.keyboard.press('Enter');
  const panel = page.locator('.map-panel');
  await panel.waitFor();
  const box = await panel.boundingBox();
  assert.ok(Math.abs(box.x) < 1 && Math.abs(box.width - 360) < 1, `full width: ${JSON.stringify(box)}`);
  assert.ok(Math.abs(box.y + box.height - 740) < 1, `at the bottom: ${JSON.stringify(box)}`);
  await checkAxe(page);
  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'detached' });
  assertClean(page);
  await page.context().close();
});

test('/embed/map shows the map with its list', async () => {
  const page = await app.open('/embed/map');
  await waitReady(page);
  assert.equal(await shaded(page), membersByCountry.size);
  assert.equal(await page.locator('tr[data-country]').count(), membersByCountry.size);
  await checkAxe(page);
  assertClean(page);
  await page.context().close();
});

test("the filters' names from the data follow the language the reader picks", async () => {
  const page = await app.open('/map?lang=en');
  await waitReady(page);
  const campaign = (text) => page.locator('select[data-filter="campaign"] option', { hasText: text });
  await campaign('Campaign to end impunity, 2011').waitFor({ state: 'attached' });
  await page.selectOption('.language-select select', 'fr');
  await campaign("Campagne contre l'impunité, 2011").waitFor({ state: 'attached' });
  assert.equal(await campaign('Campaign to end impunity, 2011').count(), 0);
  await page.selectOption('.language-select select', 'ar');
  await campaign('حملة إنهاء الإفلات من العقاب، 2011').waitFor({ state: 'attached' });
  assertClean(page);
  await page.context().close();
});
