// The app shell and the loading contract: every route reaches data-state="ready"
// with no console error, no outside request and no axe violation; errors are
// readable; language, deep links and subfolder hosting work.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, waitReady, settledState, assertClean, checkAxe, sampleData } from './harness.mjs';

const data = sampleData();
const first = (key) => {
  assert.ok(data[key]?.length, `the sample data has no ${key}`);
  return data[key][0].id;
};

const ROUTES = [
  '/',
  '/map',
  '/timeline',
  '/stories',
  `/stories/${first('stories')}`,
  '/galleries',
  `/galleries/${first('galleries')}`,
  `/cases/${first('cases')}`,
  `/members/${first('members')}`,
  '/campaigns',
  `/campaigns/${first('campaigns')}`,
  '/preview',
  '/embed/timeline',
  '/embed/story',
  '/embed/map',
  '/embed/gallery',
  '/no/such/page',
];

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

for (const route of ROUTES) {
  test(`${route} is ready, clean and passes axe`, async () => {
    const page = await app.open(route);
    await waitReady(page);
    const heading = await page.locator('h1').first().innerText();
    assert.ok(heading.trim().length > 0, 'the page has a visible h1');
    await checkAxe(page);
    assertClean(page);
    await page.context().close();
  });
}

test('the home page shows the counts from the loaded data', async () => {
  const page = await app.open('/');
  await waitReady(page);
  const countries = new Set(data.members.map((m) => m.country));
  const stat = async (name) => Number(await page.locator(`[data-stat="${name}"] .stat-value`).innerText());
  assert.equal(await stat('members'), data.members.length);
  assert.equal(await stat('countries'), countries.size);
  assert.equal(await stat('cases'), data.cases.length);
  assert.equal(await stat('campaigns'), data.campaigns.length);
  assert.equal(await stat('stories'), data.stories.length);
  assert.equal(await stat('galleries'), data.galleries.length);
  assertClean(page);
  await page.context().close();
});

test('navigation links route inside the app and mark the current page', async () => {
  const page = await app.open('/');
  await waitReady(page);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Stories' }).click();
  await page.waitForURL('**/stories');
  await waitReady(page);
  const current = page.locator('.site-nav a[aria-current="page"]');
  assert.equal(await current.innerText(), 'Stories');
  assertClean(page);
  await page.context().close();
});

test('the skip link and the navigation work with the keyboard alone', async () => {
  const page = await app.open('/');
  await waitReady(page);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  // From the top of a fresh page, Tab reaches the Map link, and Enter follows it.
  await page.reload();
  await waitReady(page);
  let focused = '';
  for (let i = 0; i < 6 && focused !== 'Map'; i += 1) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement.textContent);
  }
  assert.equal(focused, 'Map', 'the Map link is reached by Tab');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/map');
  await waitReady(page);
  assertClean(page);
  await page.context().close();
});

test('a deep link survives a reload', async () => {
  const route = `/stories/${first('stories')}`;
  const page = await app.open(route);
  await waitReady(page);
  await page.reload();
  await waitReady(page);
  assert.ok(page.url().endsWith(route));
  assertClean(page);
  await page.context().close();
});

test('?lang=ar switches to Arabic, right to left, and the choice persists', async () => {
  const page = await app.open('/?lang=ar');
  await waitReady(page);
  const attrs = () => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
  assert.deepEqual(await attrs(), ['ar', 'rtl']);
  assert.equal(await page.getByRole('link', { name: 'الخريطة', exact: true }).count(), 1);
  await page.goto(app.url('/map'));
  await waitReady(page);
  assert.deepEqual(await attrs(), ['ar', 'rtl'], 'the choice is remembered without ?lang');
  await page.selectOption('.language-select select', 'fr');
  assert.deepEqual(await attrs(), ['fr', 'ltr']);
  assert.equal(await page.getByRole('link', { name: 'Carte', exact: true }).count(), 1);
  await checkAxe(page);
  assertClean(page);
  await page.context().close();
});

test('links keep the data and the language of the address, and follow the language menu', async () => {
  const data = '/fixtures/bad-records/manifest.json';
  const page = await app.open(`/?lang=fr&data=${encodeURIComponent(data)}`);
  await waitReady(page);
  const stories = page.locator('.site-nav a[href*="/stories"]');
  const params = async (href) => new URL(href, page.url()).searchParams;
  let link = await params(await stories.getAttribute('href'));
  assert.equal(link.get('lang'), 'fr');
  assert.equal(link.get('data'), data);
  await stories.click();
  await page.locator('[data-page="stories"]').waitFor();
  let here = new URL(page.url()).searchParams;
  assert.equal(here.get('lang'), 'fr', 'the language goes with the link');
  assert.equal(here.get('data'), data, 'and so does the data');
  // Another language: the address and the links drawn before follow it.
  await page.selectOption('.language-select select', 'es');
  await page.waitForURL((url) => url.searchParams.get('lang') === 'es');
  assert.equal(new URL(page.url()).searchParams.get('data'), data);
  link = await params(await page.locator('.site-nav a[href*="/map"]').getAttribute('href'));
  assert.equal(link.get('lang'), 'es');
  assert.equal(link.get('data'), data);
  await page.reload();
  await waitReady(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
  assertClean(page);
  await page.context().close();
});

test('a dataset that cannot be loaded gives a readable error and a retry button', async () => {
  const page = await app.open('/?data=/fixtures/missing-manifest.json');
  assert.equal(await settledState(page), 'error');
  const alert = page.getByRole('alert');
  assert.match(await alert.innerText(), /missing-manifest\.json.*404/s);
  assert.equal(await page.getByRole('button', { name: 'Try again' }).count(), 1);
  await checkAxe(page);
  // The 404 itself is the one expected console message.
  assert.deepEqual(page.trouble.pageErrors, []);
  assert.deepEqual(page.trouble.outside, []);
  await page.context().close();
});

test('a malformed manifest is reported with its line and column', async () => {
  const page = await app.open('/?data=/fixtures/broken/manifest.json');
  assert.equal(await settledState(page), 'error');
  assert.match(await page.getByRole('alert').innerText(), /manifest\.json:\d+:\d+/);
  await page.context().close();
});

test('problems in data files are listed and everything valid still renders', async () => {
  const page = await app.open('/?data=/fixtures/partly-broken/manifest.json');
  await waitReady(page);
  const problems = page.locator('.problems');
  const text = await problems.innerText();
  assert.match(text, /members\.json:\d+:\d+/, 'a located problem');
  assert.match(text, /unknown country/i);
  assert.match(text, /missing\.json/, 'a file that could not be fetched');
  assert.match(text, /members\[2\]\.name/, 'the record dropped for a wrong type, by its JSON path');
  // The good member and the one with an unknown country (kept, flagged) count;
  // the record with a wrong type is dropped.
  assert.equal(await page.locator('[data-stat="members"] .stat-value').innerText(), '2');
  assert.equal(await page.locator('[data-stat="countries"] .stat-value').innerText(), '1', 'XX is no country');
  await page.context().close();
});

test('dist/ works from a subfolder (public URL /sub/)', async () => {
  const sub = await startApp({ dist: 'target/dist-sub', prefix: '/sub/' });
  try {
    const route = `/sub/stories/${first('stories')}`;
    const page = await sub.open(route);
    await waitReady(page);
    await page.getByRole('link', { name: 'Map', exact: true }).click();
    await page.waitForURL('**/sub/map');
    await waitReady(page);
    assertClean(page);
    await page.context().close();
  } finally {
    await sub.close();
  }
});

test('the data download starts with the page (early.js) and the app takes it: one request each', async () => {
  for (const [route, wanted] of [
    ['/timeline', '/data/manifest.json'],
    ['/embed/timeline?source=/anchors/TimelineJS3-eras.json', '/anchors/TimelineJS3-eras.json'],
  ]) {
    const before = app.server.requests.filter((r) => r.path === wanted).length;
    const page = await app.open(route);
    await waitReady(page);
    assert.equal(app.server.requests.filter((r) => r.path === wanted).length - before, 1, `${route}: ${wanted} fetched once`);
    assert.equal(await page.evaluate(() => 'maplineEarly' in window), false, `${route}: the early response was taken`);
    assertClean(page);
    await page.context().close();
  }
});

test('a Content-Security-Policy forbids inline scripts and handlers, and the app runs under it', async () => {
  const page = await app.open('/');
  await waitReady(page);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
  assert.match(policy, /object-src 'none'/);
  const outcome = await page.evaluate(async () => {
    // (Playwright's own evaluation is exempt from the policy; what it adds to
    // the page is not.)
    window.__ran = [];
    const script = document.createElement('script');
    script.textContent = 'window.__ran.push("inline script")';
    document.body.append(script);
    const holder = document.createElement('div');
    holder.innerHTML = '<img src="data:," onerror="window.__ran.push(\'event handler\')">';
    document.body.append(holder);
    await new Promise((resolve) => setTimeout(resolve, 100));
    script.remove();
    holder.remove();
    return window.__ran;
  });
  assert.deepEqual(outcome, [], 'neither an inline script nor an inline handler ran');
  await page.context().close();
});
