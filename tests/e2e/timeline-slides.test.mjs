// Timeline slides and the reader's language: a TimelineJS3 file embedded opens
// on its title slide above the axis; every event reads as a slide by the Next
// button and by the keyboard (the axis following), media from another host
// waits for consent on a slide; French and Arabic month names and digits on
// the axis; counts in the plural form of each of the four languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startApp, waitReady, assertClean, checkAxe, ROOT } from './harness.mjs';
import { timelineJs3Document } from '../../bench/generate.mjs';

const ANCHORS = path.resolve(ROOT, '../shared/fixtures/anchors');
const anchorJson = (name) => JSON.parse(fs.readFileSync(path.join(ANCHORS, name), 'utf8'));
const plain = (html) => html.replace(/<[^>]*>/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

const slide = (page) => page.locator('[data-timeline-slide]');
const slideState = (page) =>
  page.evaluate(() => {
    const s = document.querySelector('[data-timeline-slide]');
    const axis = document.querySelector('[data-timeline] [aria-current="true"][data-event-id]');
    return {
      kind: s.dataset.slide,
      id: s.dataset.eventId ?? null,
      headline: s.querySelector('h2')?.innerText.trim() ?? '',
      axis: axis?.dataset.eventId ?? null,
      announce: document.querySelector('[data-timeline-announce]')?.innerText ?? '',
    };
  });

/** Walks the slides by `next` until nothing changes: the states seen, the title slide first. */
async function walk(page, next) {
  const seen = [await slideState(page)];
  for (let i = 0; i < 500; i += 1) {
    await next();
    const now = await slideState(page);
    if (now.kind === seen.at(-1).kind && now.id === seen.at(-1).id) break;
    seen.push(now);
  }
  return seen;
}

function checkWalk(seen, source) {
  assert.equal(seen[0].kind, 'title', 'the title slide comes first');
  assert.equal(seen[0].headline, plain(source.title.text.headline));
  const events = seen.slice(1);
  assert.equal(events.length, source.events.length, 'one slide per event');
  assert.equal(new Set(events.map((s) => s.id)).size, source.events.length, 'each event once');
  for (const s of events) {
    assert.equal(s.kind, 'event');
    assert.equal(s.axis, s.id, 'the axis follows the slide');
    assert.ok(s.announce.includes(s.headline.replace(/\s*Illustrative$/, '')), `"${s.headline}" is announced`);
  }
  const headlines = new Set(events.map((s) => s.headline));
  for (const event of source.events) {
    const expected = plain(event.text?.headline ?? '');
    if (expected) assert.ok(headlines.has(expected), `a slide reads "${expected}"`);
  }
}

for (const name of ['TimelineJS3-all-media-types.json', 'TimelineJS3-eras.json']) {
  test(`${name} embedded: title slide above the axis, every event by the Next button and by the keys`, async () => {
    const source = anchorJson(name);
    const page = await app.open(`/embed/timeline?source=/anchors/${name}`);
    // A desktop frame of the generator's default height (600px) and of 800px.
    await page.setViewportSize({ width: 1100, height: 800 });
    await waitReady(page);
    const region = slide(page);
    await region.waitFor();
    assert.equal(await region.getAttribute('role'), 'region');
    assert.equal(await region.getAttribute('aria-roledescription'), 'slide');
    // Above the axis, and at least 40% of the frame's height.
    const [box, axisBox, viewport] = [await region.boundingBox(), await page.locator('[data-timeline]').boundingBox(), page.viewportSize()];
    assert.ok(box.y + box.height <= axisBox.y, 'the slide is above the axis');
    assert.ok(box.height >= 0.4 * viewport.height, `slide ${box.height}px of ${viewport.height}px`);
    await checkAxe(page);

    const next = page.locator('[data-timeline-slide-next]');
    const description = async () => page.locator('#tl-slide-next-is').innerText();
    assert.match(await description(), /^Next: /, 'Next is described by the next headline');
    assert.equal(await next.getAttribute('aria-describedby'), 'tl-slide-next-is');
    const byButton = await walk(page, async () => {
      if (await next.isDisabled()) return;
      await next.click();
    });
    checkWalk(byButton, source);
    assert.ok(await next.isDisabled(), 'Next stops at the last slide');
    await checkAxe(page);

    // The keyboard: Home to the title, ArrowRight through every event, End, ArrowLeft back.
    await region.focus();
    await page.keyboard.press('Home');
    const byKeys = await walk(page, () => page.keyboard.press('ArrowRight'));
    checkWalk(byKeys, source);
    await page.keyboard.press('Home');
    assert.equal((await slideState(page)).kind, 'title');
    await page.keyboard.press('End');
    assert.equal((await slideState(page)).id, byKeys.at(-1).id);
    await page.keyboard.press('ArrowLeft');
    assert.equal((await slideState(page)).id, byKeys.at(-2).id);
    // The slide follows the axis.
    await page.locator('[data-timeline]').focus();
    await page.keyboard.press('Home');
    assert.equal((await slideState(page)).id, byKeys[1].id);
    assertClean(page);
    await page.context().close();
  });
}

test('?event= / start_at open that slide; a swipe turns it; layout=axis is the axis alone', async () => {
  const page = await app.open('/embed/timeline?source=/anchors/TimelineJS3-all-media-types.json');
  await waitReady(page);
  for (let i = 0; i < 6; i++) await page.locator('[data-timeline-slide-next]').click();
  const { id } = await slideState(page);
  for (const param of ['start_at', 'event']) {
    await page.goto(app.url(`/embed/timeline?source=/anchors/TimelineJS3-all-media-types.json&${param}=${encodeURIComponent(id)}`));
    await waitReady(page);
    assert.equal((await slideState(page)).id, id, `${param}= opens that slide`);
  }
  // A swipe to the left with a finger shows the next slide.
  const before = await slideState(page);
  const box = await slide(page).boundingBox();
  const y = box.y + box.height / 2;
  await page.evaluate(({ x0, x1, y }) => {
    const el = document.querySelector('[data-timeline-slide]');
    const fire = (type, x) => el.dispatchEvent(new PointerEvent(type, { pointerId: 7, pointerType: 'touch', clientX: x, clientY: y, bubbles: true }));
    fire('pointerdown', x0);
    fire('pointerup', x1);
  }, { x0: box.x + box.width * 0.8, x1: box.x + box.width * 0.2, y });
  const after = await slideState(page);
  assert.notEqual(after.id, before.id, 'the swipe moved on');
  assert.equal(after.axis, after.id);
  await page.goto(app.url(`/embed/timeline?source=/anchors/TimelineJS3-all-media-types.json&layout=axis`));
  await waitReady(page);
  assert.equal(await slide(page).count(), 0, 'layout=axis has no slide');
  assertClean(page);
  await page.context().close();
});

test('Arabic: Next goes to the left, ArrowLeft moves forward, the counter in the locale\'s digits', async () => {
  const page = await app.open('/embed/timeline?source=/anchors/TimelineJS3-eras.json&lang=ar');
  await waitReady(page);
  const next = page.locator('[data-timeline-slide-next]');
  const previous = page.locator('[data-timeline-slide-previous]');
  const [nb, pb] = [await next.boundingBox(), await previous.boundingBox()];
  assert.ok(nb.x < pb.x, 'Next is on the left in Arabic');
  await slide(page).focus();
  await page.keyboard.press('ArrowLeft');
  const first = await slideState(page);
  assert.equal(first.kind, 'event', 'ArrowLeft moved forward');
  await page.keyboard.press('ArrowRight');
  assert.equal((await slideState(page)).kind, 'title', 'ArrowRight moved back');
  // Digits as the browser's Arabic locale writes them.
  const [one, total] = await page.evaluate((n) => [1, n].map((v) => new Intl.NumberFormat('ar').format(v)), anchorJson('TimelineJS3-eras.json').events.length + 1);
  assert.equal(await page.locator('[data-timeline-slide-counter]').innerText(), `${one} من ${total}`);
  await checkAxe(page);
  assertClean(page);
  await page.context().close();
});

test('media from another host waits for the reader on a slide', async () => {
  const source = anchorJson('TimelineJS3-all-media-types.json');
  const page = await app.open('/embed/timeline?source=/anchors/TimelineJS3-all-media-types.json');
  await waitReady(page);
  const next = page.locator('[data-timeline-slide-next]');
  // The first slide with media from another host that shows as a link once loaded (no request is made).
  let found = false;
  for (let i = 0; i <= source.events.length && !found; i += 1) {
    const consent = slide(page).locator('.external-media');
    if ((await consent.count()) > 0) {
      const button = consent.getByRole('button');
      if (/youtube|vimeo|soundcloud|twitter|google|wikipedia/i.test(await consent.getAttribute('data-provider') ?? '')) {
        assert.match(await button.innerText(), /^Load from /);
        await checkAxe(page);
        await button.click();
        await slide(page).locator('.media a[href^="http"]').first().waitFor();
        assert.equal(await slide(page).locator('.external-media').count(), 0, 'the placeholder gave way');
        found = true;
        break;
      }
    }
    await next.click();
  }
  assert.ok(found, 'a slide had hosted media behind consent');
  assertClean(page);
  await page.context().close();
});

const MONTHS = {
  fr: /^(janv\.|févr\.|mars|avr\.|mai|juin|juil\.|août|sept\.|oct\.|nov\.|déc\.) \d{4}$/,
  ar: /^(يناير|فبراير|مارس|أبريل|إبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر) [0-9٠-٩]{4}$/,
};
for (const lang of ['fr', 'ar']) {
  test(`month names on the axis in ${lang}`, async () => {
    const page = await app.open(`/timeline?lang=${lang}&layout=axis`);
    await waitReady(page);
    const axis = page.locator('[data-timeline]');
    await axis.focus();
    const ticks = () => page.evaluate(() => [...document.querySelectorAll('.tl-tick')].map((t) => t.innerText.trim()));
    for (let i = 0; i < 10 && !(await ticks()).some((l) => MONTHS[lang].test(l)); i++) await page.keyboard.press('+');
    const labels = await ticks();
    assert.ok(labels.some((l) => MONTHS[lang].test(l)), `month ticks in ${lang}: ${labels}`);
    assert.ok(!labels.some((l) => /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/.test(l)), `no English month: ${labels}`);
    // The selected event's date reads in the language too.
    await page.keyboard.press('Home');
    const announce = await page.locator('[data-timeline-announce]').innerText();
    assert.ok(!/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}/.test(announce), announce);
    assertClean(page);
    await page.context().close();
  });
}

// The catalogue's text for search results, per CLDR category.
const RESULTS = {
  en: { one: '{count} result', other: '{count} results' },
  fr: { one: '{count} résultat', many: '{count} de résultats', other: '{count} résultats' },
  es: { one: '{count} resultado', many: '{count} de resultados', other: '{count} resultados' },
  ar: { zero: 'لا توجد نتائج', one: 'نتيجة واحدة', two: 'نتيجتان', few: '{count} نتائج', many: '{count} نتيجة', other: '{count} نتيجة' },
};
const TAGS = { en: 'en-GB', fr: 'fr', es: 'es', ar: 'ar' };
for (const lang of ['en', 'fr', 'es', 'ar']) {
  test(`search counts take ${lang}'s plural forms`, async () => {
    const page = await app.open(`/?lang=${lang}`);
    await waitReady(page);
    const box = page.locator('#site-search-input');
    const status = page.locator('.site-search [role="status"]');
    const categories = new Set();
    // Queries with one result, a few and many: the status names the count in the form the language wants.
    for (const query of ['lucia arredondo', 'press', 'a']) {
      await box.fill(query);
      const options = page.locator('#site-search-results [role="option"]');
      await options.first().waitFor({ state: 'attached' });
      const n = await options.count();
      const category = new Intl.PluralRules(lang).select(n);
      categories.add(category);
      const table = RESULTS[lang];
      const expected = (table[category] ?? table.other).replace('{count}', new Intl.NumberFormat(TAGS[lang]).format(n));
      assert.equal(await status.innerText(), expected, `${n} results in ${lang}`);
      if (n === 1) assert.doesNotMatch(await status.innerText(), /results|résultats|resultados/);
    }
    assert.ok(categories.has('one'), `a single result was seen in ${lang}`);
    assertClean(page);
    await page.context().close();
  });
}

// The embed's first view (src/app/first_view.rs): the embed's main module
// draws the title slide from the document before the app's module arrives;
// the app then takes its place without moving it, keeping focus and carrying
// out the reader's early presses of Next and the slide keys.
const APP_MODULE = /\/split_mapline_timeline_app\.wasm$/;

for (const [lang, next, counter] of [
  ['en', 'Next', '1 of 42'],
  // Arabic's digits as Chromium writes them for `ar` (ui::intl).
  ['ar', 'التالية', '1 من 42'],
]) {
  test(`the timeline embed shows its title slide before the app's code arrives (${lang})`, async () => {
    const source = anchorJson('TimelineJS3-all-media-types.json');
    const page = await app.open(undefined, { viewport: { width: 412, height: 823 } });
    let release;
    const held = new Promise((resolve) => {
      release = resolve;
    });
    let requested = false;
    await page.route(APP_MODULE, async (route) => {
      requested = true;
      await held;
      await route.continue();
    });
    await page.goto(app.url(`/embed/timeline?source=/anchors/TimelineJS3-all-media-types.json&lang=${lang}`));
    const first = page.locator('#app[data-first-view] .published [data-timeline-slide][data-slide="title"]');
    await first.waitFor();
    const root = page.locator('#app');
    assert.equal(await root.getAttribute('data-state'), 'loading');
    assert.equal(await root.getAttribute('aria-busy'), 'false', 'the slide is there to read');
    assert.equal(await page.locator('html').getAttribute('dir'), lang === 'ar' ? 'rtl' : 'ltr');
    assert.equal(await first.locator('h2').innerText(), plain(source.title.text.headline));
    assert.match(await first.locator('.rich-text').innerText(), /^TimelineJS supports many media types\./);
    assert.equal(await page.locator('.published [data-timeline-slide-counter]').innerText(), counter);
    const nextButton = page.locator('.published [data-timeline-slide-next]');
    assert.equal((await nextButton.innerText()).replace(/\s+/g, ' ').trim(), lang === 'ar' ? `${next} ←` : `${next} →`);
    assert.match(await page.locator('.published #tl-slide-next-is').innerText(), /YouTube Videos$/, 'Next is described by the first event');
    assert.ok(await page.locator('.published [data-timeline-slide-previous]').isDisabled(), 'nothing before the title slide');
    assert.ok(await page.locator('.published .external-media button').isDisabled(), 'the media waits for the app');
    assert.equal(await page.locator('.app-live').count(), 0, 'the app has not started');
    // Asked for once the slide is painted (app::first_view waits for that,
    // half a second at most): on a fast machine, after the checks above.
    for (let waited = 0; !requested && waited < 5000; waited += 20) await page.waitForTimeout(20);
    assert.ok(requested, 'the app\'s module is on its way');
    await checkAxe(page);
    const before = await first.boundingBox();
    // A reader who reads fast: Next, then the slide's own key for next.
    await nextButton.click();
    await first.focus();
    await page.keyboard.press(lang === 'ar' ? 'ArrowLeft' : 'ArrowRight');
    assert.equal(await first.getAttribute('data-slide'), 'title', 'the first view itself does not move');

    release();
    await waitReady(page);
    assert.equal(await page.locator('#app[data-first-view], .published').count(), 0, 'the app took the first view\'s place');
    const live = slide(page);
    // Where it is (its height follows the slide shown: the moves are carried out).
    const { x, y, width } = await live.boundingBox();
    assert.deepEqual({ x, y, width }, { x: before.x, y: before.y, width: before.width }, 'the slide did not move');
    assert.ok(await live.evaluate((el) => el === document.activeElement), 'focus stayed on the slide');
    // Both moves carried out by the app: the second event.
    await page.waitForFunction(() => document.querySelector('[data-timeline-slide]')?.dataset.eventId === 'timelinejs3-all-media-types-event-2');
    assert.equal(await live.getAttribute('data-slide'), 'event');
    await page.keyboard.press(lang === 'ar' ? 'ArrowRight' : 'ArrowLeft');
    assert.equal(await live.getAttribute('data-event-id'), 'timelinejs3-all-media-types-event-1', 'and the keys work on');
    assertClean(page);
    await page.context().close();
  });
}

test('when the app\'s code cannot be downloaded, the first view stays with a retry', async () => {
  const page = await app.open(undefined, { viewport: { width: 412, height: 823 } });
  await page.route(APP_MODULE, (route) => route.abort());
  await page.goto(app.url('/embed/timeline?source=/anchors/TimelineJS3-all-media-types.json'));
  await page.waitForFunction(() => document.getElementById('app')?.dataset.state === 'error');
  assert.equal(await page.locator('.published [data-timeline-slide] h2').innerText(), 'TimelineJS Media Types');
  const alert = page.locator('#main .load-error[role="alert"]');
  assert.match(await alert.innerText(), /could not be downloaded/);
  assert.equal(await alert.locator('button').innerText(), 'Try again');
  assert.deepEqual(page.trouble.pageErrors, [], 'no panic');
  // The retry loads the page again, and with the module this time.
  await page.unroute(APP_MODULE);
  await alert.locator('button').click();
  await page.waitForFunction(() => document.getElementById('app')?.dataset.state === 'ready');
  assert.equal(await slide(page).getAttribute('data-slide'), 'title');
  await page.context().close();
});

// The embed code generator's address (src/share.rs: height, lang, group) gets
// the first view, at the frame's height; one that opens on an event does not.
for (const [query, drawn] of [
  ['&group=group&lang=en&height=600', true],
  ['&start_at=end', false],
]) {
  test(`the first view is ${drawn ? '' : 'not '}drawn for …${query}`, async () => {
    const page = await app.open(undefined, { viewport: { width: 412, height: 823 } });
    const seen = [];
    await page.exposeFunction('firstViewDrawn', (height) => seen.push(height));
    await page.addInitScript(() => {
      const watch = new MutationObserver(() => {
        if (document.getElementById('app')?.hasAttribute('data-first-view')) {
          watch.disconnect();
          window.firstViewDrawn(document.querySelector('.published #main')?.style.height ?? '');
        }
      });
      watch.observe(document, { subtree: true, attributes: true, childList: true });
    });
    await page.goto(app.url(`/embed/timeline?source=/anchors/TimelineJS3-all-media-types.json${query}`));
    await waitReady(page);
    assert.deepEqual(seen, drawn ? ['600px'] : []);
    assert.equal(await slide(page).getAttribute('data-slide'), drawn ? 'title' : 'event');
    if (drawn) assert.equal(await page.locator('#main').evaluate((el) => el.style.height), '600px', 'as the app sets it');
    assertClean(page);
    await page.context().close();
  });
}

// When the app's module is fetched: after the first view is on screen for a
// small document (its download would hold the first paint back on a phone);
// for a large one, as its bytes arrive, beside the read, which takes about as
// long: the app then draws it without a first view.
for (const [label, count, expected] of [
  ['a small document', 20, ['drawn', 'app module']],
  ['a large document', 5000, ['app module']],
]) {
  test(`the app's code for ${label}: ${expected.join(', then ')}`, async () => {
    const body = timelineJs3Document(count);
    const page = await app.open(undefined, { viewport: { width: 412, height: 823 } });
    const order = [];
    await page.exposeFunction('firstViewDrawn', () => order.push('drawn'));
    await page.addInitScript(() => {
      const seen = new MutationObserver(() => {
        if (document.getElementById('app')?.hasAttribute('data-first-view')) {
          seen.disconnect();
          window.firstViewDrawn();
        }
      });
      seen.observe(document, { subtree: true, attributes: true, childList: true });
    });
    await page.route((url) => url.pathname === '/generated/timeline.json', (route) => route.fulfill({ body, contentType: 'application/json' }));
    page.on('request', (request) => {
      if (APP_MODULE.test(new URL(request.url()).pathname)) order.push('app module');
    });
    await page.goto(app.url('/embed/timeline?source=/generated/timeline.json'));
    await waitReady(page);
    assert.equal(await page.locator('#app[data-first-view]').count(), 0);
    assert.deepEqual(order, expected, `${body.length} bytes`);
    assert.equal(await slide(page).getAttribute('data-slide'), 'title');
    assertClean(page);
    await page.context().close();
  });
}
