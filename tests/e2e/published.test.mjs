// Published pages (mapline publish, run by build_dist): every record's page is
// real HTML — readable with JavaScript off, with its own title, description,
// canonical, hreflang, Open Graph/Twitter tags, image and JSON-LD — listed in
// sitemap.xml; with JavaScript on, the app takes the page over without
// moving its heading, cleanly and axe-clean. Needs a dist built with a base
// URL (scripts/test builds it with --base-url).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, waitReady, assertClean, checkAxe, sampleData } from './harness.mjs';

const data = sampleData();
const CASE = data.cases.find((c) => c.id === 'iryna-khalip');
const en = (text) => (typeof text === 'string' ? text : text?.en ?? '');
const SITE = en(data.manifest.title);

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

async function get(path) {
  const response = await fetch(app.url(path));
  assert.equal(response.status, 200, `${path}: HTTP ${response.status}`);
  return response.text();
}

/** A page's head, read in the page (JavaScript off or on). */
function headOf(page) {
  return page.evaluate(() => {
    const meta = (attr, name) => document.head.querySelector(`meta[${attr}="${name}"]`)?.getAttribute('content') ?? null;
    return {
      title: document.title,
      description: meta('name', 'description'),
      canonical: document.head.querySelector('link[rel="canonical"]')?.href ?? null,
      hreflang: Object.fromEntries(
        [...document.head.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => [l.hreflang, l.href]),
      ),
      ogTitle: meta('property', 'og:title'),
      ogImage: meta('property', 'og:image'),
      ogImageAlt: meta('property', 'og:image:alt'),
      ogUrl: meta('property', 'og:url'),
      twitterCard: meta('name', 'twitter:card'),
      twitterImage: meta('name', 'twitter:image'),
      jsonLd: [...document.head.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent)),
    };
  });
}

test('with JavaScript off, a case page shows its heading, facts, outcomes and photo', async () => {
  const context = await app.browser.newContext({ javaScriptEnabled: false, viewport: { width: 412, height: 823 } });
  try {
    const page = await app.open(`/cases/${CASE.id}`, { context });
    const article = page.locator(`article.case[data-case-id="${CASE.id}"]`);
    assert.equal(await article.locator('h1').innerText(), CASE.person);
    const facts = await article.locator('dl.facts').innerText();
    assert.match(facts, /Country\s+Belarus/);
    assert.match(facts, new RegExp(`Profession\\s+${en(CASE.profession)}`));
    assert.match(facts, /Status\s+Resolved/);
    const outcomes = article.locator('ol.events > li.event');
    assert.equal(await outcomes.count(), CASE.outcomes.length);
    for (const [i, outcome] of CASE.outcomes.entries()) {
      const item = outcomes.nth(i);
      assert.equal(await item.getAttribute('data-event-id'), outcome.id);
      assert.ok((await item.locator('.event-date').innerText()).trim().length > 0, `${outcome.id} has a date`);
      assert.ok((await item.locator('h3').innerText()).includes(en(outcome.headline)));
    }
    const photo = article.locator('figure.media img');
    assert.equal(await photo.getAttribute('alt'), en(CASE.photo.alt));
    assert.equal(await photo.getAttribute('width'), String(CASE.photo.width));
    assert.equal(await photo.getAttribute('height'), String(CASE.photo.height));
    // The summary's Markdown as elements.
    assert.ok((await article.locator('.rich-text strong').first().innerText()).length > 0);
    // Readable: not marked busy, no "needs JavaScript" message, a main landmark.
    assert.equal(await page.getAttribute('#app', 'aria-busy'), 'false');
    assert.equal(await page.locator('main#main').count(), 1);
    assert.doesNotMatch(await page.locator('body').innerText(), /Loading Mapline|needs JavaScript/);
    // Links work without the app: the outcome's place on the timeline.
    assert.equal(
      await outcomes.first().locator('a.event-on-timeline').getAttribute('href'),
      `/timeline?event=${CASE.outcomes[0].id}`,
    );

    const head = await headOf(page);
    assert.equal(head.title, `${CASE.person} · ${SITE}`);
    assert.ok(head.description?.startsWith('Belarusian journalist'), head.description);
    assert.match(head.canonical, new RegExp(`^https?://[^/]+(/.*)?/cases/${CASE.id}$`));
    assert.deepEqual(Object.keys(head.hreflang).sort(), ['ar', 'en', 'es', 'fr', 'x-default']);
    assert.equal(head.hreflang.fr, `${head.canonical}?lang=fr`);
    assert.equal(head.ogUrl, head.canonical);
    assert.equal(head.ogTitle, CASE.person);
    assert.match(head.ogImage, /^https?:\/\/.+\/data\/images\/idei-belarus\.jpg$/);
    assert.equal(head.ogImageAlt, en(CASE.photo.alt));
    assert.equal(head.twitterCard, 'summary_large_image');
    assert.equal(head.twitterImage, head.ogImage);
    const graph = head.jsonLd[0]['@graph'];
    assert.equal(graph.find((x) => x['@type'] === 'Person')?.name, CASE.person);
    const events = graph.filter((x) => x['@type'] === 'Event');
    assert.equal(events.length, CASE.outcomes.length);
    assert.ok(events.every((e) => /^\d{4}(-\d\d){0,2}$/.test(e.startDate)), JSON.stringify(events));
    await page.close();
  } finally {
    await context.close();
  }
});

test('every record of the sample data has a page with its head tags and image, and sitemap.xml lists them all', async () => {
  const sitemap = await get('/sitemap.xml');
  const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => new URL(loc).pathname);
  const base = new URL(sitemap.match(/<loc>([^<]+)<\/loc>/)[1]).pathname.replace(/\/$/, '');
  const routes = locs.map((p) => p.slice(base.length) || '/');
  const records = [
    ...data.cases.map((r) => [`/cases/${r.id}`, r.person, 'article.case']),
    ...data.members.map((r) => [`/members/${r.id}`, r.name, 'article.member']),
    ...data.campaigns.map((r) => [`/campaigns/${r.id}`, r.name, 'article.campaign']),
    ...data.stories.map((r) => [`/stories/${r.id}`, r.title, 'article.story']),
    ...data.galleries.map((r) => [`/galleries/${r.id}`, r.title, 'article.gallery']),
  ];
  for (const route of ['/', '/map', '/timeline', '/stories', '/galleries', '/campaigns', ...records.map(([r]) => r)]) {
    assert.ok(routes.includes(route), `sitemap.xml lists ${route}`);
  }
  assert.equal(routes.length, new Set(routes).size, 'no page twice');
  const robots = await get('/robots.txt');
  assert.match(robots, /^Sitemap: https?:\/\/\S+\/sitemap\.xml$/m);

  for (const [route, name, article] of records) {
    const html = await get(route);
    const escaped = en(name).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
    assert.ok(html.includes(`<title>${escaped} · ${SITE}</title>`), `${route}: <title>`);
    assert.ok(html.includes(`<div class="published">`) && html.includes(`<${article.replace('.', ' class="')}`), `${route}: its content`);
    assert.ok(html.includes(`<h1>${escaped} `), `${route}: its heading`);
    for (const tag of ['name="description"', 'rel="canonical"', 'property="og:title"', 'property="og:image"', 'name="twitter:card"', 'name="twitter:image"']) {
      assert.ok(html.includes(tag), `${route}: ${tag}`);
    }
    const image = new URL(html.match(/property="og:image" content="([^"]+)"/)[1]);
    // The image is served by this dist (a record's photo, or its generated card).
    const local = await fetch(app.url(image.pathname.slice(base.length)));
    assert.equal(local.status, 200, `${route}: its image ${image.pathname}`);
  }
});

test('with JavaScript on, the app takes the page over without moving its heading', async () => {
  const page = await app.open(undefined, { viewport: { width: 412, height: 823 } });
  // The wasm waits until the published heading is measured (on a fast
  // machine the app would otherwise take over first).
  let release;
  const measured = new Promise((resolve) => {
    release = resolve;
  });
  await page.route('**/*_bg.wasm', async (route) => {
    await measured;
    await route.continue();
  });
  await page.goto(app.url(`/cases/${CASE.id}`));
  const before = await page.locator('#app[data-published] .published h1').boundingBox();
  release();
  await waitReady(page);
  assert.equal(await page.locator('.published').count(), 0, 'the published copy is gone');
  assert.equal(await page.locator('#app[data-published]').count(), 0);
  assert.equal(await page.locator('.app-live[data-pending]').count(), 0);
  assert.equal(await page.locator('h1').count(), 1);
  const heading = page.locator(`article.case[data-case-id="${CASE.id}"] h1`);
  assert.equal(await heading.isVisible(), true);
  const after = await heading.boundingBox();
  assert.deepEqual(
    [Math.round(after.x), Math.round(after.y), Math.round(after.height)],
    [Math.round(before.x), Math.round(before.y), Math.round(before.height)],
    'the heading stays where it was painted',
  );
  assert.equal(await page.getAttribute('#app', 'aria-busy'), 'false');
  // The app's own controls are there and work: the language menu.
  await page.selectOption('.language-select select', 'fr');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  assert.match(await page.locator('dl.facts').innerText(), /Pays\s+Biélorussie/);
  assertClean(page);
  await checkAxe(page);
  await page.close();
});

test('a case page is whole without the app, which starts at the reader\'s first input, where the reader is', async () => {
  const page = await app.open();
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(app.url(`/cases/${CASE.id}`));
  await page.waitForLoadState('networkidle');
  const code = fetched.filter((p) => /\.wasm$|\/mapline-web[^/]*\.js$|__wasm_split\.js$/.test(p));
  assert.deepEqual(code, [], 'no code of the app before the reader acts');
  assert.equal(await page.getAttribute('#app', 'data-start'), 'input');
  // The locator map is drawn by publish: the country shaded among its neighbours.
  const locator = page.locator('.published .locator-frame svg.locator');
  assert.match(await locator.getAttribute('aria-label'), /Belarus/);
  assert.equal(await locator.locator('path.locator-country').count(), 1);
  // The page's entrance (a fade, shell.css) has ended before axe reads colours.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
  await checkAxe(page);

  // A keyboard reader's first Tab starts the app; focus stays on the link
  // reached when the app takes the page over.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const reached = await page.evaluate(() => document.activeElement.getAttribute('href'));
  assert.ok(reached, 'a link of the page has focus');
  await waitReady(page);
  assert.equal(await page.locator('.published').count(), 0, 'the app has taken over');
  assert.ok(fetched.some((p) => p.endsWith('.wasm')), 'the app was fetched on input');
  const focus = await page.evaluate(() => ({
    href: document.activeElement.getAttribute('href'),
    live: Boolean(document.activeElement.closest('.app-live')),
  }));
  assert.deepEqual(focus, { href: reached, live: true }, 'focus is on the same link, in the app');
  assertClean(page);
  await page.close();
});

test('the home page and a campaign are whole without the app: their charts are drawn, bars reachable by keyboard', async () => {
  const page = await app.open();
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  for (const route of ['/', '/campaigns/idei-2012']) {
    await page.goto(app.url(route));
    await page.waitForLoadState('networkidle');
    assert.equal(await page.locator('.published .infographic figure.chart svg.bar-chart').count(), 3, `${route}: three charts`);
    const bars = await page.locator('.published .infographic g.bar').count();
    assert.ok(bars > 0, `${route}: bars`);
    assert.equal(await page.locator('.published .infographic g.bar[tabindex="0"][aria-label]').count(), bars);
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
    await checkAxe(page);
  }
  assert.deepEqual(fetched.filter((p) => p.endsWith('.wasm')), [], 'no wasm before the reader acts');
  assertClean(page);
  await page.close();
});

test('the map page shows the network\'s map before the app, which draws the live map in its frame at the first touch', async () => {
  const page = await app.open();
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(app.url('/map'));
  await page.waitForLoadState('networkidle');
  assert.equal(await page.getAttribute('#app', 'data-start'), 'input');
  // The picture: every member country in a colour of the legend (the
  // shaded paths or, for states too small for the shapes, circles).
  const picture = page.locator('.published .map-canvas svg.map-overview[role="img"]');
  assert.equal(await picture.getAttribute('aria-label'), 'Map of the member countries');
  const fills = await picture.evaluate((svg) => [...svg.querySelectorAll('path, circle')].map((n) => n.getAttribute('fill')));
  const legend = await page.$$eval('.published .map-legend .swatch', (s) => s.map((e) => getComputedStyle(e).backgroundColor));
  assert.equal(legend.length, 5);
  assert.ok(new Set(fills).size >= 4, `the neutral land and the classes: ${[...new Set(fills)]}`);
  const box = await picture.boundingBox();
  assert.ok(box.width > 600 && box.height > 300, `drawn large: ${JSON.stringify(box)}`);
  // The list alternative is there too, and the filters hold their room, disabled.
  const countries = new Set(data.members.map((m) => m.country));
  assert.equal(await page.locator('.published .map-page > ul > li').count(), countries.size);
  assert.equal(await page.locator('.published fieldset.map-filters[disabled] select').count(), 4);
  assert.deepEqual(fetched.filter((p) => p.endsWith('.wasm')), [], 'no wasm before the reader acts');
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
  await checkAxe(page);

  // A touch on the map starts the app, whose live map takes the frame's place.
  // (Positions in the document: the live map may scroll itself into view.)
  const place = (selector) => page.locator(selector).evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { y: r.y + window.scrollY, height: r.height };
  });
  const before = await place('.published .map-canvas');
  const frame = await page.locator('.published .map-canvas').boundingBox();
  await page.mouse.click(frame.x + frame.width / 2, frame.y + frame.height / 2);
  await waitReady(page);
  await page.locator('.map-canvas.leaflet-container').waitFor();
  assert.equal(await page.locator('.published').count(), 0, 'the app has taken over');
  const after = await place('.map-canvas.leaflet-container');
  assert.ok(Math.abs(after.y - before.y) < 2 && Math.abs(after.height - before.height) < 2,
    `the live map is where the picture was: ${JSON.stringify({ before, after })}`);
  assertClean(page);
  await page.close();
});

test('a story is whole without the app, each place on a locator; the app opens on the slide the reader had reached', async () => {
  const page = await app.open();
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  for (const story of data.stories) {
    await page.goto(app.url(`/stories/${story.id}`));
    await page.waitForLoadState('networkidle');
    assert.equal(await page.getAttribute('#app', 'data-start'), 'input', story.id);
    const placed = story.slides.filter((s) => s.place);
    assert.ok(placed.length > 2, story.id);
    assert.equal(await page.locator('.published li.slide .slide-locator svg.locator[role="img"]').count(), placed.length, story.id);
    for (const slide of placed) {
      const figure = page.locator(`.published li.slide[data-slide-id="${slide.id}"] .slide-locator`);
      assert.equal(await figure.locator('circle.locator-dot').count(), 1, slide.id);
      if (slide.place.name) assert.equal(await figure.locator('figcaption').innerText(), en(slide.place.name));
    }
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
    await checkAxe(page);
  }
  assert.deepEqual(fetched.filter((p) => p.endsWith('.wasm')), [], 'no wasm before the reader acts');

  // Read down to the fourth slide, then act: the app opens there, in either layout.
  for (const story of data.stories) {
    await page.goto(app.url(`/stories/${story.id}`));
    const target = story.slides[3];
    await page.locator(`.published li.slide[data-slide-id="${target.id}"]`).evaluate((li) => li.scrollIntoView({ block: 'start' }));
    await page.keyboard.press('Shift');
    await waitReady(page);
    assert.equal(await page.locator('.published').count(), 0, 'the app has taken over');
    assert.equal(await page.locator('[data-slide-id][aria-current="true"]').getAttribute('data-slide-id'), target.id, story.id);
    const heading = page.locator(`[data-slide-id="${target.id}"] h2`);
    await heading.waitFor();
    const box = await heading.boundingBox();
    const height = page.viewportSize().height;
    assert.ok(box && box.y + box.height > 0 && box.y < height, `${story.id}: the slide is in view (${JSON.stringify(box)})`);
  }
  assertClean(page);
  await page.close();
});

test('a reader who chose another language than the page\'s gets the app at once', async () => {
  const context = await app.browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
  const page = await app.open(`/members/${data.members[0].id}`, { context });
  // No input: the browser's French is enough.
  await page.waitForFunction(() => document.documentElement.lang === 'fr' && !document.querySelector('.published'));
  assert.equal(await page.getAttribute('#app', 'data-state'), 'ready');
  assert.match(await page.locator('dl.facts').innerText(), /Pays/);
  assertClean(page);
  await context.close();
});

test('a photo tapped before the app runs opens in the app\'s lightbox, on a case page and a gallery', async () => {
  for (const [route, nth] of [[`/cases/${CASE.id}`, 0], ['/galleries/impunity-campaign', 2]]) {
    const page = await app.open(route);
    assert.equal(await page.getAttribute('#app', 'data-start'), 'input', `${route} waits for input`);
    const address = page.url();
    const tile = page.locator('.published [data-gallery-id] .photo-tile').nth(nth);
    const id = await tile.getAttribute('data-photo-id');
    await tile.locator('a.photo-open').click();
    await page.waitForFunction(() => document.querySelector('dialog.lightbox')?.open === true);
    const shown = new URL(page.url());
    assert.equal(shown.pathname, new URL(address).pathname, `${route}: the page stays, the image file is not opened`);
    assert.equal(shown.searchParams.get('photo'), id, `${route}: the address names the photo, as the app writes it`);
    assert.equal(await page.locator('dialog.lightbox figure').getAttribute('data-photo-id'), id);
    assertClean(page);
    await page.close();
  }
});

test('a page for other data (?source=) is the app alone, as before', async () => {
  const page = await app.open(`/cases/${CASE.id}?data=/fixtures/nonexistent-manifest.json`);
  const state = await page.waitForFunction(
    () => ['ready', 'error'].includes(document.getElementById('app')?.dataset.state),
  );
  assert.ok(state);
  assert.equal(await page.locator('.published').count(), 0, 'the published copy never shows other data');
  await page.close();
});

test('subfolder hosting: the published pages link under the public URL', async () => {
  const sub = await startApp({ dist: 'target/dist-sub', prefix: '/sub/' });
  try {
    const context = await sub.browser.newContext({ javaScriptEnabled: false });
    const page = await sub.open(`/sub/cases/${CASE.id}`, { context });
    assert.equal(await page.locator('article.case h1').innerText(), CASE.person);
    const links = await page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(links.length > 5);
    assert.deepEqual(links.filter((href) => !href.startsWith('/sub/')), [], 'every app link is under /sub/');
    // The photo resolves against <base href="/sub/">.
    const ok = await page.locator('figure.media img').evaluate((img) => fetch(img.src).then((r) => r.ok));
    assert.equal(ok, true);
    await context.close();
  } finally {
    await sub.close();
  }
});
